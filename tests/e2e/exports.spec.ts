import {expect, test} from '@playwright/test';
import {INTERCHANGE_FORMATS} from '../../plugins/threat-model/lib/interchange';
import {validatorFor} from '../unit/interchange';
import {threats} from './site';

/**
 * The interchange files as the built site serves them: each is there, holds
 * every threat of the sources, and validates against its format's schema;
 * the reference page links them.
 */
const ids = threats.map((t) => t.id);

test.describe('the interchange exports of the built site', () => {
  test('OTM validates against its schema and lists every threat', async ({request}) => {
    const response = await request.get(`/${INTERCHANGE_FORMATS.otm.file}`);
    expect(response.status()).toBe(200);
    const otm = await response.json();
    const validate = validatorFor('otm-0.2.0.schema.json');
    expect(validate(otm), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(otm.threats.map((t: {id: string}) => t.id)).toEqual(ids);
  });

  test('Threat Composer validates against its schema and lists every threat', async ({request}) => {
    const response = await request.get(`/${INTERCHANGE_FORMATS['threat-composer'].file}`);
    expect(response.status()).toBe(200);
    const tc = await response.json();
    const validate = validatorFor('threat-composer-v1.schema.json');
    expect(validate(tc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const ours = tc.threats.map((t: {metadata: Array<{key: string; value: string}>}) => t.metadata.find((m) => m.key === 'custom:tms:id')?.value);
    expect(ours).toEqual(ids);
  });

  test('TM-BOM validates against its schema and lists every threat', async ({request}) => {
    const response = await request.get(`/${INTERCHANGE_FORMATS['tm-bom'].file}`);
    expect(response.status()).toBe(200);
    const bom = await response.json();
    const validate = validatorFor('tm-bom-1.0.2.schema.json');
    expect(validate(bom), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(bom.threats.map((t: {symbolic_name: string}) => t.symbolic_name)).toEqual(ids.map((id) => id.toLowerCase()));
  });

  test('CSV has a header and one row per threat', async ({request}) => {
    const response = await request.get(`/${INTERCHANGE_FORMATS.csv.file}`);
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text.startsWith('id,title,use_case,')).toBe(true);
    // Every row starts with its ID at the start of a line; quoted cells never do (they start with a quote or are mid-row).
    const starts = text.split('\r\n').map((line) => /^([A-Z]+-\d+),/.exec(line)?.[1]).filter(Boolean);
    expect(starts).toEqual(ids);
  });

  test('the reference page links the four files', async ({page}) => {
    await page.goto('/reference');
    for (const [label, format] of [['OTM', 'otm'], ['Threat Composer', 'threat-composer'], ['TM-BOM', 'tm-bom'], ['CSV', 'csv']] as const) {
      await expect(page.locator('main').getByRole('link', {name: label, exact: true})).toHaveAttribute('href', `/${INTERCHANGE_FORMATS[format].file}`);
    }
  });
});
