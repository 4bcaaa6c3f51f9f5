import {expect, test} from '@playwright/test';
import {threats, threatPages} from './site';

test.describe('phone viewport (390×844)', () => {
  test.use({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
  for (const path of [...threatPages, '/reference', '/', '/docs/']) {
    test(`${path} has no horizontal scroll`, async ({page}) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test.describe('phone viewport, code in fields and data-flow tables', () => {
  test.use({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
  for (const path of threatPages) {
    test(`${path}: no flag, ID or code span in a field or a data-flow table breaks across lines`, async ({page}) => {
      await page.goto(path);
      const broken = await page.locator('.tm-fields dd code, .tm-dfd-table code').evaluateAll((spans) =>
        spans.filter((el) => el.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(el).fontSize)).map((el) => el.textContent));
      expect(broken).toEqual([]);
      expect(await page.locator('.tm-fields dd code').count()).toBeGreaterThan(0);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false});
  test('the reference page still shows every threat', async ({page}) => {
    await page.goto('/reference');
    await expect(page.locator('table.tm-threats tbody tr')).toHaveCount(threats.length);
    for (const threat of threats) {
      await expect(page.locator(`tr[data-threat-id="${threat.id}"]`)).toContainText(threat.title);
    }
  });
});

test.describe('navbar on narrow screens', () => {
  // Below 997 px Docusaurus places the search box absolutely, over the navbar's
  // right end: the site title must stop before it, not run underneath.
  for (const width of [320, 360, 390, 430, 520, 700, 996]) {
    test(`at ${width} px the site title ends before the search box`, async ({page}) => {
      await page.setViewportSize({width, height: 800});
      await page.goto('/reference');
      const search = page.getByRole('combobox', {name: 'Search the site'});
      await expect(search).toBeVisible();
      // The box narrows with a transition: measure once it has settled.
      await expect.poll(() => search.evaluate((el) => el.getAnimations().length)).toBe(0);
      const title = await page.locator('.navbar__inner .navbar__title').boundingBox();
      const box = await search.boundingBox();
      expect(title!.x + title!.width).toBeLessThanOrEqual(box!.x);
    });
  }

  test('at 390 px the whole site title shows, and the search box widens when focused', async ({page}) => {
    await page.setViewportSize({width: 390, height: 800});
    await page.goto('/reference');
    const clipped = await page.locator('.navbar__inner .navbar__title').evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(clipped).toBe(false);
    const search = page.getByRole('combobox', {name: 'Search the site'});
    const idle = (await search.boundingBox())!.width;
    await search.focus();
    await expect.poll(async () => (await search.boundingBox())!.width).toBeGreaterThan(idle * 3);
    await search.fill('SRV-01');
    await expect(page.getByRole('option').first()).toContainText('SRV-01');
  });
});
