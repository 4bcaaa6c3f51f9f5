/**
 * The reference page's threat table on a site that tracks risks: a status
 * badge beside each tracked threat's title, a risk-status filter and the
 * counts per status; and none of them on a site that tracks none (the
 * Node.js content). The table is bundled with stand-ins for Docusaurus's
 * modules and rendered to static HTML, as the build renders it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import {createElement, type ReactElement} from 'react';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {buildExport} from '../../plugins/threat-model/lib/export';
import {analyze} from '../../plugins/threat-model/lib/load';
import {buildReferenceData, type ReferenceData} from '../../plugins/threat-model/lib/reference-data';
import {themeComponent} from './theme-bundle';

const {renderToStaticMarkup} = require('react-dom/server') as {renderToStaticMarkup: (element: ReactElement) => string};
const fixtures = path.join(__dirname, '..', 'fixtures');

function dataOf(toolFixture: string): ReferenceData {
  const config = loadConfig(fixtureConfig);
  const sources = [
    {file: 'threat-models/tool.md', bytes: fs.readFileSync(path.join(fixtures, toolFixture, 'threat-models', 'tool.md'))},
    {file: 'threat-models/web.md', bytes: fs.readFileSync(path.join(fixtures, 'shared', 'threat-models', 'web.md'))},
  ];
  const {index} = analyze(sources, config);
  const exported = buildExport(index, config, {web: '/threat-models/web', tool: '/threat-models/tool'});
  return buildReferenceData(exported, index.coverage, {exportPath: '/threat-models.json', schemaPath: '/threat-models.schema.json'});
}

test('reference threat table and tracked risks', async (t) => {
  const Table = await themeComponent<{data: ReferenceData}>('ThreatModelReference/ThreatTable.tsx', 'ThreatTable');

  await t.test('should show the status filter, the counts and a badge per tracked threat', () => {
    const html = renderToStaticMarkup(createElement(Table, {data: dataOf('expired-risk')}));
    assert.match(html, /<label>Risk status<select><option value="" selected="">All<\/option><option value="open">Open<\/option><option value="mitigated">Mitigated<\/option><option value="accepted">Accepted<\/option><option value="transferred">Transferred<\/option><\/select><\/label>/);
    const counts = /<p class="tm-risk-counts">(.*?)<\/p>/.exec(html)?.[1]?.replace(/<!-- -->/g, '');
    assert.equal(counts, 'Tracked risks: 2 open, 0 mitigated, 2 accepted, 0 transferred; 3 not tracked.');
    assert.equal(html.match(/tm-badge--risk-accepted/g)?.length, 2);
    assert.equal(html.match(/tm-badge--risk-open/g)?.length, 2);
  });

  await t.test('should show none of it when no threat has a status', () => {
    const html = renderToStaticMarkup(createElement(Table, {data: dataOf('stale-review')}));
    assert.doesNotMatch(html, /Risk status|tm-risk-counts|tm-badge--risk/);
    assert.match(html, /<label>Responsibility<select>/);
  });
});
