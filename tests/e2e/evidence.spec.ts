/**
 * The CVE database on the built site: a threat page shows, after each cited
 * CVE the database lists, its severity and fixed releases as the data files
 * give them; /reference lists the database's CVEs that no threat cites, by
 * year, with the right counts. Expectations come from the data files and
 * the sources, never from literals.
 */
import fs from 'node:fs';
import path from 'node:path';
import {expect, test} from '@playwright/test';
import {readCveDatabase} from '../../plugins/threat-model/lib/evidence';
import {config, threats} from './site';

const siteDir = path.resolve(__dirname, '../..');
// The snapshot is not in the repository (see threat-model.config.ts): a clone without it builds without evidence.
test.skip(!config.evidence, 'no CVE database snapshot: run npm run refresh-cve-db -- /path/to/security-wg, then build');
const database = config.evidence ? readCveDatabase(siteDir, config.evidence.cveDatabase) : {records: {}} as unknown as ReturnType<typeof readCveDatabase>;
const cited = new Set(threats.flatMap((t) => t.references.filter((r) => r.kind === 'cve').map((r) => r.text)));
const listed = [...cited].filter((id) => database.records[id]);

/** What the advisory file itself says of a CVE: severity and each fixed release, read straight from its JSON. */
function fromDataFile(id: string): {severity: string; patched: string[]} {
  const file = path.join(siteDir, config.evidence!.cveDatabase, `${database.records[id]!.advisory}.json`);
  const advisory = JSON.parse(fs.readFileSync(file, 'utf8')) as {cve: string[]; severity: string; patched: string};
  expect(advisory.cve).toContain(id);
  const patched = advisory.patched.split('||').map((p) => p.trim().replace(/^\^/, ''));
  return {severity: advisory.severity, patched};
}

test('a threat page shows the severity and fixed releases of a cited CVE from the database', async ({page}) => {
  const threat = threats.find((t) => t.id === 'SRV-01')!;
  const id = threat.references.find((r) => r.kind === 'cve' && database.records[r.text])!.text;
  const {severity, patched} = fromDataFile(id);
  await page.goto(`/threat-models/${threat.useCase}`);
  const item = page.locator(`h3[id="${threat.id}"] + dl.tm-fields ul.tm-references > li`, {has: page.locator(`a[href="https://www.cve.org/CVERecord?id=${id}"]`)});
  await expect(item).toHaveCount(1);
  // The page lists each line's release; the file's order is not always ascending, so compare as sets.
  const shown = (await item.locator('.tm-cve').textContent())!;
  const match = / — (\w+), patched in (.+)$/.exec(shown);
  expect(match, shown).not.toBeNull();
  expect(match![1]).toBe(severity);
  expect(match![2]!.split(', ').sort()).toEqual([...patched].sort());
});

test('every cited CVE the database lists has its line, and no other CVE has one', async ({page}) => {
  const threat = threats.find((t) => t.references.some((r) => r.kind === 'cve' && !database.records[r.text]) && t.references.some((r) => r.kind === 'cve' && database.records[r.text]))!;
  await page.goto(`/threat-models/${threat.useCase}`);
  for (const ref of threat.references.filter((r) => r.kind === 'cve')) {
    const item = page.locator(`h3[id="${threat.id}"] + dl.tm-fields ul.tm-references > li`, {has: page.locator(`a[href="${ref.url}"]`)});
    await expect(item.locator('.tm-cve'), ref.text).toHaveCount(database.records[ref.text] ? 1 : 0);
  }
});

test('/reference lists the uncited CVEs by year, with the total the database and the sources give', async ({page}) => {
  const total = Object.keys(database.records).length;
  const uncited = Object.keys(database.records).filter((id) => !cited.has(id));
  await page.goto('/reference');
  const section = page.locator('section[aria-labelledby="cves"]');
  await expect(section.locator('.tm-cves__total')).toHaveText(`${listed.length} of ${total} CVEs in the database are cited by a threat.`);
  const years = [...new Set(uncited.map((id) => Number(id.split('-')[1])))].sort((a, b) => b - a);
  const details = section.locator('details.tm-cves__year');
  await expect(details).toHaveCount(years.length);
  for (const [i, year] of years.entries()) {
    const count = uncited.filter((id) => id.startsWith(`CVE-${year}-`)).length;
    await expect(details.nth(i).locator('summary')).toHaveText(`${year}: ${count} CVE${count === 1 ? '' : 's'}`);
    // Collapsed: the list is there, not shown until opened.
    await expect(details.nth(i)).not.toHaveAttribute('open', /.*/);
  }
  await expect(section.locator('li')).toHaveCount(uncited.length);
  for (const id of [...cited].filter((c) => database.records[c]).slice(0, 5)) await expect(section.locator(`a[href$="id=${id}"]`)).toHaveCount(0);
  await details.first().locator('summary').click();
  const first = details.first().locator('li').first();
  await expect(first.locator('a')).toHaveAttribute('href', /^https:\/\/www\.cve\.org\/CVERecord\?id=CVE-\d{4}-\d+$/);
  await expect(first).toBeVisible();
});
