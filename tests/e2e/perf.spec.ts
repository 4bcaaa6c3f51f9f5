/**
 * What the load-time changes in src/plugins/perf must not change: a code
 * block is highlighted in the static HTML (no JavaScript), stays highlighted
 * while the page hydrates even before the code-block chunk arrives, is
 * highlighted with working buttons once it has, and after a client-side
 * navigation; and a page without code does not load Prism at all.
 */
import {expect, test, type Page, type Response} from '@playwright/test';

const WITH_CODE = '/docs/contributing';
const WITHOUT_CODE = '/threat-models/server';
/** The key webpack gives Prism's module in whichever bundle holds it. */
const PRISM_MODULE = 'prismjs/prism.js';

async function hydrated(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
}

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false});
  test('a code block is highlighted in the static HTML', async ({page}) => {
    await page.goto(WITH_CODE);
    const block = page.locator('.theme-code-block').first();
    await expect(block).toBeVisible();
    expect(await block.locator('.token-line').count()).toBeGreaterThan(0);
    await expect(page.locator('template')).toHaveCount(0);
  });
});

test('while the code-block chunk is not there, the hydrated page keeps the highlighted server HTML', async ({page}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const blocked: string[] = [];
  await page.route(/\/assets\/js\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    // Only the chunk that brings Prism is held back.
    if (body.includes(PRISM_MODULE) && !/\/main\.[0-9a-f]+\.js$/.test(route.request().url())) {
      blocked.push(route.request().url());
      await route.abort();
      return;
    }
    await route.fulfill({response, body});
  });
  await page.goto(WITH_CODE);
  await hydrated(page);
  await expect.poll(() => blocked.length).toBeGreaterThan(0);
  const tokenLines = await page.locator('.token-line').count();
  expect(tokenLines).toBeGreaterThan(0);
  await expect(page.locator('.theme-code-block').first()).toBeVisible();
  expect(errors.every((e) => /Loading chunk .* failed/.test(e))).toBe(true);
});

test('once hydrated, code blocks are highlighted and their copy button works', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(WITH_CODE);
  await hydrated(page);
  const block = page.locator('.theme-code-block').first();
  await block.hover();
  await block.getByRole('button', {name: /copy/i}).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.length).toBeGreaterThan(0);
  expect(await block.locator('code').innerText()).toContain(copied.split('\n')[0]!);
  expect(await block.locator('.token-line').count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('after a client-side navigation to a page with code, its code blocks are highlighted', async ({page}) => {
  await page.goto('/docs/');
  await hydrated(page);
  await page.locator(`a[href="${WITH_CODE}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${WITH_CODE}$`));
  await expect(page.locator('.theme-code-block .token-line').first()).toBeVisible();
});

test('a page without code blocks does not load Prism', async ({page}) => {
  // Bodies are read as promises and awaited before the assertions, and the
  // listener is removed first: a script that arrives later (the search
  // index's loader, say) would otherwise still be reading when the test ends.
  const bodies: Array<Promise<string>> = [];
  const onResponse = (response: Response) => {
    if (response.url().endsWith('.js')) bodies.push(response.text());
  };
  page.on('response', onResponse);
  await page.goto(WITHOUT_CODE);
  await hydrated(page);
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const scripts = await Promise.all(bodies);
  expect(scripts.length).toBeGreaterThan(1);
  expect(scripts.filter((s) => s.includes(PRISM_MODULE))).toEqual([]);
});
