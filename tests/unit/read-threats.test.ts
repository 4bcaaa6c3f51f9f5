/**
 * `## Threats`: one `### Title {#PREFIX-NN}` per threat, its field list
 * right under the heading, then prose. A threat whose heading cannot be
 * read (no ID, ID in formatting, malformed ID, no title) is refused and
 * counted; blocks before the first threat, misplaced field lists and
 * unsupported blocks are reported. The reader marks the headings and field
 * lists it read for the page generator.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import type {Heading, List} from 'mdast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import type {Context} from '../../plugins/threat-model/lib/read/context';
import {splitSections} from '../../plugins/threat-model/lib/read/sections';
import {readThreats, REPORTED_ELSEWHERE} from '../../plugins/threat-model/lib/read/threats';

const config = loadConfig(fixtureConfig);
const FIELDS = '- STRIDE: Tampering\n- Severity: low\n- Responsibility: node\n- Mitigations: none\n- References: CWE-20\n';

/** A `## Threats` section (line 1) holding `body`, read for `useCase`. */
function read(body: string, useCase = 'web') {
  const markdown = `## Threats\n\n${body}`;
  const [heading, ...nodes] = parseMarkdown(markdown).children;
  const ctx: Context = {file: 'threat-models/web.md', config, text: markdown, diagnostics: []};
  const section = {heading: heading as Heading, nodes};
  const result = readThreats(section, useCase, ctx);
  const found = ctx.diagnostics.map((d) => ({rule: d.ruleId, line: d.line, message: d.reason}));
  return {...result, found, ctx, section};
}

test('readThreats', async (t) => {
  await t.test('should read every threat of the shared web model with its fields, summary and details', () => {
    const file = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models', 'web.md');
    const text = fs.readFileSync(file, 'utf8');
    const ctx: Context = {file: 'threat-models/web.md', config, text, diagnostics: []};
    const threats = splitSections(parseMarkdown(text), ctx).byName.get('Threats')!;
    const {threats: read, refused} = readThreats(threats, 'web', ctx);
    assert.deepEqual(ctx.diagnostics, []);
    assert.equal(refused, 0);
    assert.deepEqual(read.map((r) => [r.id, r.title, r.severity, r.responsibility, r.stride]), [
      ['WEB-01', 'Request smuggling between a proxy and the server', 'high', 'node', ['Tampering', 'Spoofing']],
      ['WEB-02', 'Slow requests exhaust the server', 'medium', 'operator', ['Denial of service']],
      ['WEB-03', 'Request data reaching the file system', 'critical', 'application', ['Information disclosure', 'Elevation of privilege']],
    ]);
    const first = read[0]!;
    assert.deepEqual([first.useCase, first.file, first.position], ['web', 'threat-models/web.md', {line: 34, column: 1}]);
    assert.deepEqual(first.features, ['--max-http-header-size']);
    assert.deepEqual(first.related, ['TOOL-01']);
    assert.equal(first.summary, 'When a proxy and the server disagree on where a request ends, an attacker can hide a second request in the first.');
    assert.equal(first.details, first.summary);
  });

  await t.test('should mark the heading and the field list it read, and keep the prose as summary and details', () => {
    const {threats, found, section} = read(`### Parser confusion {#WEB-07}\n\n${FIELDS}\nFirst *paragraph*.\n\n- a list\n\n<!-- note -->\n\nSecond.\n`);
    assert.deepEqual(found, []);
    const [threat] = threats;
    assert.equal(threat!.id, 'WEB-07');
    assert.equal(threat!.title, 'Parser confusion');
    assert.equal(threat!.summary, 'First paragraph.');
    assert.equal(threat!.details, 'First paragraph.\n\na list\n\nSecond.');
    assert.deepEqual(threat!.mitigations, [[{type: 'text', value: 'none'}]]);
    const heading = section.nodes.find((n) => n.type === 'heading')!;
    const list = section.nodes.find((n) => n.type === 'list') as List;
    assert.deepEqual(heading.data?.threatModel, {threat: 'WEB-07'});
    assert.deepEqual(list.data?.threatModel, {fields: 'WEB-07'});
  });

  await t.test('should report an empty Threats section', () => {
    const {threats, refused, found, ctx} = read('');
    assert.deepEqual([threats, refused], [[], 0]);
    assert.deepEqual(found, [{rule: 'no-threats', line: 1, message: 'The Threats section has no threat'}]);
    assert.equal(ctx.diagnostics[0]!.hint, 'Add one `### Title {#PREFIX-01}` heading per threat, each followed by its field list.');
  });

  await t.test('should report blocks before the first threat, but not comments', () => {
    const {threats, found} = read(`<!-- intro -->\n\nStray prose.\n\n### T {#WEB-01}\n\n${FIELDS}`);
    assert.equal(threats.length, 1);
    assert.deepEqual(found, [{rule: 'lost-content', line: 5, message: 'A paragraph before the first threat'}]);
  });

  await t.test('should refuse a threat without an ID and suggest one with the use case\'s prefix', () => {
    const {threats, refused, found, ctx} = read(`### No id here\n\n${FIELDS}`);
    assert.deepEqual([threats, refused], [[], 1]);
    assert.deepEqual(found, [{rule: 'missing-id', line: 3, message: 'Threat "No id here" has no ID'}]);
    assert.equal(ctx.diagnostics[0]!.hint, 'End the heading with a stable ID, e.g. `### No id here {#WEB-01}`.');
    assert.equal(read('### X\n', 'unknown').ctx.diagnostics[0]!.hint, 'End the heading with a stable ID, e.g. `### X {#PREFIX-01}`.');
  });

  await t.test('should refuse an ID written inside formatting', () => {
    const {refused, found} = read(`### Title *{#WEB-01}*\n\n${FIELDS}`);
    assert.equal(refused, 1);
    assert.deepEqual(found, [{rule: 'heading-id', line: 3, message: 'The ID {#WEB-01} is inside formatting or a link'}]);
  });

  await t.test('should refuse a malformed ID with a guess', () => {
    const {refused, found} = read(`### Title {#WEB-1}\n\n${FIELDS}\n### Other {#web_x}\n\n${FIELDS}`);
    assert.equal(refused, 2);
    assert.deepEqual(found, [
      {rule: 'malformed-id', line: 3, message: 'Malformed threat ID "WEB-1" (did you mean "WEB-01"?)'},
      {rule: 'malformed-id', line: 11, message: 'Malformed threat ID "web_x"'},
    ]);
  });

  await t.test('should read a threat with another use case\'s prefix, and report the prefix', () => {
    const {threats, found, ctx} = read(`### Title {#TOOL-03}\n\n${FIELDS}`);
    assert.deepEqual(threats.map((th) => th.id), ['TOOL-03']);
    assert.deepEqual(found, [{rule: 'id-prefix', line: 3, message: 'Threat ID "TOOL-03" does not use this use case\'s prefix "WEB"'}]);
    assert.equal(ctx.diagnostics[0]!.hint, 'Rename it to WEB-03 (IDs of use case "web" start with WEB-).');
  });

  await t.test('should refuse a threat with no title', () => {
    const {refused, found} = read(`### {#WEB-01}\n\n${FIELDS}`);
    assert.equal(refused, 1);
    assert.deepEqual(found, [{rule: 'empty-title', line: 3, message: 'Threat WEB-01 has no title'}]);
  });

  await t.test('should report prose between the heading and the field list, and not keep it as the description', () => {
    const {threats, found} = read(`### Title {#WEB-01}\n\nProse first.\n\n${FIELDS}`);
    assert.equal(threats.length, 1);
    assert.equal(found[0]!.message, 'A paragraph between the heading of WEB-01 and its field list');
    assert.equal(found[0]!.line, 5);
    // The prose is not kept as the description.
    assert.equal(threats[0]!.summary, '');
  });

  await t.test('should report a second field list after the description', () => {
    const {threats, found} = read(`### Title {#WEB-01}\n\n${FIELDS}\nProse.\n\n- Severity: high\n`);
    assert.equal(threats[0]!.severity, 'low');
    assert.equal(threats[0]!.details, 'Prose.');
    assert.deepEqual(found, [{rule: 'lost-content', line: 13, message: 'A second field list in WEB-01, after its description'}]);
  });

  await t.test('should report a block that a description cannot hold, and skip directives reported elsewhere', () => {
    assert.ok(REPORTED_ELSEWHERE.has('containerDirective'));
    const {threats, found} = read(`### Title {#WEB-01}\n\n${FIELDS}\n| a |\n| - |\n| b |\n\n:::note\nx\n:::\n\n[^1]: a note\n`);
    assert.deepEqual(found, []);
    assert.equal(threats[0]!.details, 'ab');
    const yamlLike = read(`### Title {#WEB-01}\n\n${FIELDS}\n`);
    yamlLike.section.nodes.push({type: 'yaml', value: 'x: 1'});
    const again = readThreats(yamlLike.section, 'web', yamlLike.ctx);
    assert.equal(again.threats.length, 1);
    assert.deepEqual(yamlLike.ctx.diagnostics.map((d) => d.reason), ['A yaml block in the description of WEB-01']);
  });

  await t.test('should default severity and responsibility when the fields are missing', () => {
    const {threats} = read('### Title {#WEB-01}\n\nJust prose.\n');
    assert.equal(threats.length, 1);
    assert.deepEqual([threats[0]!.severity, threats[0]!.responsibility, threats[0]!.stride, threats[0]!.references], ['medium', 'application', [], []]);
  });
});
