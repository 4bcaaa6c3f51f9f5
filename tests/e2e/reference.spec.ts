/**
 * The /reference page as a reader uses it: the threat table's query in the
 * URL (shared, reloaded, Back), sorting and the text filter, checked
 * against the sources; the page complete without JavaScript; nothing wider
 * than the viewport; labels instead of raw values; the trust entries closed
 * and opened by their anchor; each model's review state; axe on the card
 * layout.
 */
import AxeBuilder from '@axe-core/playwright';
import {expect, test, type Page} from '@playwright/test';
import {RESPONSIBILITIES, SEVERITIES} from '../../plugins/threat-model/index';
import {responsibilityLabel, severityLabel, statusLabel} from '../../plugins/threat-model/lib/present';
import {config, index, threats} from './site';

const table = (page: Page) => page.locator('table.tm-threats');
const rowIds = (page: Page) => table(page).locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-threat-id')));
const select = (page: Page, name: string) => page.getByRole('combobox', {name, exact: true});
const searchBox = (page: Page) => page.getByRole('searchbox', {name: 'ID or title contains'});

/** Waits until React has hydrated the filter form, so that changes reach it. */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const el = document.querySelector('form.tm-filters select');
    return Boolean(el && Object.keys(el).some((k) => k.startsWith('__reactFiber')));
  });
}

async function open(page: Page, path = '/reference'): Promise<void> {
  await page.goto(path);
  await hydrated(page);
}

const idsWhere = (keep: (t: (typeof threats)[number]) => boolean) => threats.filter(keep).map((t) => t.id);

test.describe('the threat query in the URL', () => {
  test('filters go into the URL, survive a reload, and Back restores the previous state', async ({page}) => {
    await open(page);
    await select(page, 'Severity').selectOption('high');
    await expect(page).toHaveURL(/\/reference\?severity=high$/);
    const high = idsWhere((t) => t.severity === 'high');
    await expect.poll(() => rowIds(page)).toEqual(high);

    await select(page, 'Responsibility').selectOption('node');
    await expect(page).toHaveURL(/\/reference\?severity=high&responsibility=node$/);
    const highNode = idsWhere((t) => t.severity === 'high' && t.responsibility === 'node');
    expect(highNode.length).toBeGreaterThan(0);
    expect(highNode.length).toBeLessThan(high.length);
    await expect.poll(() => rowIds(page)).toEqual(highNode);

    await page.reload();
    await hydrated(page);
    await expect(select(page, 'Severity')).toHaveValue('high');
    await expect(select(page, 'Responsibility')).toHaveValue('node');
    await expect.poll(() => rowIds(page)).toEqual(highNode);
    await expect(page.getByRole('status')).toHaveText(`Showing ${highNode.length} of ${threats.length} threats.`);

    await page.goBack();
    await expect(page).toHaveURL(/\/reference\?severity=high$/);
    await expect(select(page, 'Responsibility')).toHaveValue('');
    await expect.poll(() => rowIds(page)).toEqual(high);

    await page.goBack();
    await expect(page).toHaveURL(/\/reference$/);
    await expect(select(page, 'Severity')).toHaveValue('');
    await expect.poll(() => rowIds(page)).toEqual(threats.map((t) => t.id));

    await page.goForward();
    await expect(select(page, 'Severity')).toHaveValue('high');
    await expect.poll(() => rowIds(page)).toEqual(high);
  });

  test('a shared link opens with its text, filters and sort', async ({page}) => {
    const word = 'server';
    await open(page, `/reference?q=${word}&use-case=server&sort=id&dir=desc`);
    const expected = idsWhere((t) => t.useCase === 'server' && `${t.id} ${t.title}`.toLowerCase().includes(word))
      .sort((a, b) => b.localeCompare(a, 'en', {numeric: true}));
    expect(expected.length).toBeGreaterThan(1);
    await expect(searchBox(page)).toHaveValue(word);
    await expect(select(page, 'Use case')).toHaveValue('server');
    await expect(table(page).locator('th[aria-sort="descending"]')).toHaveText(/^ID/);
    await expect.poll(() => rowIds(page)).toEqual(expected);
  });

  test('values the page does not know are ignored, the valid ones kept', async ({page}) => {
    await open(page, '/reference?severity=severe&responsibility=node&use-case=mobile&sort=stride&dir=up');
    await expect(select(page, 'Responsibility')).toHaveValue('node');
    await expect(select(page, 'Severity')).toHaveValue('');
    await expect(select(page, 'Use case')).toHaveValue('');
    await expect(table(page).locator('th[aria-sort]')).toHaveCount(0);
    await expect.poll(() => rowIds(page)).toEqual(idsWhere((t) => t.responsibility === 'node'));
  });

  test('Reset clears the query and the URL', async ({page}) => {
    await open(page, '/reference?q=proxy&severity=high');
    await expect(searchBox(page)).toHaveValue('proxy');
    await page.getByRole('button', {name: 'Reset'}).click();
    await expect(page).toHaveURL(/\/reference$/);
    await expect(searchBox(page)).toHaveValue('');
    await expect(table(page).locator('tbody tr')).toHaveCount(threats.length);
  });
});

test.describe('sorting', () => {
  test('the Severity header sorts by rank, most severe first, then least severe first', async ({page}) => {
    await open(page);
    const header = table(page).locator('thead th', {has: page.getByRole('button', {name: 'Severity'})});
    await expect(header).not.toHaveAttribute('aria-sort');
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/sort=severity&dir=desc/);
    // Expected from the sources: by rank, ties in the models' order.
    const rank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
    const desc = [...threats].sort((a, b) => rank(b.severity) - rank(a.severity)).map((t) => t.id);
    await expect.poll(() => rowIds(page)).toEqual(desc);
    // Alphabetical order would put "critical" before "high" before "low" before "medium"; rank differs.
    const first = threats.find((t) => t.id === desc.at(-1))!;
    expect(first.severity).toBe(SEVERITIES.find((s) => threats.some((t) => t.severity === s)));

    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const asc = [...threats].sort((a, b) => rank(a.severity) - rank(b.severity)).map((t) => t.id);
    await expect.poll(() => rowIds(page)).toEqual(asc);
    await expect(table(page).locator('th[aria-sort]')).toHaveCount(1);
  });

  test('every sortable header is a button, and the others are not', async ({page}) => {
    await open(page);
    const buttons = await table(page).locator('thead th button').allTextContents();
    expect(buttons.map((b) => b.replace(/[▲▼↕]/g, '').trim())).toEqual(['ID', 'Title', 'Use case', 'Severity', 'Responsibility']);
  });
});

test.describe('text filter', () => {
  test('typing a title word leaves exactly the threats whose ID or title has it, as one step in the history', async ({page}) => {
    // A word of one title that some but not all titles have.
    const word = 'smuggling';
    const expected = idsWhere((t) => `${t.id} ${t.title}`.toLowerCase().includes(word));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(threats.length);
    await open(page);
    await searchBox(page).pressSequentially('Smuggling');
    await expect.poll(() => rowIds(page)).toEqual(expected);
    await expect(page.getByRole('status')).toHaveText(`Showing ${expected.length} of ${threats.length} threats.`);
    await expect(page).toHaveURL(/\/reference\?q=Smuggling$/);
    // Nine keystrokes, one history entry: Back returns to the unfiltered table.
    await page.goBack();
    await expect(page).toHaveURL(/\/reference$/);
    await expect(searchBox(page)).toHaveValue('');
    await expect(table(page).locator('tbody tr')).toHaveCount(threats.length);
  });

  test('an ID matches too', async ({page}) => {
    const id = threats[3]!.id;
    await open(page);
    await searchBox(page).fill(id.toLowerCase());
    await expect.poll(() => rowIds(page)).toEqual(idsWhere((t) => `${t.id} ${t.title}`.toLowerCase().includes(id.toLowerCase())));
  });
});

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false});

  test('the static HTML holds every threat row, the review state and the trust lists', async ({page}) => {
    await page.goto('/reference');
    await expect(table(page).locator('tbody tr')).toHaveCount(threats.length);
    const ids = await rowIds(page);
    expect(ids).toEqual(threats.map((t) => t.id));
    for (const threat of threats) {
      await expect(page.locator(`tr[data-threat-id="${threat.id}"]`)).toContainText(threat.title);
    }
    await expect(page.locator('table.tm-models tbody tr')).toHaveCount(index.models.length);
    await expect(page.locator('details.tm-trust__entry')).toHaveCount(index.models.length);
    const items = await page.locator('details.tm-trust__entry li').count();
    expect(items).toBe(index.models.reduce((n, m) => n + m.trusted.length + m.untrusted.length, 0));
  });
});

/** Elements whose right edge is past the viewport's. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      // Docusaurus's "Skip to main content" link waits at left: 100% (position: fixed) until it is focused; it does not widen the page.
      if (el.closest('[class*="skipToContent"]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > window.innerWidth + 0.5) out.push(`${el.tagName.toLowerCase()}.${String(el.className)} right=${Math.round(r.right)}`);
    }
    return out;
  });
}

test.describe('fits the viewport', () => {
  for (const width of [390, 768, 1024, 1280]) {
    test(`at ${width} px no element is wider than the viewport, with every trust entry open`, async ({page}) => {
      await page.setViewportSize({width, height: 900});
      await open(page);
      expect(await overflowing(page)).toEqual([]);
      await page.locator('details.tm-trust__entry').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await overflowing(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    });
  }

  test('at 390 px each threat is a card whose fields are labelled with the column names', async ({page}) => {
    await page.setViewportSize({width: 390, height: 844});
    await open(page);
    const headers = ['', '', 'Use case', 'STRIDE', 'Severity', 'Responsibility', 'Features'];
    const labels = await table(page).locator('tbody tr').first().locator('th, td').evaluateAll((cells) =>
      cells.map((c) => getComputedStyle(c, '::before').content.replace(/^"|"$/g, '').replace(/^none$/, '')));
    expect(labels).toEqual(headers);
    expect(await table(page).locator('thead th.tm-unsorted').first().evaluate((th) => getComputedStyle(th).display)).toBe('none');
    // Cards stack: the second row starts below the first.
    const [a, b] = await table(page).locator('tbody tr').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getBoundingClientRect()));
    expect(b!.top).toBeGreaterThanOrEqual(a!.bottom);
  });

  for (const width of [390, 1280]) {
    test(`at ${width} px IDs and flags are on one line each, and titles do not break inside words`, async ({page}) => {
      await page.setViewportSize({width, height: 900});
      await open(page);
      const broken = await page.locator('main').evaluate((main) => {
        const out: string[] = [];
        for (const el of main.querySelectorAll('.tm-id, code')) {
          if (getComputedStyle(el).whiteSpace !== 'nowrap' || el.getClientRects().length !== 1) out.push(el.textContent ?? '');
        }
        for (const cell of main.querySelectorAll('table.tm-threats tbody td:nth-child(2)')) {
          const s = getComputedStyle(cell);
          if (s.overflowWrap !== 'normal' || s.wordBreak !== 'normal') out.push(`title: ${cell.textContent}`);
        }
        return out;
      });
      expect(broken).toEqual([]);
    });
  }

  test('at 1280 px the threat table is a table whose "Responsibility" header is on one line', async ({page}) => {
    await page.setViewportSize({width: 1280, height: 900});
    await open(page);
    expect(await table(page).evaluate((t) => getComputedStyle(t).display)).toBe('table');
    const button = table(page).getByRole('button', {name: 'Responsibility'});
    const {height, lineHeight} = await button.evaluate((b) => ({height: b.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(b).lineHeight)}));
    expect(height).toBeLessThan(lineHeight * 1.5);
  });
});

test.describe('labels, not raw values', () => {
  const raw = [...RESPONSIBILITIES, ...SEVERITIES, 'draft', 'review', 'published'];

  test('no cell of any table says a raw value, and badges and filters say the labels', async ({page}) => {
    await open(page);
    const cells = await page.locator('main table').locator('th, td').allTextContents();
    expect(cells.filter((text) => raw.includes(text.trim()))).toEqual([]);
    expect(cells.filter((text) => text.trim() === 'node')).toEqual([]);

    const runtime = config.runtime;
    for (const threat of threats.slice(0, 10)) {
      const row = page.locator(`tr[data-threat-id="${threat.id}"]`);
      await expect(row.locator(`.tm-badge--responsibility-${threat.responsibility}`)).toHaveText(responsibilityLabel(threat.responsibility, runtime).short);
      await expect(row.locator(`.tm-badge--severity-${threat.severity}`)).toHaveText(severityLabel(threat.severity));
    }
    const options = await select(page, 'Responsibility').locator('option').allTextContents();
    expect(options).toEqual(['All', ...RESPONSIBILITIES.map((r) => responsibilityLabel(r, runtime).short)]);
    const severities = await select(page, 'Severity').locator('option').allTextContents();
    expect(severities).toEqual(['All', ...SEVERITIES.map(severityLabel)]);
    for (const r of RESPONSIBILITIES) {
      await expect(page.locator(`#responsibility-${r} h3 .tm-badge--responsibility-${r}`)).toHaveText(responsibilityLabel(r, runtime).short);
    }
  });
});

test.describe('trust by use case', () => {
  test('every entry starts closed, its summary giving the label and the counts', async ({page}) => {
    await open(page);
    for (const model of index.models) {
      const entry = page.locator(`details#use-case-${model.useCase}`);
      await expect(entry).not.toHaveAttribute('open');
      await expect(entry.locator('summary')).toHaveText(new RegExp(`${model.trusted.length} trusted, ${model.untrusted.length} untrusted$`));
      await expect(entry.locator('li').first()).toBeHidden();
    }
  });

  test('#use-case-<id> opens that entry, on load and on a hash change', async ({page}) => {
    const [first, second] = index.models;
    await open(page, `/reference#use-case-${first!.useCase}`);
    await expect(page.locator(`details#use-case-${first!.useCase}`)).toHaveAttribute('open');
    await expect(page.locator(`details#use-case-${first!.useCase} li`).first()).toBeVisible();
    await expect(page.locator(`details#use-case-${first!.useCase} summary`)).toBeInViewport();
    await expect(page.locator(`details#use-case-${second!.useCase}`)).not.toHaveAttribute('open');

    await page.evaluate((id) => { location.hash = `#use-case-${id}`; }, second!.useCase);
    await expect(page.locator(`details#use-case-${second!.useCase}`)).toHaveAttribute('open');
    await expect(page.locator(`details#use-case-${second!.useCase} summary`)).toBeInViewport();
  });
});

test.describe('review state', () => {
  test('each use case shows its status, last review, owners and policy revision', async ({page}) => {
    await open(page);
    for (const model of index.models) {
      const row = page.locator(`table.tm-models tr[data-use-case="${model.useCase}"]`);
      const fm = model.frontMatter;
      await expect(row.locator('.tm-badge--status')).toHaveText(statusLabel(fm.status));
      await expect(row.locator('time')).toHaveAttribute('datetime', fm.last_reviewed);
      await expect(row.locator('time')).toHaveText(fm.last_reviewed);
      for (const owner of fm.owners) await expect(row).toContainText(owner);
      if (config.policy && fm.policy_revision) {
        const link = row.getByRole('link', {name: `${config.policy.label} at ${fm.policy_revision.slice(0, 12)}`});
        await expect(link).toHaveAttribute('href', config.policy.url.replace('{revision}', encodeURIComponent(fm.policy_revision)));
      }
    }
    // The site's models name a policy revision: the column is not vacuous.
    expect(index.models.every((m) => m.frontMatter.policy_revision)).toBe(true);
  });
});

test.describe('accessibility of the card layout', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: /reference at 390 px with the trust entries open has no WCAG 2 A/AA violations in ${scheme} mode`, async ({page}) => {
      await page.setViewportSize({width: 390, height: 844});
      await page.emulateMedia({colorScheme: scheme});
      await open(page, '/reference?severity=high&sort=severity&dir=desc');
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await page.locator('details.tm-trust__entry').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  }
});
