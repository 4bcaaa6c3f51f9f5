/**
 * The cross-document index built from parsed models: models in configured
 * use-case order with one file per use case (the one named `<use case>.md`
 * first, then by name), where each threat ID is defined, which threats
 * name which in `Related`, and coverage per use case and STRIDE category.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {analyze} from '../../plugins/threat-model/lib/load';
import {buildIndex, byCanonicalName} from '../../plugins/threat-model/lib/model-index';
import type {ThreatModel} from '../../plugins/threat-model/lib/types';

const config = loadConfig(fixtureConfig);
const dir = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const source = (name: string) => ({file: `threat-models/${name}.md`, bytes: fs.readFileSync(path.join(dir, `${name}.md`))});
const {index: analyzed, diagnostics} = analyze([source('web'), source('tool')], config);
const web = analyzed.models.find((m) => m.useCase === 'web')!;
const tool = analyzed.models.find((m) => m.useCase === 'tool')!;

const renamed = (model: ThreatModel, file: string): ThreatModel => ({...model, file});

test('buildIndex', async (t) => {
  await t.test('should parse the fixture models without errors', () => {
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
    assert.ok(web && tool);
  });

  await t.test('should put models in configured use-case order whatever order they come in', () => {
    assert.deepEqual(buildIndex([tool, web], config).models.map((m) => m.useCase), ['web', 'tool']);
    const reversed = loadConfig({...fixtureConfig, useCases: [...fixtureConfig.useCases].reverse()});
    assert.deepEqual(buildIndex([web, tool], reversed).models.map((m) => m.useCase), ['tool', 'web']);
  });

  await t.test('should leave out models of use cases the configuration does not name', () => {
    const stray: ThreatModel = {...renamed(tool, 'threat-models/cli.md'), useCase: 'cli'};
    const index = buildIndex([web, stray], config);
    assert.deepEqual(index.models.map((m) => m.file), ['threat-models/web.md']);
    assert.deepEqual(Object.keys(index.coverage), ['web']);
    assert.equal(index.locations['TOOL-01'], undefined);
  });

  await t.test('should give an empty index for no models', () => {
    assert.deepEqual(buildIndex([], config), {models: [], locations: {}, backlinks: {}, coverage: {}});
  });

  await t.test('should record where each threat is defined, with its title', () => {
    const index = buildIndex([web, tool], config);
    assert.deepEqual(Object.keys(index.locations), ['WEB-01', 'WEB-02', 'WEB-03', 'TOOL-01', 'TOOL-02']);
    assert.deepEqual(index.locations['WEB-01'], {
      useCase: 'web', file: 'threat-models/web.md', line: 34, column: 1, title: 'Request smuggling between a proxy and the server',
    });
    assert.deepEqual(index.locations['TOOL-02'], {
      useCase: 'tool', file: 'threat-models/tool.md', line: 68, column: 1, title: 'Archives extract outside the target folder',
    });
  });

  await t.test('should keep the first definition of an ID defined twice', () => {
    const clash: ThreatModel = {...tool, threats: tool.threats.map((th) => (th.id === 'TOOL-02' ? {...th, id: 'WEB-02'} : th))};
    const index = buildIndex([clash, web], config);
    assert.equal(index.locations['WEB-02']?.useCase, 'web');
    assert.equal(index.locations['WEB-02']?.title, 'Slow requests exhaust the server');
  });

  await t.test('should list, for each threat, the threats whose Related names it, once each', () => {
    assert.deepEqual(buildIndex([web, tool], config).backlinks, {'TOOL-01': ['WEB-01'], 'WEB-01': ['WEB-03', 'TOOL-01']});
    const twice: ThreatModel = {...tool, threats: tool.threats.map((th) => (th.id === 'TOOL-01' ? {...th, related: ['WEB-01', 'WEB-01', 'WEB-09']} : th))};
    const index = buildIndex([web, twice], config);
    assert.deepEqual(index.backlinks['WEB-01'], ['WEB-03', 'TOOL-01']);
    // A Related ID that no model defines still gets its backlink.
    assert.deepEqual(index.backlinks['WEB-09'], ['TOOL-01']);
  });

  await t.test('should fill every STRIDE category of a use case, with its threats or its not-applicable reason', () => {
    const {coverage} = buildIndex([web, tool], config);
    assert.deepEqual(coverage.web, {
      Spoofing: {threats: ['WEB-01']},
      Tampering: {threats: ['WEB-01']},
      Repudiation: {threats: [], notApplicable: "the runtime keeps no audit trail; logging requests is the application's job."},
      'Information disclosure': {threats: ['WEB-03']},
      'Denial of service': {threats: ['WEB-02']},
      'Elevation of privilege': {threats: ['WEB-03']},
    });
    assert.deepEqual(coverage.tool?.['Elevation of privilege'], {threats: ['TOOL-01']});
    assert.deepEqual(coverage.tool?.['Denial of service'], {threats: ['TOOL-02']});
  });

  await t.test('should give empty cells to a model with no threats and no reasons', () => {
    const bare: ThreatModel = {...tool, threats: [], notApplicable: []};
    const {coverage, locations} = buildIndex([bare], config);
    assert.deepEqual(Object.values(coverage.tool!), Array.from({length: 6}, () => ({threats: []})));
    assert.deepEqual(locations, {});
  });

  await t.test('should count only the canonically named file of a use case that has two', () => {
    const copy = renamed(web, 'threat-models/a-web.md');
    const index = buildIndex([copy, web, tool], config);
    assert.deepEqual(index.models.map((m) => m.file), ['threat-models/web.md', 'threat-models/tool.md']);
    assert.equal(index.locations['WEB-01']?.file, 'threat-models/web.md');
    // Without the canonical file, the first by name counts.
    const others = buildIndex([renamed(web, 'threat-models/web-z.md'), renamed(web, 'threat-models/web-b.md')], config);
    assert.deepEqual(others.models.map((m) => m.file), ['threat-models/web-b.md']);
  });
});

test('byCanonicalName', async (t) => {
  await t.test('should order the file named after the use case first, then by file name', () => {
    const files = ['threat-models/z.md', 'threat-models/web.md', 'threat-models/b.md', 'other/web.md'];
    const sorted = files.map((file) => renamed(web, file)).sort(byCanonicalName(config)).map((m) => m.file);
    assert.deepEqual(sorted, ['threat-models/web.md', 'other/web.md', 'threat-models/b.md', 'threat-models/z.md']);
    assert.equal(byCanonicalName(config)(web, renamed(web, 'threat-models/web.md')), 0);
  });
});
