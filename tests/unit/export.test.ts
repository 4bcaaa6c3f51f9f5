/**
 * The JSON export and its schema, and the committed front-matter schema
 * that editors use.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import Ajv from 'ajv';
import siteConfig from '../../threat-model.config';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig, type Config} from '../../plugins/threat-model/lib/config';
import {buildExport, exportJsonSchema, SCHEMA_VERSION} from '../../plugins/threat-model/lib/export';
import {loadThreatModels} from '../../plugins/threat-model/lib/load';
import {frontMatterJsonSchema} from '../../plugins/threat-model/lib/schema';
import {readFrontMatter} from '../../plugins/threat-model/lib/read/front-matter';

const repo = path.join(__dirname, '..', '..');
const schemaFile = path.join(repo, 'schemas', 'threat-model-front-matter.schema.json');

/** Counted from the raw files, independently of the parser. */
function countSources(dir: string): {models: number; threats: number; ids: string[]; rows: Record<'Z' | 'E' | 'F', string[]>; flows: string[]} {
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.md'));
  const texts = files.map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
  const ids = texts.flatMap((text) => [...text.matchAll(/^### .*\{#([A-Z]+-\d+)\}$/gm)].map((m) => m[1]!));
  // A data-flow row starts with its ID cell: `| SRV-F1 |`.
  const rows = (letter: string) => texts.flatMap((text) => [...text.matchAll(new RegExp(`^\\| *([A-Z][A-Z0-9]*-${letter}\\d+) *\\|`, 'gm'))].map((m) => m[1]!));
  const flows = texts.flatMap((text) => [...text.matchAll(/^- Flows: (.*)$/gm)].flatMap((m) => m[1]!.split(',').map((id) => id.trim())));
  return {models: files.length, threats: ids.length, ids, rows: {Z: rows('Z'), E: rows('E'), F: rows('F')}, flows};
}

function exportOf(siteDir: string, config: Config) {
  const {index, diagnostics} = loadThreatModels('threat-models', config, siteDir);
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  const permalinks = Object.fromEntries(config.useCases.map((u) => [u.id, `/threat-models/${u.id}`]));
  return buildExport(index, config, permalinks);
}

test('buildExport', async (t) => {
  const validateExport = new Ajv({allErrors: true}).compile(exportJsonSchema());
  const cases: Array<[string, string, Config]> = [
    ['the fixture', path.join(repo, 'tests', 'fixtures', 'shared'), loadConfig(fixtureConfig)],
    ['the real content', repo, loadConfig(siteConfig)],
  ];

  for (const [name, siteDir, config] of cases) {
    await t.test(`should count the models and threats of ${name}`, () => {
      const data = exportOf(siteDir, config);
      const sources = countSources(path.join(siteDir, 'threat-models'));
      assert.equal(data.counts.models, sources.models);
      assert.equal(data.counts.threats, sources.threats);
      assert.equal(data.models.length, sources.models);
      assert.deepEqual(data.models.flatMap((m) => m.threats.map((x) => x.id)).sort(), [...sources.ids].sort());
    });

    await t.test(`should export every zone, element and flow of ${name}, and every Flows entry`, () => {
      const data = exportOf(siteDir, config);
      const sources = countSources(path.join(siteDir, 'threat-models'));
      assert.deepEqual(data.models.flatMap((m) => m.dataFlows.zones.map((z) => z.id)).sort(), [...sources.rows.Z].sort());
      assert.deepEqual(data.models.flatMap((m) => m.dataFlows.elements.map((e) => e.id)).sort(), [...sources.rows.E].sort());
      assert.deepEqual(data.models.flatMap((m) => m.dataFlows.flows.map((f) => f.id)).sort(), [...sources.rows.F].sort());
      assert.deepEqual(data.models.flatMap((m) => m.threats.flatMap((x) => x.flows)).sort(), [...sources.flows].sort());
    });

    await t.test(`should validate the export of ${name} against its JSON Schema`, () => {
      const data = exportOf(siteDir, config);
      assert.ok(validateExport(data), JSON.stringify(validateExport.errors));
    });
  }

  await t.test('should reject an export that does not follow the schema', () => {
    const data = exportOf(cases[0]![1], cases[0]![2]);
    const broken = structuredClone(data);
    broken.models[0]!.threats[0]!.severity = 'huge' as never;
    assert.equal(validateExport(broken), false);
    const badTrust = structuredClone(data);
    badTrust.models[1]!.dataFlows.zones[0]!.trust = 'half' as never;
    assert.equal(validateExport(badTrust), false);
    assert.equal(validateExport({...data, schemaVersion: SCHEMA_VERSION + 1}), false);
  });

  await t.test('should export models in configured order with page URLs and features with what they mitigate', () => {
    const data = exportOf(cases[0]![1], cases[0]![2]);
    assert.equal(data.schemaVersion, SCHEMA_VERSION);
    assert.equal(data.runtime, 'Node.js');
    assert.deepEqual(data.models.map((m) => [m.useCase, m.label, m.url, m.status, m.lastReviewed]), [
      ['web', 'Web server', '/threat-models/web', 'draft', '2026-11-01'],
      ['tool', 'Command-line tool', '/threat-models/tool', 'review', '2026-10-15'],
    ]);
    const web01 = data.models[0]!.threats[0]!;
    assert.equal(web01.url, '/threat-models/web#WEB-01');
    // Written on one line, the value is one mitigation.
    assert.deepEqual(web01.mitigations, ['keep Node.js patched; never enable `--insecure-http-parser`']);
    assert.deepEqual(data.models[0]!.notApplicable, [{category: 'Repudiation', reason: "the runtime keeps no audit trail; logging requests is the application's job."}]);
    assert.deepEqual(data.models[0]!.assets, ['Availability of the server process.', 'Secrets in the process, such as TLS keys.']);
    // A model without the section exports empty data flows; one with it, names and data as plain text.
    assert.deepEqual(data.models[0]!.dataFlows, {zones: [], elements: [], flows: []});
    const tool = data.models[1]!;
    assert.equal(tool.dataFlows.zones.length, 3);
    assert.deepEqual(tool.dataFlows.zones[1], {id: 'TOOL-Z2', name: 'Node.js process', trust: 'trusted', parent: 'TOOL-Z1'});
    assert.deepEqual(tool.dataFlows.elements[1], {id: 'TOOL-E2', name: 'Environment and `NODE_OPTIONS`', kind: 'data-store', zone: 'TOOL-Z1'});
    assert.deepEqual(tool.dataFlows.flows.map((f) => [f.id, f.from, f.to, f.data, f.crossesBoundary, f.threats]), [
      ['TOOL-F1', 'TOOL-E1', 'TOOL-E3', 'Command-line arguments', false, []],
      ['TOOL-F2', 'TOOL-E2', 'TOOL-E3', '`NODE_OPTIONS` and other variables', false, ['TOOL-01']],
      ['TOOL-F3', 'TOOL-E4', 'TOOL-E3', 'Entry names and contents', true, ['TOOL-02']],
    ]);
    assert.deepEqual(tool.threats.map((x) => x.flows), [['TOOL-F2', 'TOOL-E2'], ['TOOL-F3']]);
    assert.equal(data.schemaVersion, 3);
    assert.deepEqual(
      data.features.map((f) => [f.id, f.mitigates]),
      [['--permission', ['WEB-03', 'TOOL-02']], ['--max-http-header-size', ['WEB-01', 'WEB-02']], ['headersTimeout', ['WEB-02']]],
    );
  });
});

test('front-matter JSON Schema', async (t) => {
  await t.test('should equal the committed schemas/threat-model-front-matter.schema.json', () => {
    assert.deepEqual(JSON.parse(fs.readFileSync(schemaFile, 'utf8')), frontMatterJsonSchema());
  });

  await t.test('should be exactly what `npm run schema` writes', (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threat-model-schema-'));
    t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
    execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'scripts', 'write-schemas.ts'), dir], {cwd: repo, stdio: 'pipe'});
    assert.equal(fs.readFileSync(path.join(dir, 'threat-model-front-matter.schema.json'), 'utf8'), fs.readFileSync(schemaFile, 'utf8'));
  });

  await t.test('should accept the front matter of every real threat model and reject a bad one', () => {
    const validate = new Ajv({allErrors: true}).compile(frontMatterJsonSchema());
    const dir = path.join(repo, 'threat-models');
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const {data} = readFrontMatter(fs.readFileSync(path.join(dir, name), 'utf8'));
      assert.ok(validate(data), `${name}: ${JSON.stringify(validate.errors)}`);
      assert.equal(validate({...data, status: 'done'}), false);
      assert.equal(validate({...data, owners: []}), false);
      assert.equal(validate({...data, last_reviewed: '25 Nov 2026'}), false);
    }
  });

  await t.test('should map the schema to threat-model files for the YAML extension', () => {
    const settings = JSON.parse(fs.readFileSync(path.join(repo, '.vscode', 'settings.json'), 'utf8')) as {'yaml.schemas': Record<string, string[]>};
    assert.deepEqual(settings['yaml.schemas']['./schemas/threat-model-front-matter.schema.json'], ['threat-models/*.md']);
  });
});
