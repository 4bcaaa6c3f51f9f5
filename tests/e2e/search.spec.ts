/**
 * The site's search (Pagefind) in the built site: every threat ID finds its
 * own section first and once, a title word finds the threat, the use-case
 * filter narrows results and lives in the URL, the navbar combobox works from
 * the keyboard, and nothing of the index loads before a reader starts to
 * search.
 */
import fs from 'node:fs';
import path from 'node:path';
import {expect, test, type Locator, type Page} from '@playwright/test';
import {threats} from './site';

const buildDir = path.resolve(__dirname, '../../build');
const fileSize = (urlPath: string) => fs.statSync(path.join(buildDir, urlPath)).size;
const smuggling = threats.find((t) => t.id === 'SRV-01')!;
const sectionUrl = (t: {id: string; useCase: string}) => `/threat-models/${t.useCase}#${t.id}`;
const combobox = (page: Page) => page.getByRole('combobox', {name: 'Search the site'});
const resultsRegion = (page: Page) => page.getByRole('region', {name: 'Results'});
const resultLinks = (page: Page) => resultsRegion(page).locator('article h2 a');

/** The section title of each dropdown option (its second line: page, section, excerpt). */
async function optionSections(page: Page): Promise<string[]> {
  return (await page.getByRole('option').allInnerTexts()).map((text) => text.split('\n')[1] ?? '');
}

/** Types `query` into the navbar box and waits until its options are for it. */
async function typeInNavbar(page: Page, query: string): Promise<Locator> {
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  const box = combobox(page);
  await box.fill(query);
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  return box;
}

/** Types `query` into the search page's box and waits until the results are for it. */
async function searchOnPage(page: Page, query: string): Promise<void> {
  await page.getByLabel('Words or a threat ID').fill(query);
  await expect(page.getByRole('heading', {level: 1})).toHaveText(`Search results for "${query}"`);
  await expect(resultsRegion(page)).toHaveAttribute('aria-busy', 'false');
}

test.describe('search', () => {
  test('nothing of the index loads before the first focus; the first focus loads Pagefind', async ({page}) => {
    const requests: string[] = [];
    const sizes: Promise<[string, number]>[] = [];
    const finished: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    page.on('requestfinished', (r) => {
      if (r.url().includes('/pagefind/')) finished.push(new URL(r.url()).pathname);
      if (r.url().includes('/pagefind/')) sizes.push(r.sizes().then((s) => [new URL(r.url()).pathname, s.responseBodySize]));
    });
    await page.goto('/docs/');
    await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    await combobox(page).focus();
    // Pagefind's init: its API, its worker, the index's entry file and metadata, and the wasm search engine.
    await expect.poll(() => ['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind'].every((f) => finished.includes(`/pagefind/${f}`))).toBe(true);
    await expect.poll(() => finished.some((f) => f.endsWith('.pf_meta'))).toBe(true);
    // The size on disk: Chromium reports no body size for the worker's script.
    const loaded = (await Promise.all(sizes)).map(([p, n]): [string, number] => [p, Math.max(n, fileSize(p))]);
    const total = loaded.reduce((sum, [, n]) => sum + n, 0);
    test.info().annotations.push({type: 'first focus', description: `${total} bytes: ${loaded.map(([p, n]) => `${p} ${n}`).join(', ')}`});
    expect(loaded.map(([p]) => p)).toContain('/pagefind/pagefind.js');
    expect(total).toBeGreaterThan(0);
  });

  test('the search page lists every threat ID section first and once', async ({page}) => {
    test.setTimeout(240_000);
    await page.goto('/search');
    await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
    const wrong: string[] = [];
    for (const threat of threats) {
      await searchOnPage(page, threat.id);
      const hrefs = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      const once = hrefs.filter((h) => h === sectionUrl(threat)).length;
      if (hrefs[0] !== sectionUrl(threat) || once !== 1) wrong.push(`${threat.id}: first ${hrefs[0]}, ${once} times`);
    }
    test.info().annotations.push({type: 'ID queries', description: `${threats.length - wrong.length} of ${threats.length} first and once`});
    expect(wrong).toEqual([]);
  });

  test('the search page takes a lower-case ID too', async ({page}) => {
    await page.goto(`/search?q=${smuggling.id.toLowerCase()}`);
    await expect(resultLinks(page).first()).toHaveAttribute('href', sectionUrl(smuggling));
  });

  test('an excerpt of a table reads its cells as separate words', async ({page}) => {
    // The minifier drops the end tags of table cells; without a space between
    // them the permission model's flag table read "22.x.--permission-auditv25.8.0".
    await page.goto('/search');
    await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
    await searchOnPage(page, 'permission-audit');
    const text = await resultsRegion(page).innerText();
    expect(text).toContain('--permission-audit v25.8.0');
    expect(text).not.toMatch(/[\w.]--permission-audit|--permission-audit[\w]/);
  });

  test('the navbar box shows every threat ID section as the first option, once', async ({page}) => {
    test.setTimeout(240_000);
    await page.goto('/docs/');
    const wrong: string[] = [];
    for (const threat of threats) {
      await typeInNavbar(page, threat.id);
      await expect(page.getByRole('option').first()).toContainText(`${threat.id} · `);
      const sections = await optionSections(page);
      const once = sections.filter((s) => s.startsWith(`${threat.id} · `)).length;
      if (!sections[0]!.startsWith(`${threat.id} · `) || once !== 1) wrong.push(`${threat.id}: ${sections.join(' | ')}`);
    }
    test.info().annotations.push({type: 'ID queries', description: `${threats.length - wrong.length} of ${threats.length} first and once`});
    expect(wrong).toEqual([]);
    // Enter on the first option opens the section.
    const last = threats.at(-1)!;
    await typeInNavbar(page, last.id);
    await expect(page.getByRole('option').first()).toContainText(`${last.id} · `);
    await combobox(page).press('ArrowDown');
    await combobox(page).press('Enter');
    await expect(page).toHaveURL(sectionUrl(last));
  });

  test('a word of a threat title finds its section, in the dropdown and on the search page', async ({page}) => {
    const word = 'smuggling';
    expect(smuggling.title.toLowerCase()).toContain(word);
    await page.goto('/');
    await typeInNavbar(page, word);
    const option = page.getByRole('option').filter({hasText: `${smuggling.id} · ${smuggling.title}`});
    await expect(option).toHaveCount(1);
    await option.click();
    await expect(page).toHaveURL(sectionUrl(smuggling));
    await expect(page.locator(`h3[id="${smuggling.id}"]`)).toBeInViewport();

    await page.goto(`/search?q=${word}`);
    await expect(resultLinks(page).filter({hasText: `${smuggling.id} · ${smuggling.title}`})).toHaveAttribute('href', sectionUrl(smuggling));
  });

  test('the combobox works from the keyboard', async ({page}) => {
    await page.goto('/docs/');
    await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
    const box = combobox(page);
    await box.focus();
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await box.pressSequentially('smuggling');
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    const listbox = page.getByRole('listbox', {name: 'Search results'});
    await expect(box).toHaveAttribute('aria-controls', (await listbox.getAttribute('id'))!);
    const options = listbox.getByRole('option');
    await expect(options.first()).toBeVisible();
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();

    await box.press('ArrowDown');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(0).getAttribute('id'))!);
    await box.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
    await box.press('ArrowUp');
    await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(0).getAttribute('id'))!);
    await box.press('ArrowUp');
    await expect(box).toHaveAttribute('aria-activedescendant', (await options.last().getAttribute('id'))!);

    await box.press('Escape');
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(box).not.toHaveAttribute('aria-activedescendant');
    await expect(box).toHaveValue('smuggling');
    await box.press('ArrowDown');
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await box.press('Escape');
    await box.press('Escape');
    await expect(box).toHaveValue('');

    // Enter with no active option opens every result on the search page.
    await box.pressSequentially('smuggling');
    await expect(options.first()).toBeVisible();
    await box.press('Enter');
    await expect(page).toHaveURL('/search?q=smuggling');
    await expect(resultLinks(page).first()).toBeVisible();
  });

  test('"See all results" opens the search page for the words typed', async ({page}) => {
    await page.goto('/docs/');
    await typeInNavbar(page, 'permission');
    await page.getByRole('link', {name: 'See all results'}).click();
    await expect(page).toHaveURL('/search?q=permission');
    await expect(page.getByLabel('Words or a threat ID')).toHaveValue('permission');
  });

  test('the use-case filter narrows results, is kept in the URL, restored on reload and undone by Back', async ({page}) => {
    await page.goto('/search?q=permission');
    await expect(resultsRegion(page)).toHaveAttribute('aria-busy', 'false');
    const all = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(all.some((h) => !h.startsWith('/threat-models/server'))).toBe(true);

    const filter = page.getByLabel('Use case');
    await filter.selectOption('Server');
    await expect(page).toHaveURL('/search?q=permission&use_case=Server');
    await expect(resultsRegion(page)).toHaveAttribute('aria-busy', 'false');
    const narrowed = async () => resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    await expect.poll(async () => (await narrowed()).every((h) => h.startsWith('/threat-models/server#'))).toBe(true);
    expect((await narrowed()).length).toBeGreaterThan(0);
    await expect(page.getByRole('status')).toContainText('in Server');

    await page.reload();
    await expect(filter).toHaveValue('Server');
    await expect(page.getByLabel('Words or a threat ID')).toHaveValue('permission');
    await expect(resultsRegion(page)).toHaveAttribute('aria-busy', 'false');
    expect((await narrowed()).every((h) => h.startsWith('/threat-models/server#'))).toBe(true);

    await page.goBack();
    await expect(page).toHaveURL('/search?q=permission');
    await expect(filter).toHaveValue('');
    await page.goForward();
    await expect(filter).toHaveValue('Server');
  });

  test('without an index, both say where search works', async ({page}) => {
    await page.route('**/pagefind/**', (route) => route.fulfill({status: 404, body: 'not found'}));
    await page.goto('/docs/');
    await typeInNavbar(page, 'permission');
    await expect(page.getByRole('status').filter({hasText: 'Search works on the built site'})).toContainText('npm run build && npm run serve');
    await page.goto('/search?q=permission');
    await expect(page.getByRole('status')).toContainText('Search works on the built site: npm run build && npm run serve');
  });
});
