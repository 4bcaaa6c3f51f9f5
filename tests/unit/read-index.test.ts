/**
 * The threat-model reader: one parsed file to a typed model plus findings.
 * A file that cannot be read far enough (lone CRs, broken or missing front
 * matter, front matter the site would read differently) gives findings and
 * no model; any other file gives its model, whatever else is reported, and
 * coverage is judged only when every threat could be read.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import {readThreatModel} from '../../plugins/threat-model/lib/read/index';

const config = loadConfig(fixtureConfig);
const file = 'threat-models/web.md';
const web = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models', 'web.md'), 'utf8');
const read = (source: string, tree = parseMarkdown(source)) => readThreatModel({tree, source, file, config});
const rules = (result: ReturnType<typeof read>) => result.diagnostics.map((d) => d.ruleId);
const text = (value: string) => [{type: 'text', value}];

test('readThreatModel', async (t) => {
  await t.test('should read the shared web model into its typed model with no findings', () => {
    const {model, diagnostics} = read(web);
    assert.deepEqual(diagnostics, []);
    assert.ok(model);
    assert.equal(model.file, file);
    assert.equal(model.useCase, 'web');
    assert.deepEqual(model.frontMatter, {
      use_case: 'web', title: 'Node.js as a web server',
      description: 'Threats to a Node.js process that answers HTTP requests from clients it does not control.',
      status: 'draft', last_reviewed: '2026-11-01', owners: ['@nodejs/security-wg'],
    });
    assert.equal(model.intro, 'A server parses untrusted requests; the application and its dependencies are trusted.');
    assert.equal(model.scope, 'Long-running services built on node:http, behind a proxy or facing the internet.');
    assert.deepEqual(model.trusted, [text('The operators who start the server, and the operating system.'), text('The application code and its dependencies.')]);
    assert.deepEqual(model.untrusted, [text('Everything a client sends: request lines, headers and bodies.')]);
    assert.deepEqual(model.assets[0], text('Availability of the server process.'));
    assert.equal(model.assets.length, 2);
    assert.deepEqual(model.threats.map((th) => th.id), ['WEB-01', 'WEB-02', 'WEB-03']);
    assert.deepEqual(model.notApplicable, [{category: 'Repudiation',
      reason: 'the runtime keeps no audit trail; logging requests is the application\'s job.', position: {line: 71, column: 3}}]);
    assert.deepEqual(model.outOfScope, [text('Code the operator chose to run.')]);
    assert.deepEqual(model.anchors, ['at-a-glance', 'scope', 'trust', 'assets', 'threats', 'WEB-01', 'WEB-02', 'WEB-03', 'not-applicable', 'out-of-scope']);
    assert.deepEqual(model.links, []);
  });

  await t.test('should read the same model from a file with a byte-order mark and CRLF line endings', () => {
    const plain = read(web).model;
    const crlf = web.replace(/\n/g, '\r\n');
    const bom = read(`\ufeff${crlf}`, parseMarkdown(crlf));
    assert.deepEqual(bom.diagnostics, []);
    assert.deepEqual(bom.model?.threats.map((th) => th.title), plain?.threats.map((th) => th.title));
    assert.deepEqual(bom.model?.notApplicable, plain?.notApplicable);
  });

  await t.test('should give no model for a file with lone carriage returns', () => {
    const result = read(web.replace('\n', '\r'));
    assert.equal(result.model, undefined);
    assert.deepEqual(rules(result), ['line-ending']);
  });

  await t.test('should give no model for a file without front matter', () => {
    for (const source of ['', 'Just text.\n']) {
      const result = read(source);
      assert.equal(result.model, undefined);
      assert.deepEqual(result.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.reason]), [['no-front-matter', 1, 1, 'Missing front matter']]);
    }
  });

  await t.test('should give no model for front matter that is not valid YAML', () => {
    const result = read('---\ntitle: [\n---\n');
    assert.equal(result.model, undefined);
    assert.deepEqual(rules(result), ['yaml-syntax']);
    assert.equal(result.diagnostics[0]!.line, 3);
  });

  await t.test('should give no model when the tree does not hold the front matter the check read', () => {
    const other = read(web, parseMarkdown('Text only.\n'));
    assert.equal(other.model, undefined);
    assert.deepEqual(other.diagnostics.map((d) => [d.ruleId, d.reason]), [['front-matter-fence', 'The site would read this front matter differently from the check']]);
    const longer = read(web, parseMarkdown(web.replace('owners:', 'extra: 1\nowners:')));
    assert.deepEqual(rules(longer), ['front-matter-fence']);
  });

  await t.test('should still give a model for a file with findings', () => {
    const result = read('---\nuse_case: web\n---\n');
    assert.ok(result.model);
    assert.equal(result.model.useCase, 'web');
    assert.deepEqual(result.model.threats, []);
    assert.ok(rules(result).includes('missing-field'));
    assert.ok(rules(result).includes('missing-section'));
    assert.equal(rules(result).filter((r) => r === 'stride-coverage').length, 6);
  });

  await t.test('should leave HTML comments out of the introduction', () => {
    const result = read(web.replace('\nA server parses', '\n<!-- editors: keep this short -->\n\nA server parses'));
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.model?.intro, 'A server parses untrusted requests; the application and its dependencies are trusted.');
  });

  await t.test('should check anchors on the page itself and return the links to other pages', () => {
    const source = web.replace('hide a second request in the first.',
      'hide a second request in the first; see [WEB-02](#WEB-02), [gone](#WEB-09) and [tool](./tool.md#TOOL-01).');
    const result = read(source);
    assert.deepEqual(result.diagnostics.map((d) => [d.ruleId, d.line, d.reason]), [['broken-anchor', 44, 'Anchor "#WEB-09" does not exist on this page']]);
    assert.deepEqual(result.model?.links.map((l) => [l.url, l.target, l.line]),
      [['./tool.md#TOOL-01', {kind: 'model', file: 'threat-models/tool.md', anchor: 'TOOL-01'}, 44]]);
  });

  await t.test('should judge STRIDE coverage only when every threat could be read', () => {
    // WEB-02 alone covers Denial of service.
    const uncovered = read(web.replace('- STRIDE: Denial of service', '- STRIDE: Tampering'));
    assert.deepEqual(uncovered.diagnostics.map((d) => d.reason), ['STRIDE category "Denial of service" is not covered']);
    const refused = read(web.replace(' {#WEB-02}', ''));
    assert.deepEqual(rules(refused), ['missing-id']);
    assert.deepEqual(refused.model?.threats.map((th) => th.id), ['WEB-01', 'WEB-03']);
  });
});
