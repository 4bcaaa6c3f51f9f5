/**
 * `## Data flows`: its three tables read cell by cell into zones, elements
 * and flows, every bad header, cell, value and ID reported at its cell with
 * a hint, and the rules across rows and the threats' `Flows` field, each
 * message and hint pinned. Each case edits the shared valid `tool.md`,
 * whose data flows read with no finding.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig, type ConfigInput} from '../../plugins/threat-model/lib/config';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import {readThreatModel} from '../../plugins/threat-model/lib/read';
import {declaredTypo} from '../../plugins/threat-model/lib/read/data-flow-checks';

const config = loadConfig(fixtureConfig);
const source = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models', 'tool.md'), 'utf8');

/** The shared tool.md with each `[from, to]` replaced once (each must be there). */
function edited(...edits: Array<[string, string]>): string {
  let text = source;
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), `tool.md has ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

function read(text: string, input: Partial<ConfigInput> = {}) {
  const cfg = Object.keys(input).length > 0 ? loadConfig({...fixtureConfig, ...input}) : config;
  const result = readThreatModel({tree: parseMarkdown(text), source: text, file: 'threat-models/tool.md', config: cfg});
  const found = result.diagnostics.map((d) => ({rule: d.ruleId, at: `${d.line}:${d.column}`, severity: d.severity, message: d.reason, hint: d.hint}));
  return {model: result.model, found};
}

/** The line of `tool.md` (1-based) that holds `text`. */
function lineOf(text: string, within = source): number {
  const index = within.split('\n').findIndex((l) => l.includes(text));
  assert.notEqual(index, -1, text);
  return index + 1;
}

const text = (value: string) => ({type: 'text' as const, value});

test('readDataFlows', async (t) => {
  await t.test('should read the example with no finding: zones, elements and flows in the order written', () => {
    const {model, found} = read(source);
    assert.deepEqual(found, []);
    const flows = model!.dataFlows!;
    assert.deepEqual(flows.zones, [
      {id: 'TOOL-Z1', name: [text('Developer machine')], trust: 'trusted', position: {line: lineOf('| TOOL-Z1 |'), column: 1}},
      {id: 'TOOL-Z2', name: [text('Node.js process')], trust: 'trusted', parent: 'TOOL-Z1', position: {line: lineOf('| TOOL-Z2 |'), column: 1}},
      {id: 'TOOL-Z3', name: [text('Downloaded files')], trust: 'untrusted', position: {line: lineOf('| TOOL-Z3 |'), column: 1}},
    ]);
    assert.deepEqual(flows.elements.map((e) => [e.id, e.kind, e.zone]), [
      ['TOOL-E1', 'external-entity', 'TOOL-Z1'],
      ['TOOL-E2', 'data-store', 'TOOL-Z1'],
      ['TOOL-E3', 'process', 'TOOL-Z2'],
      ['TOOL-E4', 'data-store', 'TOOL-Z3'],
    ]);
    assert.deepEqual(flows.elements[1]!.name, [text('Environment and '), {type: 'code', value: 'NODE_OPTIONS'}]);
    assert.deepEqual(flows.flows.map((f) => [f.id, f.from, f.to, f.crossesBoundary]), [
      ['TOOL-F1', 'TOOL-E1', 'TOOL-E3', false],
      ['TOOL-F2', 'TOOL-E2', 'TOOL-E3', false],
      ['TOOL-F3', 'TOOL-E4', 'TOOL-E3', true],
    ]);
    assert.deepEqual(flows.flows[2]!.data, [text('Entry names and contents')]);
    assert.deepEqual(model!.threats.map((th) => th.flows), [['TOOL-F2', 'TOOL-E2'], ['TOOL-F3']]);
    // Every row is an anchor of the page, for the link check.
    for (const id of ['TOOL-Z1', 'TOOL-E3', 'TOOL-F3']) assert.ok(model!.anchors.includes(id), id);
  });

  await t.test('should leave dataFlows out, and Flows empty, in a file without the section', () => {
    const start = source.indexOf('## Data flows');
    const text = source.slice(0, start) + source.slice(source.indexOf('## Threats')).replace('- Flows: TOOL-F2, TOOL-E2\n', '').replace('- Flows: TOOL-F3\n', '');
    const {model, found} = read(text);
    assert.deepEqual(found, []);
    assert.equal(model!.dataFlows, undefined);
    assert.ok('dataFlows' in model! === false);
    assert.deepEqual(model!.threats.map((th) => th.flows), [[], []]);
  });

  await t.test('should accept values in any case, and Kind with dashes', () => {
    const {model, found} = read(edited(['| TOOL-E4 | Archive | data store |', '| TOOL-E4 | Archive | Data-Store |'], ['Downloaded files | untrusted', 'Downloaded files | UNTRUSTED'], ['contents | yes |', 'contents | Yes |']));
    assert.deepEqual(found, []);
    assert.equal(model!.dataFlows!.elements[3]!.kind, 'data-store');
  });

  await t.test('should report a bad value with the allowed ones and a guess', () => {
    const {found} = read(edited(['| Developer machine | trusted |', '| Developer machine | trused |'], ['| User | external entity |', '| User | external |'], ['contents | yes |', 'contents | maybe |']));
    assert.deepEqual(found.map((f) => [f.rule, f.message, f.hint]), [
      ['invalid-value', 'Invalid Trust "trused" in TOOL-Z1 (did you mean "trusted"?)', 'Allowed values: trusted, untrusted.'],
      ['invalid-value', 'Invalid Kind "external" in TOOL-E1', 'Allowed values: process, data store, external entity.'],
      ['invalid-value', 'Invalid Boundary "maybe" in TOOL-F3', 'Allowed values: yes, no.'],
    ]);
    assert.equal(found[0]!.at, `${lineOf('| TOOL-Z1 |')}:33`);
  });

  await t.test('should report a malformed ID, with the well-formed one, and skip its row without a second finding', () => {
    const {model, found} = read(edited(['| TOOL-Z3 | Downloaded files', '| TOOL-Z03 | Downloaded files'], ['| TOOL-F1 | TOOL-E1', '| F1 | TOOL-E1']));
    assert.deepEqual(found.map((f) => [f.rule, f.at, f.message, f.hint]), [
      ['malformed-id', `${lineOf('| TOOL-Z3 |')}:3`, 'Malformed zone ID "TOOL-Z03" (did you mean "TOOL-Z3"?)', 'Use <PREFIX>-Z<n>, n from 1 to 999 without a leading zero, e.g. TOOL-Z1.'],
      ['malformed-id', `${lineOf('| TOOL-F1 |')}:3`, 'Malformed flow ID "F1"', 'Use <PREFIX>-F<n>, n from 1 to 999 without a leading zero, e.g. TOOL-F1.'],
    ]);
    // TOOL-E4 is in the refused zone: not reported again as an unknown zone.
    assert.deepEqual(model!.dataFlows!.zones.map((z) => z.id), ['TOOL-Z1', 'TOOL-Z2']);
  });

  await t.test('should report an ID of the wrong table as malformed, and one of another prefix', () => {
    const {found} = read(edited(['| TOOL-E1 | User', '| TOOL-F9 | User'], ['| TOOL-Z3 | Downloaded', '| WEB-Z3 | Downloaded'], ['| TOOL-E4 | Archive | data store | TOOL-Z3 |', '| TOOL-E4 | Archive | data store | WEB-Z3 |']));
    assert.deepEqual(found.map((f) => [f.rule, f.message, f.hint]), [
      ['id-prefix', 'Zone ID "WEB-Z3" does not use this use case\'s prefix "TOOL"', 'Rename it to TOOL-Z3 (IDs of use case "tool" start with TOOL-).'],
      ['malformed-id', 'Malformed element ID "TOOL-F9"', 'Use <PREFIX>-E<n>, n from 1 to 999 without a leading zero, e.g. TOOL-E1.'],
    ]);
  });

  await t.test('should report a row without an ID', () => {
    const {found} = read(edited(['| TOOL-E1 | User', '|  | User']));
    assert.deepEqual(found.map((f) => [f.rule, f.message, f.hint]), [
      ['missing-id', 'A row of the element table has no ID', 'Write the element\'s ID in the first cell, e.g. TOOL-E1.'],
    ]);
  });

  await t.test('should report empty and missing cells, each with what it needs', () => {
    const {found} = read(edited(['| TOOL-Z3 | Downloaded files | untrusted | |', '| TOOL-Z3 | | untrusted | |'], ['| TOOL-F3 | TOOL-E4 | TOOL-E3 | Entry names and contents | yes |', '| TOOL-F3 | TOOL-E4 | TOOL-E3 |']));
    const row = lineOf('| TOOL-F3 |');
    assert.deepEqual(found.map((f) => [f.rule, f.at, f.message, f.hint]), [
      ['missing-field', `${lineOf('| TOOL-Z3 |')}:11`, 'Zone TOOL-Z3 has no Name', 'Give it a name: the diagram and the tables show it.'],
      ['missing-field', `${row}:32`, 'Flow TOOL-F3 has no Data', 'Say what data moves, e.g. "HTTP requests: headers and body".'],
      ['missing-field', `${row}:32`, 'Flow TOOL-F3 has no Boundary', 'Write "yes" if the flow crosses a trust boundary, else "no".'],
    ]);
  });

  await t.test('should report a cell beyond the header', () => {
    const {found} = read(edited(['| TOOL-F1 | TOOL-E1 | TOOL-E3 | Command-line arguments | no |', '| TOOL-F1 | TOOL-E1 | TOOL-E3 | Command-line arguments | no | extra |']));
    assert.deepEqual(found.map((f) => [f.rule, f.message, f.hint]), [
      ['lost-content', 'A cell beyond the last column of the flow table', 'Remove it, or give it a column in the header: the page shows only the columns the header names.'],
    ]);
  });

  await t.test('should report a misspelt, a repeated and a missing column', () => {
    const misspelt = read(edited(['| Element | Name | Kind | Zone |', '| Element | Nmae | Kind | Zone |']));
    assert.deepEqual(misspelt.found.map((f) => [f.rule, f.message, f.hint]), [
      ['unknown-field', 'Unknown column "Nmae" in the element table (did you mean "Name"?)', 'Rename it to "Name".'],
    ]);
    const repeated = read(edited(['| Zone | Name | Trust | Inside |\n| --- | --- | --- | --- |', '| Zone | Name | Trust | Trust |\n| --- | --- | --- | --- |']));
    assert.deepEqual(repeated.found.map((f) => [f.rule, f.message, f.hint]), [
      ['duplicate-field', 'Column "Trust" appears twice in the zone table', 'Keep one "Trust" column.'],
    ]);
    const unknown = read(edited(['| Element | Name | Kind | Zone |', '| Element | Name | Kind | Colour |']));
    assert.deepEqual(unknown.found.map((f) => [f.rule, f.message, f.hint]), [
      ['unknown-field', 'Unknown column "Colour" in the element table', 'The columns of the element table are Element, Name, Kind, Zone.'],
      ['missing-field', 'The element table has no "Zone" column', 'Add a "Zone" column; the columns are Element, Name, Kind, Zone.'],
    ]);
  });

  await t.test('should allow the zone table without its Inside column', () => {
    const text = source.replace('| Zone | Name | Trust | Inside |\n| --- | --- | --- | --- |', '| Zone | Name | Trust |\n| --- | --- | --- |')
      .replace('| TOOL-Z1 | Developer machine | trusted | |', '| TOOL-Z1 | Developer machine | trusted |')
      .replace('| TOOL-Z2 | Node.js process | trusted | TOOL-Z1 |', '| TOOL-Z2 | Node.js process | trusted |')
      .replace('| TOOL-Z3 | Downloaded files | untrusted | |', '| TOOL-Z3 | Downloaded files | untrusted |');
    const {model, found} = read(text);
    assert.deepEqual(found, []);
    assert.equal(model!.dataFlows!.zones[1]!.parent, undefined);
  });

  await t.test('should report a table it cannot tell apart, a second table of a kind, a missing one and other blocks', () => {
    const other = read(edited(['| Zone | Name | Trust | Inside |', '| Zon | Name | Trust | Inside |']));
    // One finding: the tables that refer to its zones are not checked against a table that was not read.
    assert.deepEqual(other.found.map((f) => [f.rule, f.message, f.hint]), [
      ['unknown-field', 'A table in the Data flows section starts with the column "Zon" (did you mean "Zone"?)', 'Start its header with Zone, Element or Flow: those are the section\'s three tables. Move any other table to a threat\'s description.'],
    ]);
    const start = source.indexOf('| Zone |');
    const missing = read(source.slice(0, start) + source.slice(source.indexOf('| Element |')));
    assert.deepEqual(missing.found.map((f) => [f.rule, f.at, f.message, f.hint]), [
      ['missing-field', `${lineOf('## Data flows')}:1`, 'The Data flows section has no zone table', 'Add a table whose header is | Zone | Name | Trust | Inside |, one row per zone.'],
    ]);
    const flowTable = source.slice(source.indexOf('| Flow |'), source.indexOf('## Threats'));
    const twice = read(source.replace('## Threats', `${flowTable}## Threats`));
    assert.deepEqual(twice.found.map((f) => [f.rule, f.message, f.hint]), [
      ['lost-content', 'A second flow table in the Data flows section', 'Merge its rows into the first flow table: the diagram and the export read one table of each kind.'],
    ]);
    const blocks = read(edited(['The user starts the tool;', '- A list item\n\n### A heading\n\nThe user starts the tool;']));
    assert.deepEqual(blocks.found.map((f) => [f.rule, f.message, f.hint]), [
      ['lost-content', 'A list in the Data flows section, which holds its three tables and paragraphs', 'Write it as a paragraph, or move it to `## Scope` or a threat\'s description.'],
      ['lost-content', 'A level-3 heading in the Data flows section, which holds its three tables and paragraphs', 'Write it as a paragraph, or move it to `## Scope` or a threat\'s description.'],
    ]);
  });

  await t.test('should report an image in a Name cell as content the diagram and the export would drop', () => {
    const {found} = read(edited(['| TOOL-E1 | User |', '| TOOL-E1 | User ![x](https://example.com/x.png) |']));
    assert.deepEqual(found.filter((f) => f.rule === 'lost-content').map((f) => [f.message, f.hint]), [
      ['An image in the Name field of TOOL-E1', 'Table cells here are text, `code` and links; move it into a paragraph of the section.'],
    ]);
  });

  await t.test('should not ask for the section in a model without it', () => {
    const start = source.indexOf('## Data flows');
    const text = source.slice(0, start) + source.slice(source.indexOf('## Threats')).replace('- Flows: TOOL-F2, TOOL-E2\n', '').replace('- Flows: TOOL-F3\n', '');
    assert.ok(!read(text).found.some((f) => f.rule === 'missing-section'));
  });
});

test('the Flows field', async (t) => {
  await t.test('should report an entry that is not a flow or element ID, with a guess', () => {
    const {found} = read(edited(['- Flows: TOOL-F2, TOOL-E2', '- Flows: TOOL-F2, tool-f01, TOOL-01, TOOL-Z1, flow one']));
    const line = lineOf('- Flows: TOOL-F2, TOOL-E2');
    assert.deepEqual(found.map((f) => [f.rule, f.at, f.message, f.hint]), [
      ['malformed-id', `${line}:19`, 'Flows entry "tool-f01" in TOOL-01 is not a flow or element ID (did you mean "TOOL-F1"?)', 'Write "TOOL-F1".'],
      ['malformed-id', `${line}:29`, 'Flows entry "TOOL-01" in TOOL-01 is a threat ID; Flows names flows and elements', 'Name the threat in Related instead, and list flows and elements in Flows, e.g. `Flows: TOOL-F1, TOOL-E2`.'],
      ['malformed-id', `${line}:38`, 'Flows entry "TOOL-Z1" in TOOL-01 is a zone; Flows names flows and elements', 'Name the flows or the elements of that zone instead, e.g. `Flows: TOOL-F1, TOOL-E2`.'],
      ['malformed-id', `${line}:47`, 'Flows entry "flow one" in TOOL-01 is not a flow or element ID', 'List the IDs of flows and elements of the Data flows section, separated by commas, e.g. `Flows: TOOL-F1, TOOL-E2`.'],
    ]);
  });

  await t.test('should report an empty Flows field', () => {
    const {found} = read(edited(['- Flows: TOOL-F2, TOOL-E2', '- Flows:']));
    assert.deepEqual(found.map((f) => [f.rule, f.message]), [['missing-field', 'Field "Flows" of TOOL-01 is empty']]);
  });
});

test('data-flow rules', async (t) => {
  await t.test('unknown-zone: a Zone or Inside naming no declared zone, with a guess from the ID or the name', () => {
    const {found} = read(edited(['| TOOL-E4 | Archive | data store | TOOL-Z3 |', '| TOOL-E4 | Archive | data store | TOOL-Z9 |'], ['| Node.js process | trusted | TOOL-Z1 |', '| Node.js process | trusted | developer machine |']));
    assert.deepEqual(found.map((f) => [f.rule, f.severity, f.message, f.hint]), [
      ['unknown-zone', 'error', 'Zone TOOL-Z2 is inside "developer machine", which the zone table does not declare (did you mean "TOOL-Z1"?)', 'Write "TOOL-Z1".'],
      ['unknown-zone', 'error', 'Element TOOL-E4 is in zone "TOOL-Z9", which the zone table does not declare', 'Add a row for "TOOL-Z9" to the zone table, or name a declared zone. Declared: TOOL-Z1, TOOL-Z2, TOOL-Z3.'],
    ]);
  });

  await t.test('zone-cycle: zones inside each other, reported once per cycle', () => {
    const {found} = read(edited(['| TOOL-Z1 | Developer machine | trusted | |', '| TOOL-Z1 | Developer machine | trusted | TOOL-Z2 |']));
    assert.deepEqual(found.map((f) => [f.rule, f.at, f.message, f.hint]), [
      ['zone-cycle', `${lineOf('| TOOL-Z1 |')}:43`, 'Zone TOOL-Z1 is inside itself: TOOL-Z1 inside TOOL-Z2 inside TOOL-Z1',
        'A zone is drawn inside its Inside zone, so one of them must be outermost: clear the Inside cell of the outermost zone.'],
    ]);
    const self = read(edited(['| TOOL-Z3 | Downloaded files | untrusted | |', '| TOOL-Z3 | Downloaded files | untrusted | TOOL-Z3 |']));
    assert.deepEqual(self.found.map((f) => f.message), ['Zone TOOL-Z3 is inside itself: TOOL-Z3 inside TOOL-Z3']);
  });

  await t.test('dangling-flow: From or To naming no declared element', () => {
    const {found} = read(edited(['| TOOL-F1 | TOOL-E1 | TOOL-E3 |', '| TOOL-F1 | tool-e01 | The tool |']));
    assert.deepEqual(found.map((f) => [f.rule, f.at, f.message, f.hint]), [
      ['dangling-flow', `${lineOf('| TOOL-F1 |')}:13`, 'Flow TOOL-F1 comes from "tool-e01", which the element table does not declare (did you mean "TOOL-E1"?)', 'Write "TOOL-E1".'],
      ['dangling-flow', `${lineOf('| TOOL-F1 |')}:24`, 'Flow TOOL-F1 goes to "The tool", which the element table does not declare (did you mean "TOOL-E3"?)', 'Write "TOOL-E3".'],
    ]);
  });

  await t.test('boundary-mismatch: a flow between a trusted and an untrusted zone marked Boundary no', () => {
    const {found} = read(edited(['contents | yes |', 'contents | no |']));
    assert.deepEqual(found.map((f) => [f.rule, f.at, f.message, f.hint]), [
      ['boundary-mismatch', `${lineOf('| TOOL-F3 |')}:60`, 'Flow TOOL-F3 goes from untrusted zone TOOL-Z3 ("Downloaded files") to trusted zone TOOL-Z2 ("Node.js process") but its Boundary is "no"',
        'Write "yes": data that moves between a trusted and an untrusted zone crosses a trust boundary. If it does not, correct the Trust of TOOL-Z3 or TOOL-Z2.'],
    ]);
    // Between two trusted zones, either answer stands.
    assert.deepEqual(read(edited(['| Command-line arguments | no |', '| Command-line arguments | yes |'], ['- Flows: TOOL-F3', '- Flows: TOOL-F3, TOOL-F1'])).found, []);
  });

  await t.test('unknown-element and unknown-flow: Flows naming what the model does not declare', () => {
    const {found} = read(edited(['- Flows: TOOL-F2, TOOL-E2', '- Flows: TOOL-F2, TOOL-E7, TOOL-F9'], ['- Flows: TOOL-F3', '- Flows: TOOL-F3, TOLL-E2']));
    assert.deepEqual(found.map((f) => [f.rule, f.message, f.hint]), [
      ['unknown-element', 'Element "TOOL-E7" in the Flows of TOOL-01 is not in this model\'s element table', 'Add TOOL-E7 to the element table of this model, or remove it from Flows. Declared: TOOL-E1, TOOL-E2, TOOL-E3, TOOL-E4.'],
      ['unknown-flow', 'Flow "TOOL-F9" in the Flows of TOOL-01 is not in this model\'s flow table', 'Add TOOL-F9 to the flow table of this model, or remove it from Flows. Declared: TOOL-F1, TOOL-F2, TOOL-F3.'],
      ['unknown-element', 'Element "TOLL-E2" in the Flows of TOOL-02 is not in this model\'s element table (did you mean "TOOL-E2"?)', 'Write "TOOL-E2".'],
    ]);
  });

  await t.test('unknown-flow: Flows in a model without the section', () => {
    const start = source.indexOf('## Data flows');
    const text = source.slice(0, start) + source.slice(source.indexOf('## Threats')).replace('- Flows: TOOL-F2, TOOL-E2\n', '');
    const {found} = read(text);
    assert.deepEqual(found.map((f) => [f.rule, f.message, f.hint]), [
      ['unknown-flow', 'Flow "TOOL-F3" in the Flows of TOOL-02: this model has no "## Data flows" section', 'Add a `## Data flows` section (after `## Assets`) that declares TOOL-F3, or remove "TOOL-F3" from Flows.'],
    ]);
  });

  await t.test('uncovered-flow: a boundary flow no threat names; a warning, or an error by configuration', () => {
    const text = edited(['- Flows: TOOL-F3\n', '']);
    const expected = ['uncovered-flow', `${lineOf('| TOOL-F3 |')}:1`, 'Flow TOOL-F3 crosses a trust boundary, but no threat names it in Flows',
      'Name TOOL-F3 in the Flows field of the threats that concern it, or write Boundary "no" if it crosses none.'];
    assert.deepEqual(read(text).found.map((f) => [f.rule, f.at, f.message, f.hint, f.severity]), [[...expected, 'warning']]);
    assert.deepEqual(read(text, {dataFlows: {uncoveredFlows: 'error'}}).found.map((f) => [f.rule, f.at, f.message, f.hint, f.severity]), [[...expected, 'error']]);
    // Naming an element of the flow does not cover the flow itself.
    assert.equal(read(edited(['- Flows: TOOL-F3', '- Flows: TOOL-E4'])).found[0]?.rule, 'uncovered-flow');
  });
});

test('declaredTypo', () => {
  const declared = [{id: 'SRV-Z1', name: [text('Internet')]}, {id: 'SRV-Z2', name: [{type: 'code' as const, value: 'node'}]}];
  assert.equal(declaredTypo('srv-z01', declared, 'zone'), 'SRV-Z1');
  assert.equal(declaredTypo('SRW-Z2', declared, 'zone'), 'SRV-Z2');
  assert.equal(declaredTypo('internet', declared, 'zone'), 'SRV-Z1');
  assert.equal(declaredTypo('node', declared, 'zone'), 'SRV-Z2');
  // A neighbouring number is another zone, never a guess.
  assert.equal(declaredTypo('SRV-Z3', declared, 'zone'), undefined);
});
