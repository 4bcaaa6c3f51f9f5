/**
 * The home page's use-case cards and the 404 page, against the sources read
 * through the same parser the site uses: each card's description, counts by
 * responsibility and review state; the 404 page's search form and links.
 */
import AxeBuilder from '@axe-core/playwright';
import {expect, test, type Locator, type Page} from '@playwright/test';
import {RESPONSIBILITIES} from '../../plugins/threat-model/index';
import {responsibilityClass, responsibilityLabel, statusLabel} from '../../plugins/threat-model/lib/present';
import {config, index, threats} from './site';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MISSING = '/threat-models/no-such-page';

/** The home page's card of a use case, found by its heading. */
function card(page: Page, label: string): Locator {
  return page.locator('main li').filter({has: page.getByRole('heading', {level: 3, name: label, exact: true})});
}

/** The row of a card that counts one responsibility, found by its badge. */
function countRow(cardLocator: Locator, className: string): Locator {
  return cardLocator.getByRole('listitem').filter({has: cardLocator.page().locator(`[class="${className}"]`)});
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.describe('home page cards', () => {
  test('there is one card per configured use case, in the configuration order', async ({page}) => {
    await page.goto('/');
    const titles = page.locator('main li h3');
    await expect(titles).toHaveText(config.useCases.map((u) => u.label));
  });

  for (const model of index.models) {
    const label = config.useCases.find((u) => u.id === model.useCase)!.label;

    test(`${model.useCase}: description, counts by responsibility and review state match the source`, async ({page}) => {
      await page.goto('/');
      const c = card(page, label);
      await expect(c).toHaveCount(1);
      await expect(c).toContainText(model.frontMatter.description);
      await expect(c).toContainText(`${model.threats.length} threats`);
      for (const r of RESPONSIBILITIES) {
        const count = model.threats.filter((t) => t.responsibility === r).length;
        const row = countRow(c, responsibilityClass(r));
        await expect(row, r).toHaveCount(1);
        await expect(row.locator(`[class="${responsibilityClass(r)}"]`)).toHaveText(responsibilityLabel(r, config.runtime).short);
        await expect(row.getByText(String(count), {exact: true}), `${r}: ${count}`).toBeVisible();
      }
      await expect(c.locator('.tm-badge--status')).toHaveText(statusLabel(model.frontMatter.status));
      await expect(c.locator(`time[datetime="${model.frontMatter.last_reviewed}"]`)).toHaveText(model.frontMatter.last_reviewed);
      await expect(c).toContainText(`Last reviewed ${model.frontMatter.last_reviewed}`);
    });

    test(`${model.useCase}: the card's title links to its threat model`, async ({page}) => {
      await page.goto('/');
      await card(page, label).getByRole('link', {name: label, exact: true}).click();
      await expect(page).toHaveURL(new RegExp(`/threat-models/${model.useCase}$`));
      await expect(page.getByRole('heading', {level: 1})).toHaveText(model.frontMatter.title);
    });
  }

  test('a zero count is muted: its badge loses its fill, every other count keeps it', async ({page}) => {
    await page.goto('/');
    const seen = new Set<boolean>();
    for (const model of index.models) {
      const c = card(page, config.useCases.find((u) => u.id === model.useCase)!.label);
      for (const r of RESPONSIBILITIES) {
        const zero = model.threats.every((t) => t.responsibility !== r);
        const fill = await c.locator(`[class="${responsibilityClass(r)}"]`).evaluate((e) => getComputedStyle(e).backgroundColor);
        expect(fill === 'rgba(0, 0, 0, 0)', `${model.useCase} ${r}: ${fill}`).toBe(zero);
        seen.add(zero);
      }
    }
    // The sources have both kinds, or this test would check only one.
    expect([...seen].sort()).toEqual([false, true]);
  });
});

test.describe('404 page', () => {
  test('answers 404 and says the page was not found', async ({page}) => {
    const response = await page.goto(MISSING);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Page not found');
    await expect(page.getByRole('main')).toContainText(`There is no page at ${MISSING}.`);
  });

  test('lists every use case with a link to its page, and links the reference', async ({page}) => {
    await page.goto(MISSING);
    const nav = page.getByRole('navigation', {name: 'Threat models by use case'});
    for (const model of index.models) {
      const label = config.useCases.find((u) => u.id === model.useCase)!.label;
      await expect(nav.getByRole('link', {name: label, exact: true})).toHaveAttribute('href', `/threat-models/${model.useCase}`);
    }
    await expect(nav.getByRole('listitem')).toHaveCount(config.useCases.length);
    await expect(nav.getByRole('link', {name: 'the reference'})).toHaveAttribute('href', '/reference');
  });

  test('its search form lands on the search page with results', async ({page}) => {
    const threat = threats.find((t) => t.id === 'SRV-01') ?? threats[0]!;
    const word = 'smuggling';
    expect(threat.title.toLowerCase()).toContain(word);
    await page.goto(MISSING);
    const search = page.getByRole('search', {name: 'Search the site'});
    await search.getByRole('searchbox', {name: 'Words or a threat ID (such as SRV-01)'}).fill(word);
    await search.getByRole('button', {name: 'Search'}).click();
    await expect(page).toHaveURL(`/search?q=${word}`);
    await expect(page.getByRole('heading', {level: 1})).toHaveText(`Search results for "${word}"`);
    // Results are articles whose heading links the page and anchor of the hit (the heading and its text may both match).
    await expect(page.locator('article').getByRole('link', {name: `${threat.id} · ${threat.title}`}).first()).toHaveAttribute('href', `/threat-models/${threat.useCase}#${threat.id}`);
  });

  test.describe('without JavaScript', () => {
    test.use({javaScriptEnabled: false});
    test('the search form still submits to the search page', async ({page}) => {
      await page.goto(MISSING);
      await page.getByRole('searchbox', {name: 'Words or a threat ID (such as SRV-01)'}).fill('permission');
      await page.getByRole('button', {name: 'Search'}).click();
      await expect(page).toHaveURL('/search?q=permission');
    });
  });
});

test.describe('phone viewport (390×844)', () => {
  test.use({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
  for (const path of ['/', MISSING, `/threat-models/${'a-very-long-missing-address-'.repeat(8)}`]) {
    test(`${path.slice(0, 60)} has no horizontal scroll`, async ({page}) => {
      await page.goto(path);
      await expect(page.getByRole('heading', {level: 1})).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });
  }
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, path] of [['home', '/'], ['404', MISSING]] as const) {
    test(`axe: the ${name} page has no WCAG 2.2 A/AA violations in ${scheme} mode`, async ({page}) => {
      await page.emulateMedia({colorScheme: scheme});
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const results = await new AxeBuilder({page}).withTags(AXE_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  }
}
