/**
 * The page's `## Data flows`, rendered from the shared valid `tool.md`: the
 * prose as written, a flow table (rows `id` = flow ID, From and To linking
 * to the element rows by name, the threats that name the flow), one table
 * of zones and their elements (rows `id` = zone or element ID), and the
 * threats' `Flows` field linking to those rows. Everything is in the static
 * page, the sanitizer leaves it as it is, and the rows are anchors the link
 * check knows.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import type {Element} from 'hast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseThreatModel} from '../../plugins/threat-model/lib/parse';
import {checkLinks} from '../../plugins/threat-model/lib/rules/links';
import {pageProblem, renderPage} from './render';
import {all, hasClass, textOf} from './hast';

const shared = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const tool = fs.readFileSync(path.join(shared, 'tool.md'), 'utf8');
const web = fs.readFileSync(path.join(shared, 'web.md'), 'utf8');
const config = loadConfig(fixtureConfig);
const file = 'threat-models/tool.md';

/** Each cell of a row as [text, href of its links]. */
const cells = (row: Element) => all(row, (e) => e.tagName === 'td').map((td) => [textOf(td), ...all(td, (e) => e.tagName === 'a').map((a) => a.properties?.href)]);
const rowsOf = (table: Element) => all(table, (e) => e.tagName === 'tr' && e.properties?.id !== undefined);

test('data flows on the page', async (t) => {
  const tree = renderPage(tool, file, config);
  const [flows, zones, ...more] = all(tree, hasClass('tm-dfd-table'));

  await t.test('should render as the sanitizer leaves it, with each id once', () => {
    assert.equal(pageProblem(tree, ['TOOL-01', 'TOOL-02']), undefined);
    assert.deepEqual(more, []);
  });

  await t.test('should show the flow table: Flow, From, To, Data, Boundary, Threats, one row per flow', () => {
    assert.ok(flows && hasClass('tm-dfd-table--flows')(flows));
    assert.deepEqual(all(flows, (e) => e.tagName === 'th').map(textOf), ['Flow', 'From', 'To', 'Data', 'Boundary', 'Threats']);
    assert.deepEqual(rowsOf(flows).map((r) => r.properties?.id), ['TOOL-F1', 'TOOL-F2', 'TOOL-F3']);
    assert.deepEqual(rowsOf(flows).map(cells), [
      [['TOOL-F1'], ['User', '#TOOL-E1'], ['The tool', '#TOOL-E3'], ['Command-line arguments'], ['No'], ['None']],
      [['TOOL-F2'], ['Environment and NODE_OPTIONS', '#TOOL-E2'], ['The tool', '#TOOL-E3'], ['NODE_OPTIONS and other variables'], ['No'], ['TOOL-01', '#TOOL-01']],
      [['TOOL-F3'], ['Archive', '#TOOL-E4'], ['The tool', '#TOOL-E3'], ['Entry names and contents'], ['Yes'], ['TOOL-02', '#TOOL-02']],
    ]);
    assert.ok(hasClass('tm-dfd-table__boundary')(rowsOf(flows)[2]!));
    // A code span in a name stays code.
    assert.equal(all(rowsOf(flows)[1]!, (e) => e.tagName === 'code').map(textOf).join(' '), 'TOOL-F2 NODE_OPTIONS NODE_OPTIONS');
  });

  await t.test('should show each zone with its elements, the zone by name and linked', () => {
    assert.deepEqual(all(zones!, (e) => e.tagName === 'th').map(textOf), ['ID', 'Name', 'Kind', 'Zone', 'Trust']);
    assert.deepEqual(rowsOf(zones!).map(cells), [
      [['TOOL-Z1'], ['Developer machine'], ['Trust zone'], [''], ['Trusted']],
      [['TOOL-E1'], ['User'], ['External entity'], ['Developer machine', '#TOOL-Z1'], ['Trusted']],
      [['TOOL-E2'], ['Environment and NODE_OPTIONS'], ['Data store'], ['Developer machine', '#TOOL-Z1'], ['Trusted']],
      [['TOOL-Z2'], ['Node.js process'], ['Trust zone'], ['Developer machine', '#TOOL-Z1'], ['Trusted']],
      [['TOOL-E3'], ['The tool'], ['Process'], ['Node.js process', '#TOOL-Z2'], ['Trusted']],
      [['TOOL-Z3'], ['Downloaded files'], ['Trust zone'], [''], ['Untrusted']],
      [['TOOL-E4'], ['Archive'], ['Data store'], ['Downloaded files', '#TOOL-Z3'], ['Untrusted']],
    ]);
    assert.deepEqual(rowsOf(zones!).map((r) => r.properties?.id), ['TOOL-Z1', 'TOOL-E1', 'TOOL-E2', 'TOOL-Z2', 'TOOL-E3', 'TOOL-Z3', 'TOOL-E4']);
  });

  await t.test('should keep the prose as written and drop the tables as written', () => {
    const section = tree.children.filter((n): n is Element => n.type === 'element');
    const start = section.findIndex((e) => e.tagName === 'h2' && textOf(e) === 'Data flows');
    const end = section.findIndex((e, i) => i > start && e.tagName === 'h2');
    assert.deepEqual(section.slice(start + 1, end).map((e) => e.tagName), ['p', 'table', 'table', 'p']);
    assert.match(textOf(section[start + 1]), /^The user starts the tool;/);
    assert.equal(all(section[end - 1], (e) => e.tagName === 'a')[0]?.properties?.href, 'https://nodejs.org/api/cli.html#node_optionsoptions');
  });

  await t.test('should link the Flows field to the rows, with the element\'s name or the flow\'s ends', () => {
    const fields = all(tree, hasClass('tm-fields'));
    const flowsOf = (dl: Element) => {
      const dts = all(dl, (e) => e.tagName === 'dt');
      const at = dts.findIndex((dt) => textOf(dt) === 'Flows');
      return at === -1 ? undefined : all(dl, (e) => e.tagName === 'dd')[at];
    };
    const links = (dd: Element | undefined) => all(dd, (e) => e.tagName === 'a').map((a) => [a.properties?.href, textOf(a)]);
    assert.deepEqual(links(flowsOf(fields[0]!)), [['#TOOL-F2', 'TOOL-F2 Environment and NODE_OPTIONS → The tool'], ['#TOOL-E2', 'TOOL-E2 Environment and NODE_OPTIONS']]);
    assert.deepEqual(links(flowsOf(fields[1]!)), [['#TOOL-F3', 'TOOL-F3 Archive → The tool']]);
    // Between Related and References.
    assert.deepEqual(all(fields[0]!, (e) => e.tagName === 'dt').map(textOf).slice(-3), ['Related', 'Flows', 'References']);
  });

  await t.test('should not nest a link in a name inside the link to its row', () => {
    const linked = tool.replace('| TOOL-E4 | Archive |', '| TOOL-E4 | [Archive](https://example.com/a.tgz) |');
    const page = renderPage(linked, file, config);
    const [table] = all(page, hasClass('tm-dfd-table--flows'));
    const from = all(rowsOf(table!)[2]!, (e) => e.tagName === 'td')[1]!;
    assert.deepEqual(all(from, (e) => e.tagName === 'a').map((a) => a.properties?.href), ['#TOOL-E4']);
    const [zoneTable] = all(page, hasClass('tm-dfd-table--zones'));
    assert.deepEqual(all(rowsOf(zoneTable!)[6]!, (e) => e.tagName === 'a').map((a) => a.properties?.href), ['https://example.com/a.tgz', '#TOOL-Z3']);
  });

  await t.test('should add nothing to a page without the section', () => {
    const page = renderPage(web, 'threat-models/web.md', config);
    assert.deepEqual(all(page, hasClass('tm-dfd-table')), []);
    assert.ok(!all(page, hasClass('tm-fields')).some((dl) => all(dl, (e) => e.tagName === 'dt').some((dt) => textOf(dt) === 'Flows')));
  });
});

test('data-flow rows are anchors for the link check', () => {
  const toolModel = parseThreatModel(tool, file, config).model!;
  const link = (markdown: string) => {
    const text = web.replace('- Code the operator chose to run.', `- ${markdown}`);
    const model = parseThreatModel(text, 'threat-models/web.md', config).model!;
    return checkLinks([model, toolModel], config, undefined, ['threat-models/web.md', file]).map((d) => [d.ruleId, d.reason]);
  };
  for (const ok of ['[f](./tool.md#TOOL-F3)', '[e](/threat-models/tool#TOOL-E2)', '[z](./tool.md#TOOL-Z1)']) assert.deepEqual(link(ok), [], ok);
  assert.deepEqual(link('[f](./tool.md#TOOL-F9)'), [['broken-anchor', 'Link "./tool.md#TOOL-F9": threat-models/tool.md has no anchor "#TOOL-F9"']]);
});
