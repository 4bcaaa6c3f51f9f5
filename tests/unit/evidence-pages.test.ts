/**
 * What readers see of the CVE database: after each cited CVE on a threat
 * page, its severity and fixed releases, from the page's data module that
 * the plugin builds from the load the check ran; on the reference page, the
 * database's CVEs that no threat cites, by year. Without a database the
 * pages are as before. The theme components are bundled with stand-ins for
 * Docusaurus's modules and rendered to static HTML, as the build renders them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test, {after} from 'node:test';
import {createElement, type ReactElement} from 'react';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {buildExport} from '../../plugins/threat-model/lib/export';
import {buildPageData, type ThreatModelPageData} from '../../plugins/threat-model/lib/global-data';
import {loadThreatModels} from '../../plugins/threat-model/lib/load';
import {buildReferenceData, type ReferenceData} from '../../plugins/threat-model/lib/reference-data';
import {FIXTURE_TODAY, materialise} from './corpus';
import {renderPage} from './render';
import {all} from './hast';
import {themeComponent} from './theme-bundle';

const {renderToStaticMarkup} = require('react-dom/server') as {renderToStaticMarkup: (element: ReactElement) => string};
const fixtures = path.join(__dirname, '..', 'fixtures');
const web = fs.readFileSync(path.join(fixtures, 'shared', 'threat-models', 'web.md'), 'utf8');
const plain = loadConfig(fixtureConfig);
const withEvidence = loadConfig({...fixtureConfig, evidence: {cveDatabase: 'cve-database'}});
const permalinks = {web: '/threat-models/web', tool: '/threat-models/tool'};

/** The fixture site, loaded as the plugin loads it. */
function load(config = withEvidence) {
  const site = materialise(path.join(fixtures, 'valid'));
  after(() => fs.rmSync(site, {recursive: true, force: true}));
  return loadThreatModels('threat-models', config, site, {today: FIXTURE_TODAY});
}

/** Each reference item's theme components: name and `id` attribute. */
function referenceComponents(config = withEvidence): string[][] {
  const lists = all(renderPage(web, 'threat-models/web.md', config), (el) => ((el.properties?.className as string[] | undefined) ?? []).includes('tm-references'));
  return lists.map((ul) => (ul.children as Array<{children?: unknown[]}>).flatMap((li) =>
    (li.children ?? []).filter((c) => (c as {type: string}).type === 'mdxJsxTextElement')
      .map((c) => {
        const jsx = c as {name: string; attributes: Array<{name: string; value: unknown}>};
        return `${jsx.name} ${jsx.attributes.find((a) => a.name === 'id')?.value}`;
      })));
}

test('cited CVEs on the threat page', async (t) => {
  const Cve = await themeComponent<{id: string; data: ThreatModelPageData}>('ThreatModelCve/index.tsx', 'default');

  await t.test('should put the CVE component after each cited CVE, and only after CVEs', () => {
    assert.deepEqual(referenceComponents(), [['ThreatModelCve CVE-2024-27982'], [], []]);
  });

  await t.test('should render the page as before without a database', () => {
    assert.deepEqual(referenceComponents(plain), [[], [], []]);
  });

  await t.test('should show the severity and fixed releases that the database gives, from the data module of the same load', () => {
    const loaded = load();
    const data = buildPageData(loaded.index, 'threat-models/web.md', permalinks, loaded.evidence);
    const advisory = JSON.parse(fs.readFileSync(path.join(fixtures, 'shared', 'cve-database', '140.json'), 'utf8')) as {severity: string; patched: string};
    const fixed = advisory.patched.split('||').map((p) => p.trim().replace(/^\^/, ''));
    assert.deepEqual(data.cves, {'CVE-2024-27982': {severity: advisory.severity, patched: fixed}});
    const html = renderToStaticMarkup(createElement(Cve, {id: 'CVE-2024-27982', data}));
    assert.equal(html, `<span class="tm-cve"> — ${advisory.severity}, patched in ${fixed.join(', ')}</span>`);
    assert.equal(html, '<span class="tm-cve"> — medium, patched in 18.20.1, 20.12.1, 21.7.2</span>');
  });

  await t.test('should show nothing for a CVE the database lacks, or without a database', () => {
    const loaded = load();
    const data = buildPageData(loaded.index, 'threat-models/web.md', permalinks, loaded.evidence);
    assert.equal(renderToStaticMarkup(createElement(Cve, {id: 'CVE-2021-44228', data})), '');
    const before = load(plain);
    const without = buildPageData(before.index, 'threat-models/web.md', permalinks, before.evidence);
    assert.equal('cves' in without, false);
    assert.equal(renderToStaticMarkup(createElement(Cve, {id: 'CVE-2024-27982', data: without})), '');
  });
});

test('uncited CVEs on the reference page', async (t) => {
  const Coverage = await themeComponent<{data: ReferenceData}>('ThreatModelReference/CveCoverage.tsx', 'CveCoverage');
  const paths = {exportPath: '/threat-models.json', schemaPath: '/threat-models.schema.json'};
  const reference = (config = withEvidence) => {
    const loaded = load(config);
    return buildReferenceData(buildExport(loaded.index, config, permalinks), loaded.index.coverage, paths, loaded.evidence);
  };

  await t.test('should count the cited CVEs and list the others by year, each linked to cve.org with its severity and overview', () => {
    const data = reference();
    // The fixture models cite CVE-2024-27982 and CVE-2025-23084; the excerpt also has CVE-2024-27980.
    assert.deepEqual({total: data.cves?.total, cited: data.cves?.cited}, {total: 3, cited: 2});
    assert.deepEqual(data.cves?.uncited.map((y) => [y.year, y.cves.map((c) => c.id)]), [[2024, ['CVE-2024-27980']]]);
    const html = renderToStaticMarkup(createElement(Coverage, {data})).replace(/<!-- -->/g, '');
    assert.match(html, /<p class="tm-cves__total">2 of 3 CVEs in the database are cited by a threat\.<\/p>/);
    assert.match(html, /<details class="tm-cves__year"><summary>2024: 1 CVE<\/summary>/);
    assert.match(html, /<a href="https:\/\/www\.cve\.org\/CVERecord\?id=CVE-2024-27980">CVE-2024-27980<\/a> <span class="tm-badge tm-badge--severity tm-badge--severity-high">High<\/span> child_process.spawn handled batch files/);
    assert.match(html, /href="https:\/\/github\.com\/nodejs\/security-wg\/tree\/0{40}\/vuln\/core">snapshot of 2025-03-01<\/a>/);
  });

  await t.test('should keep each overview to one short line', () => {
    const loaded = load();
    const data = buildReferenceData(buildExport(loaded.index, withEvidence, permalinks), loaded.index.coverage, paths,
      {...loaded.evidence!, records: {...loaded.evidence!.records, 'CVE-2024-27980': {...loaded.evidence!.records['CVE-2024-27980']!, overview: 'long '.repeat(80)}}});
    const overview = data.cves!.uncited[0]!.cves[0]!.overview;
    assert.ok(overview.length <= 140, String(overview.length));
  });

  await t.test('should have no CVE section without a database', () => {
    const data = reference(plain);
    assert.equal('cves' in data, false);
    assert.equal(renderToStaticMarkup(createElement(Coverage, {data})), '');
  });
});
