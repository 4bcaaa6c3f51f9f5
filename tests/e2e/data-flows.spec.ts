/**
 * The data flows of each threat page, in the built HTML with JavaScript off
 * (the diagram is drawn at build time) and with it on for axe: every flow of
 * the source is in the SVG and in the flow table; every threat that names a
 * flow is linked from the flow's row and links back to it; and the diagram
 * scrolls inside its figure at phone width. Expectations come from the
 * sources through the same reader, never from literals.
 */
import AxeBuilder from '@axe-core/playwright';
import {expect, test, type Page} from '@playwright/test';
import {index} from './site';

const models = index.models.filter((m) => m.dataFlows);

test('every Node.js model has a data-flow section', () => {
  expect(models.map((m) => m.useCase)).toEqual(index.models.map((m) => m.useCase));
});

/** Threat IDs that name each flow or element, in the order written. */
function threatsOn(model: (typeof models)[number]): Map<string, string[]> {
  const on = new Map<string, string[]>();
  for (const threat of model.threats) for (const id of threat.flows) on.set(id, [...(on.get(id) ?? []), threat.id]);
  return on;
}

const hrefs = (page: Page, selector: string) => page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href')));

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false});
  for (const model of models) {
    test(`${model.useCase}: every flow is in the SVG and the table, and flows and threats link both ways`, async ({page}) => {
      await page.goto(`/threat-models/${model.useCase}`);
      const flows = model.dataFlows!.flows;
      const on = threatsOn(model);
      const svg = page.locator('figure.tm-dfd svg');
      await expect(svg).toHaveCount(1);
      // Its accessible name and description: the <title> and <desc> it points at.
      const labelled = (await svg.getAttribute('aria-labelledby'))!.split(' ');
      for (const id of labelled) await expect(page.locator(`svg [id="${id}"]`)).toHaveCount(1);
      await expect(svg.locator('title').first()).toContainText(model.frontMatter.title);

      expect((await hrefs(page, 'figure.tm-dfd svg a')).sort()).toEqual(flows.map((f) => `#${f.id}`).sort());
      for (const flow of flows) {
        const threats = on.get(flow.id) ?? [];
        // The drawing labels the flow with its ID and its threats.
        const label = svg.locator(`a[href="#${flow.id}"]`);
        await expect(label).toContainText(flow.id);
        for (const id of threats) await expect(label).toContainText(id);
        // The table row: its anchor, boundary and threats, each linking to the threat.
        const row = page.locator(`table.tm-dfd-table--flows tr[id="${flow.id}"]`);
        await expect(row).toHaveCount(1);
        await expect(row.locator('td').nth(4)).toHaveText(flow.crossesBoundary ? 'Yes' : 'No');
        expect(await hrefs(page, `table.tm-dfd-table--flows tr[id="${flow.id}"] td:nth-child(6) a`)).toEqual(threats.map((id) => `#${id}`));
        // And back: each of those threats' Flows field links to the row.
        for (const id of threats) {
          await expect(page.locator(`h3[id="${id}"] + dl.tm-fields a[href="#${flow.id}"]`)).toHaveCount(1);
        }
      }
      // Every element the threats name is a row of the zone table.
      for (const element of model.dataFlows!.elements) await expect(page.locator(`tr[id="${element.id}"]`)).toHaveCount(1);
    });
  }
});

test.describe('as drawn in the browser', () => {
  for (const model of models) {
    test(`${model.useCase}: every zone label stays inside its zone`, async ({page}) => {
      await page.goto(`/threat-models/${model.useCase}`);
      // Measured with the font the browser chose, not the build's estimate.
      const outside = await page.locator('figure.tm-dfd svg .tm-dfd__zones .tm-dfd__zone').evaluateAll((zones) => zones.flatMap((zone) => {
        const box = (zone.querySelector('rect') as SVGRectElement).getBBox();
        return [...zone.querySelectorAll('text')].filter((label) => {
          const b = (label as SVGTextElement).getBBox();
          return b.x < box.x || b.x + b.width > box.x + box.width || b.y < box.y;
        }).map((label) => `${label.textContent} (${Math.round(box.width)} px zone)`);
      }));
      expect(outside).toEqual([]);
    });
  }
});

test.describe('at phone width', () => {
  test.use({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
  test('the diagram scrolls inside its figure, and the page does not', async ({page}) => {
    await page.goto('/threat-models/server');
    const {figure, scroll} = await page.locator('figure.tm-dfd .tm-dfd__scroll').evaluate((el) => ({figure: el.clientWidth, scroll: el.scrollWidth}));
    expect(scroll).toBeGreaterThan(figure);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });

  test('a shadow on the scrolling side says there is more of the drawing, and goes at its end', async ({page}) => {
    await page.goto('/threat-models/server');
    // Two covers that scroll with the drawing over two shadows that stay at the edges.
    const style = await page.locator('figure.tm-dfd .tm-dfd__scroll').evaluate((el) => {
      const cs = getComputedStyle(el);
      return {attachment: cs.backgroundAttachment, images: cs.backgroundImage.match(/(linear|radial)-gradient/g)};
    });
    expect(style.attachment).toBe('local, local, scroll, scroll');
    expect(style.images).toEqual(['linear-gradient', 'linear-gradient', 'radial-gradient', 'radial-gradient']);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the diagrams and flow tables pass axe in ${scheme} mode`, async ({page}) => {
    await page.emulateMedia({colorScheme: scheme});
    for (const model of models) {
      await page.goto(`/threat-models/${model.useCase}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const results = await new AxeBuilder({page}).include('figure.tm-dfd').include('table.tm-dfd-table').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.flatMap((v) => v.nodes.map((n) => `${model.useCase}: ${v.id} at ${n.target.join(' ')}`))).toEqual([]);
    }
  });
}
