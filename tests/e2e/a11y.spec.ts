import AxeBuilder from '@axe-core/playwright';
import {expect, test} from '@playwright/test';
import {pageTypes} from './site';

for (const scheme of ['light', 'dark'] as const) {
  for (const [type, path] of Object.entries(pageTypes)) {
    test(`axe: ${type} page (${path}) has no WCAG 2 A/AA violations in ${scheme} mode`, async ({page}) => {
      await page.emulateMedia({colorScheme: scheme});
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary).toEqual([]);
    });
  }

  test(`axe: the open search dropdown has no violations in ${scheme} mode`, async ({page}) => {
    await page.emulateMedia({colorScheme: scheme});
    await page.goto('/docs/');
    await page.locator('input.navbar__search-input').fill('permission');
    await expect(page.getByRole('option').first()).toBeVisible();
    const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}
