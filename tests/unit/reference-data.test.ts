/**
 * The reference page's props, taken from the JSON export: the runtime, the
 * export and schema URLs, each use case with its page, trust lists and
 * review state,
 * every threat with only the fields the page shows (no prose, references or
 * mitigations), the features, and the coverage it is given.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {buildExport} from '../../plugins/threat-model/lib/export';
import {analyze} from '../../plugins/threat-model/lib/load';
import {buildReferenceData} from '../../plugins/threat-model/lib/reference-data';

const config = loadConfig(fixtureConfig);
const dir = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const source = (name: string) => ({file: `threat-models/${name}.md`, bytes: fs.readFileSync(path.join(dir, `${name}.md`))});
const {index} = analyze([source('web'), source('tool')], config);
const permalinks = {web: '/threat-models/web', tool: '/threat-models/tool'};
const exported = buildExport(index, config, permalinks);
const paths = {exportPath: '/threat-models.json', schemaPath: '/threat-models.schema.json'};

test('buildReferenceData', async (t) => {
  const data = buildReferenceData(exported, index.coverage, paths);

  await t.test('should carry the runtime, the paths, the features and the coverage it is given', () => {
    assert.equal(data.runtime, 'Node.js');
    assert.equal(data.exportPath, '/threat-models.json');
    assert.equal(data.schemaPath, '/threat-models.schema.json');
    assert.equal(data.features, exported.features);
    assert.equal(data.coverage, index.coverage);
    assert.deepEqual(data.features.map((f) => [f.id, f.mitigates]), [
      ['--permission', ['WEB-03', 'TOOL-02']],
      ['--max-http-header-size', ['WEB-01', 'WEB-02']],
      ['headersTimeout', ['WEB-02']],
    ]);
  });

  await t.test('should list each use case with its label, page, trust lists and review state', () => {
    assert.deepEqual(data.useCases[0], {
      id: 'web',
      label: 'Web server',
      url: '/threat-models/web',
      trusted: ['The operators who start the server, and the operating system.', 'The application code and its dependencies.'],
      untrusted: ['Everything a client sends: request lines, headers and bodies.'],
      status: 'draft',
      lastReviewed: '2026-11-01',
      owners: ['@nodejs/security-wg'],
    });
    assert.deepEqual(data.useCases.map((u) => [u.id, u.status, u.lastReviewed, u.owners]), [
      ['web', 'draft', '2026-11-01', ['@nodejs/security-wg']],
      ['tool', 'review', '2026-10-15', ['@nodejs/security-wg', '@nodejs/tooling']],
    ]);
    assert.deepEqual(data.useCases.map((u) => [u.id, u.label, u.url]), [
      ['web', 'Web server', '/threat-models/web'],
      ['tool', 'Command-line tool', '/threat-models/tool'],
    ]);
  });

  await t.test('should list every threat in model order with only the fields the page shows', () => {
    assert.deepEqual(data.threats.map((th) => th.id), ['WEB-01', 'WEB-02', 'WEB-03', 'TOOL-01', 'TOOL-02']);
    assert.deepEqual(data.threats[0], {
      id: 'WEB-01',
      title: 'Request smuggling between a proxy and the server',
      useCase: 'web',
      url: '/threat-models/web#WEB-01',
      stride: ['Tampering', 'Spoofing'],
      severity: 'high',
      responsibility: 'node',
      features: ['--max-http-header-size'],
    });
    for (const threat of data.threats) {
      assert.deepEqual(Object.keys(threat).sort(), ['features', 'id', 'responsibility', 'severity', 'stride', 'title', 'url', 'useCase']);
    }
  });

  await t.test('should carry the policy revision a model was checked against, and no policy key when it names none', () => {
    const policy = {label: 'SECURITY.md', revision: 'v24.0.0', url: 'https://example.org/v24.0.0/SECURITY.md'};
    const withPolicy = {...exported, models: exported.models.map((m, i) => (i === 0 ? {...m, policy} : m))};
    const result = buildReferenceData(withPolicy, index.coverage, paths);
    assert.deepEqual(result.useCases[0]!.policy, policy);
    assert.equal('policy' in result.useCases[1]!, false);
  });

  await t.test('should ship no other field of a model (route props reach the browser)', () => {
    for (const useCase of data.useCases) {
      assert.deepEqual(Object.keys(useCase).sort(), ['id', 'label', 'lastReviewed', 'owners', 'status', 'trusted', 'untrusted', 'url']);
    }
  });

  await t.test('should be empty but for the runtime and paths when the export has no models', () => {
    const empty = buildExport({models: [], locations: {}, backlinks: {}, coverage: {}}, config, {});
    const result = buildReferenceData(empty, {}, paths);
    assert.deepEqual({...result, features: result.features.map((f) => f.mitigates)}, {
      runtime: 'Node.js',
      ...paths,
      useCases: [],
      threats: [],
      features: [[], [], []],
      coverage: {},
    });
  });
});
