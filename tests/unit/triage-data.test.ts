/**
 * The triage page's props, taken from the JSON export: per use case its
 * model, the threats that are the runtime's with their severity and
 * conditions (the summary on one line), the other threats grouped by
 * responsibility in the vocabulary's order, the out-of-scope items, and the
 * policy revisions the models name; nothing else.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import siteConfig from '../../threat-model.config';
import {loadConfig, type Config} from '../../plugins/threat-model/lib/config';
import {buildExport} from '../../plugins/threat-model/lib/export';
import {analyze, loadThreatModels} from '../../plugins/threat-model/lib/load';
import {buildTriageData} from '../../plugins/threat-model/lib/triage-data';

const dir = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const permalinks = {web: '/threat-models/web', tool: '/threat-models/tool'};
const paths = {exportPath: '/threat-models.json', schemaPath: '/threat-models.schema.json', referencePath: '/reference'};

/** The fixture's export through the real pipeline; `revisions` adds a `policy_revision` to each named file's front matter. */
function exportOf(config: Config, revisions: Record<string, string> = {}) {
  const source = (name: string) => {
    const text = fs.readFileSync(path.join(dir, `${name}.md`), 'utf8');
    const revision = revisions[name];
    return {file: `threat-models/${name}.md`, bytes: Buffer.from(revision ? text.replace(/^---\n/, `---\npolicy_revision: "${revision}"\n`) : text)};
  };
  const {index, diagnostics} = analyze([source('web'), source('tool')], config);
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  return buildExport(index, config, permalinks);
}

const config = loadConfig(fixtureConfig);
const withPolicy = loadConfig({...fixtureConfig, policy: {label: 'SECURITY.md', url: 'https://example.org/blob/{revision}/SECURITY.md'}});

test('buildTriageData', async (t) => {
  const data = buildTriageData(exportOf(config), paths);

  await t.test('should carry the runtime and the paths it is given', () => {
    assert.equal(data.runtime, 'Node.js');
    assert.deepEqual([data.exportPath, data.schemaPath, data.referencePath], ['/threat-models.json', '/threat-models.schema.json', '/reference']);
  });

  await t.test('should list each use case in model order with its model page, title and status', () => {
    assert.deepEqual(data.useCases.map((u) => [u.id, u.label, u.title, u.url, u.status]), [
      ['web', 'Web server', 'Node.js as a web server', '/threat-models/web', 'draft'],
      ['tool', 'Command-line tool', 'Node.js command-line tools', '/threat-models/tool', 'review'],
    ]);
  });

  await t.test('should list the runtime\'s threats with severity and the summary as conditions', () => {
    assert.deepEqual(data.useCases[0]!.runtimeThreats, [{
      id: 'WEB-01',
      title: 'Request smuggling between a proxy and the server',
      url: '/threat-models/web#WEB-01',
      severity: 'high',
      conditions: 'When a proxy and the server disagree on where a request ends, an attacker can hide a second request in the first.',
    }]);
    assert.deepEqual(data.useCases[1]!.runtimeThreats, [], 'no threat of the tool model is the runtime\'s');
  });

  await t.test('should group the other threats by responsibility, in the vocabulary\'s order, leaving out empty groups', () => {
    assert.deepEqual(data.useCases.map((u) => u.otherThreats), [
      [
        {responsibility: 'application', threats: [{id: 'WEB-03', title: 'Request data reaching the file system', url: '/threat-models/web#WEB-03'}]},
        {responsibility: 'operator', threats: [{id: 'WEB-02', title: 'Slow requests exhaust the server', url: '/threat-models/web#WEB-02'}]},
      ],
      [
        {responsibility: 'application', threats: [{id: 'TOOL-02', title: 'Archives extract outside the target folder', url: '/threat-models/tool#TOOL-02'}]},
        {responsibility: 'operator', threats: [{id: 'TOOL-01', title: 'NODE_OPTIONS changes what a tool runs', url: '/threat-models/tool#TOOL-01'}]},
      ],
    ]);
  });

  await t.test('should carry each model\'s out-of-scope items', () => {
    assert.deepEqual(data.useCases.map((u) => u.outOfScope), [['Code the operator chose to run.'], ['A user who runs code they chose to run.']]);
  });

  await t.test('should hold only what the page shows: no mitigations, references, STRIDE or features', () => {
    assert.deepEqual(Object.keys(data).sort(), ['exportPath', 'policies', 'referencePath', 'runtime', 'schemaPath', 'useCases']);
    assert.deepEqual(Object.keys(data.useCases[0]!).sort(), ['id', 'label', 'otherThreats', 'outOfScope', 'runtimeThreats', 'status', 'title', 'url']);
    assert.deepEqual(Object.keys(data.useCases[0]!.runtimeThreats[0]!).sort(), ['conditions', 'id', 'severity', 'title', 'url']);
    assert.deepEqual(Object.keys(data.useCases[0]!.otherThreats[0]!.threats[0]!).sort(), ['id', 'title', 'url']);
  });

  await t.test('should name no policy when the site names none', () => {
    assert.deepEqual(data.policies, []);
    assert.equal('policy' in data.useCases[0]!, false);
  });

  await t.test('should give each use case its policy revision, and the lead each distinct revision once', () => {
    const same = buildTriageData(exportOf(withPolicy, {web: 'abc123', tool: 'abc123'}), paths);
    const policy = {label: 'SECURITY.md', revision: 'abc123', url: 'https://example.org/blob/abc123/SECURITY.md'};
    assert.deepEqual(same.useCases.map((u) => u.policy), [policy, policy]);
    assert.deepEqual(same.policies, [policy]);
    const two = buildTriageData(exportOf(withPolicy, {web: 'abc123', tool: 'def456'}), paths);
    assert.deepEqual(two.policies.map((p) => [p.revision, p.url]), [
      ['abc123', 'https://example.org/blob/abc123/SECURITY.md'],
      ['def456', 'https://example.org/blob/def456/SECURITY.md'],
    ]);
  });

  await t.test('should put a summary that spans lines on one line, and keep an empty one empty', () => {
    const exported = exportOf(config);
    const threat = exported.models[0]!.threats[0]!;
    threat.summary = '  A proxy\nand the server\n\tdisagree.  ';
    const [web] = buildTriageData(exported, paths).useCases;
    assert.equal(web!.runtimeThreats[0]!.conditions, 'A proxy and the server disagree.');
    threat.summary = '';
    assert.equal(buildTriageData(exported, paths).useCases[0]!.runtimeThreats[0]!.conditions, '');
  });

  await t.test('should be empty but for the runtime and paths when the export has no models', () => {
    const empty = buildExport({models: [], locations: {}, backlinks: {}, coverage: {}}, config, {});
    assert.deepEqual(buildTriageData(empty, paths), {runtime: 'Node.js', ...paths, policies: [], useCases: []});
  });

  await t.test('should place every threat of the real content exactly once, under its own responsibility', () => {
    const real = loadConfig(siteConfig);
    const {index} = loadThreatModels(real.dir, real, path.join(__dirname, '..', '..'));
    const exported = buildExport(index, real, Object.fromEntries(real.useCases.map((u) => [u.id, `/threat-models/${u.id}`])));
    const triage = buildTriageData(exported, paths);
    for (const [i, model] of exported.models.entries()) {
      const useCase = triage.useCases[i]!;
      const placed = [
        ...useCase.runtimeThreats.map((x) => [x.id, 'node']),
        ...useCase.otherThreats.flatMap((g) => g.threats.map((x) => [x.id, g.responsibility])),
      ].sort();
      assert.deepEqual(placed, model.threats.map((x) => [x.id, x.responsibility]).sort(), model.useCase);
      assert.deepEqual(useCase.outOfScope, model.outOfScope);
    }
  });
});
