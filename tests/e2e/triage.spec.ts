/**
 * The triage page ("Is this a Node.js vulnerability?") against the sources:
 * every threat under its use case, the runtime's with severity and
 * conditions and a link that reaches its anchor, the others under "not a
 * vulnerability" by responsibility, every out-of-scope item, the export
 * links, all in the static HTML; axe in both colour modes; nothing wider
 * than a phone.
 */
import AxeBuilder from '@axe-core/playwright';
import {expect, test} from '@playwright/test';
import {inlineText, responsibilityLabel, severityLabel} from '../../plugins/threat-model/lib/present';
import {config, index} from './site';

const PATH = config.site.triagePath;
const label = (responsibility: Parameters<typeof responsibilityLabel>[0]) => responsibilityLabel(responsibility, config.runtime).short;

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false});

  test('the page says what it is and links the policy, the export and its schema', async ({page}) => {
    await page.goto(PATH);
    await expect(page).toHaveTitle(new RegExp(`^Is this a ${config.runtime} vulnerability\\?`));
    await expect(page.locator('h1')).toHaveText(`Is this a ${config.runtime} vulnerability?`);
    const revisions = new Set(index.models.map((m) => m.frontMatter.policy_revision));
    expect(revisions.size, 'the content names one revision, which the lead links').toBe(1);
    const [revision] = [...revisions];
    const policyUrl = config.policy!.url.replace('{revision}', encodeURIComponent(revision!));
    await expect(page.locator('.tm-triage__lead').getByRole('link', {name: `${config.policy!.label} at ${revision!.slice(0, 12)}`})).toHaveAttribute('href', policyUrl);
    await expect(page.getByRole('link', {name: 'threat-models.json'})).toHaveAttribute('href', '/threat-models.json');
    await expect(page.getByRole('link', {name: 'JSON Schema'})).toHaveAttribute('href', '/threat-models.schema.json');
  });

  for (const model of index.models) {
    test(`${model.useCase}: every threat and out-of-scope item is listed where it belongs`, async ({page}) => {
      await page.goto(PATH);
      const section = page.locator(`section[data-use-case="${model.useCase}"]`);
      await expect(section.locator('h2')).toHaveText(config.useCases.find((u) => u.id === model.useCase)!.label);

      const mine = model.threats.filter((t) => t.responsibility === 'node');
      const runtime = section.locator('[data-group="node"]');
      await expect(runtime.locator('h3')).toContainText(label('node'));
      await expect(runtime.locator('[data-threat-id]')).toHaveCount(mine.length);
      for (const threat of mine) {
        const item = runtime.locator(`[data-threat-id="${threat.id}"]`);
        await expect(item.getByRole('link', {name: threat.id, exact: true})).toHaveAttribute('href', `/threat-models/${model.useCase}#${threat.id}`);
        await expect(item).toContainText(threat.title);
        await expect(item.locator('.tm-badge--severity')).toHaveText(severityLabel(threat.severity));
        await expect(item.locator('dd').nth(1)).toHaveText(threat.summary.replace(/\s+/g, ' ').trim());
      }

      const others = model.threats.filter((t) => t.responsibility !== 'node');
      const not = section.locator('[data-group="not-node"]');
      await expect(not.locator('h3')).toHaveText(`Not a ${config.runtime} vulnerability under this model`);
      await expect(not.locator('[data-threat-id]')).toHaveCount(others.length);
      for (const threat of others) {
        const group = not.locator(`[data-responsibility="${threat.responsibility}"]`);
        await expect(group.locator('h4')).toContainText(label(threat.responsibility));
        const item = group.locator(`[data-threat-id="${threat.id}"]`);
        await expect(item).toContainText(threat.title);
        await expect(item.getByRole('link', {name: threat.id, exact: true})).toHaveAttribute('href', `/threat-models/${model.useCase}#${threat.id}`);
      }

      const outOfScope = not.locator('[data-out-of-scope] li');
      await expect(outOfScope).toHaveText(model.outOfScope.map((item) => inlineText(item).replaceAll('`', '')));
    });
  }
});

test('each threat link of the runtime\'s threats reaches its anchor on the model page', async ({page}) => {
  await page.goto(PATH);
  const hrefs = await page.locator('[data-group="node"] [data-threat-id] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(hrefs).toHaveLength(index.models.flatMap((m) => m.threats).filter((t) => t.responsibility === 'node').length);
  const byPage = new Map<string, string[]>();
  for (const href of hrefs) byPage.set(href.split('#')[0]!, [...(byPage.get(href.split('#')[0]!) ?? []), href]);
  for (const [route, links] of byPage) {
    await page.goto(route);
    for (const href of links) {
      const id = href.split('#')[1]!;
      await expect(page.locator(`[id="${id}"]`), href).toHaveCount(1);
    }
  }
});

test('the export link returns the JSON export, and the schema link its JSON Schema', async ({page, request}) => {
  await page.goto(PATH);
  const exported = await request.get((await page.getByRole('link', {name: 'threat-models.json'}).getAttribute('href'))!);
  expect(exported.ok()).toBe(true);
  expect(exported.headers()['content-type']).toContain('application/json');
  const data = (await exported.json()) as {runtime: string; models: Array<{useCase: string}>};
  expect([data.runtime, data.models.map((m) => m.useCase)]).toEqual([config.runtime, index.models.map((m) => m.useCase)]);
  const schema = await request.get((await page.getByRole('link', {name: 'JSON Schema'}).getAttribute('href'))!);
  expect(((await schema.json()) as {title: string}).title).toBe('Threat-model export');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: the triage page has no WCAG 2.2 A/AA violations in ${scheme} mode`, async ({page}) => {
    await page.emulateMedia({colorScheme: scheme});
    await page.goto(PATH);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}

test.describe('phone viewport (390×844)', () => {
  test.use({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
  test('no element of the triage page is wider than the viewport', async ({page}) => {
    await page.goto(PATH);
    const wide = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const outside = (box: DOMRect) => box.width > 0 && (box.left < 0 || box.right > width);
      const main = document.querySelector('main')!;
      const elements = [...main.querySelectorAll('*')].filter((el) => outside(el.getBoundingClientRect()));
      // Text that does not wrap overflows its box without widening it: measure the text itself.
      const texts: Node[] = [];
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        if ([...range.getClientRects()].some(outside)) texts.push(node);
      }
      return [
        ...elements.map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">: ${el.textContent?.slice(0, 40)}`),
        ...texts.map((node) => `text: ${node.textContent?.slice(0, 40)}`),
      ];
    });
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
});
