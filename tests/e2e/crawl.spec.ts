import {expect, test} from '@playwright/test';

/**
 * Breadth-first crawl of every page reachable from `/`: each answers 200,
 * every same-page or cross-page #fragment has its target, and no page logs a
 * console error.
 */
test('every page reachable from / answers 200, with its anchors and no console errors', async ({page, baseURL}) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const fragments: Array<{from: string; path: string; id: string}> = [];
  const ids = new Map<string, Set<string>>();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));

  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    expect(response?.status(), `status of ${path}`).toBe(200);
    ids.set(path, new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id))));
    // `getAttribute`, resolved against the page: an SVG link (the data-flow diagrams) has no string `href` property.
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.getAttribute('href')!, document.baseURI).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      // Files beside the site (the JSON export and the interchange files) are checked by the content and exports specs.
      if (/\.(json|xml|svg|png|ico|csv)$/.test(url.pathname)) continue;
      const target = url.pathname.replace(/\/$/, '') || '/';
      if (url.hash.length > 1) fragments.push({from: path, path: target, id: decodeURIComponent(url.hash.slice(1))});
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }

  expect(seen.size, 'pages crawled').toBeGreaterThan(10);
  const missing = fragments.filter((f) => !ids.get(f.path)?.has(f.id)).map((f) => `${f.from} -> ${f.path}#${f.id}`);
  expect([...new Set(missing)], 'fragment links without a target').toEqual([]);
  expect(errors, 'console errors').toEqual([]);
});

test('an unknown path answers 404', async ({request}) => {
  const response = await request.get('/threat-models/no-such-use-case');
  expect(response.status()).toBe(404);
});
