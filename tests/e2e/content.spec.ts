import {expect, test} from '@playwright/test';
import {STRIDE} from '../../plugins/threat-model/index';
import {severityLabel} from '../../plugins/threat-model/lib/present';
import {index, threats} from './site';

test.describe('threat pages show every threat from the sources', () => {
  for (const model of index.models) {
    test(`/threat-models/${model.useCase}: ${model.threats.length} threats with anchor, title and badges`, async ({page}) => {
      await page.goto(`/threat-models/${model.useCase}`);
      await expect(page.getByRole('heading', {level: 1})).toHaveText(model.frontMatter.title);
      await expect(page.locator('#at-a-glance')).toBeVisible();
      await expect(page.locator('.tm-summary')).toContainText(`${model.threats.length} threats`);
      await expect(page.locator('.tm-summary__coverage')).toContainText('No gaps');
      for (const threat of model.threats) {
        const heading = page.locator(`h3[id="${threat.id}"]`);
        await expect(heading, threat.id).toHaveCount(1);
        await expect(heading).toContainText(threat.title);
        const fields = page.locator(`h3[id="${threat.id}"] + dl.tm-fields`);
        await expect(fields.locator('code').first()).toHaveText(threat.id);
        // The label, linked to the severity rubric.
        await expect(fields.locator(`.tm-badge--severity-${threat.severity}`)).toHaveText(severityLabel(threat.severity));
        await expect(fields.locator('a.tm-badge-link')).toHaveAttribute('href', '/docs/contributing#severity-rubric');
        // One list item per mitigation, in the order written.
        await expect(fields.locator('ul.tm-mitigations > li')).toHaveCount(threat.mitigations.length);
        await expect(fields.locator(`.tm-badge--responsibility-${threat.responsibility}`)).toHaveCount(1);
        for (const category of threat.stride) {
          await expect(fields.locator('.tm-badge--stride', {hasText: category})).toHaveCount(1);
        }
        for (const ref of threat.references) {
          await expect(fields.locator(`a[href="${ref.url}"]`).first()).toBeVisible();
        }
      }
    });
  }

  test('the Node.js count in "At a glance" opens the reference filtered to that use case and responsibility', async ({page}) => {
    const model = index.models.find((m) => m.useCase === 'server')!;
    const expected = model.threats.filter((t) => t.responsibility === 'node');
    await page.goto('/threat-models/server');
    const item = page.locator('.tm-summary__responsibility li').first();
    await expect(item.locator('a[href^="#"]')).toHaveText(expected.map((t) => t.id));
    await item.locator('a.tm-badge-link').click();
    await expect(page).toHaveURL(/\/reference\?use-case=server&responsibility=node#threats$/);
    await page.waitForSelector('html[data-has-hydrated="true"]');
    await expect(page.getByRole('status')).toHaveText(`Showing ${expected.length} of ${threats.length} threats.`);
  });

  test('at phone width, no threat ID in "At a glance" breaks across lines', async ({page}) => {
    await page.setViewportSize({width: 390, height: 844});
    for (const model of index.models) {
      await page.goto(`/threat-models/${model.useCase}`);
      const broken = await page.locator('.tm-summary__responsibility a[href^="#"]').evaluateAll((links) =>
        links.filter((a) => a.getClientRects().length > 1).map((a) => a.textContent));
      expect(broken, model.useCase).toEqual([]);
    }
  });

  test('Related IDs link to the right page and anchor, and the target lists a backlink', async ({page}) => {
    const source = threats.find((t) => t.related.some((id) => index.locations[id]?.useCase !== t.useCase))!;
    const targetId = source.related.find((id) => index.locations[id]?.useCase !== source.useCase)!;
    const target = index.locations[targetId]!;
    await page.goto(`/threat-models/${source.useCase}`);
    const link = page.locator(`h3[id="${source.id}"] + dl.tm-fields a`, {hasText: targetId});
    await expect(link).toHaveAttribute('href', `/threat-models/${target.useCase}#${targetId}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/threat-models/${target.useCase}#${targetId}$`));
    await expect(page.locator(`h3[id="${targetId}"] ~ .tm-backlinks a`, {hasText: source.id}).first()).toBeVisible();
  });
});

test.describe('the reference page', () => {
  test('lists every threat in the table', async ({page}) => {
    await page.goto('/reference');
    const ids = await page.locator('table.tm-threats tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-threat-id')));
    expect(ids.sort()).toEqual(threats.map((t) => t.id).sort());
    await expect(page.getByRole('status')).toHaveText(`Showing ${threats.length} of ${threats.length} threats.`);
  });

  test('coverage matrix cells equal the computed coverage', async ({page}) => {
    await page.goto('/reference');
    for (const model of index.models) {
      for (const category of STRIDE) {
        const cell = page.locator(`td[data-use-case="${model.useCase}"][data-stride="${category}"]`);
        const expected = index.coverage[model.useCase]![category]!;
        const links = await cell.locator('a').allTextContents();
        expect(links, `${model.useCase} × ${category}`).toEqual(expected.threats);
        if (expected.threats.length === 0) await expect(cell).toContainText(`Not applicable: ${expected.notApplicable}`);
      }
    }
  });

  test('filters narrow the table and reset restores it', async ({page}) => {
    await page.goto('/reference');
    // The filters work once React has hydrated the page.
    await page.waitForSelector('html[data-has-hydrated="true"]');
    const expected = threats.filter((t) => t.severity === 'high' && t.useCase === 'cli');
    await page.getByRole('combobox', {name: 'Severity'}).selectOption('high');
    await page.getByRole('combobox', {name: 'Use case'}).selectOption('cli');
    await expect(page.getByRole('status')).toHaveText(`Showing ${expected.length} of ${threats.length} threats.`);
    const visible = await page.locator('table.tm-threats tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-threat-id')));
    expect(visible.sort()).toEqual(expected.map((t) => t.id).sort());
    await page.getByRole('button', {name: 'Reset'}).click();
    await expect(page.locator('table.tm-threats tbody tr')).toHaveCount(threats.length);
  });

  test('features list the threats they mitigate', async ({page}) => {
    await page.goto('/reference');
    const feature = '--permission';
    const expected = threats.filter((t) => t.features.includes(feature)).map((t) => t.id);
    expect(expected.length).toBeGreaterThan(0);
    const links = await page.locator('#feature-permission li a').allTextContents();
    expect(links).toEqual(expected);
  });

  test('the JSON export and its schema match the sources', async ({request}) => {
    const response = await request.get('/threat-models.json');
    expect(response.status()).toBe(200);
    const data = await response.json();
    expect(data.schemaVersion).toBe(3);
    expect(data.counts).toEqual({models: index.models.length, threats: threats.length});
    const exported = data.models.flatMap((m: {threats: Array<{id: string}>}) => m.threats.map((t) => t.id));
    expect(exported.sort()).toEqual(threats.map((t) => t.id).sort());
    const schema = await request.get('/threat-models.schema.json');
    expect(schema.status()).toBe(200);
    expect((await schema.json()).title).toBe('Threat-model export');
  });
});
