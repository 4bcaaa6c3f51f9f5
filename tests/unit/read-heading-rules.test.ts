/**
 * Heading rules outside the threats: an explicit id on a heading that is not
 * a threat is refused; a threat-shaped ID on a heading the reader did not
 * take as a threat, or hidden in raw HTML or an indented code block, is
 * reported with where it is; same-page anchors must exist on the page.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type {Heading} from 'mdast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import type {Context} from '../../plugins/threat-model/lib/read/context';
import {checkAnchors, checkHeadings, checkHiddenThreats} from '../../plugins/threat-model/lib/read/heading-rules';
import type {LocalLink} from '../../plugins/threat-model/lib/read/links';
import type {ThreatModel} from '../../plugins/threat-model/lib/types';

const config = loadConfig(fixtureConfig);
const context = (text: string): Context => ({file: 'threat-models/web.md', config, text, diagnostics: []});

function headings(markdown: string) {
  const ctx = context(markdown);
  checkHeadings(parseMarkdown(markdown), ctx);
  return ctx.diagnostics.map((d) => [d.ruleId, d.reason, d.line]);
}

function hidden(markdown: string) {
  const ctx = context(markdown);
  checkHiddenThreats(parseMarkdown(markdown), ctx);
  return ctx.diagnostics.map((d) => [d.ruleId, d.reason, d.line]);
}

test('read heading rules', async (t) => {
  await t.test('should leave plain headings and threat headings under Threats alone', () => {
    assert.deepEqual(headings('## Scope\n\n### Sub\n\n## Threats\n\n### Smuggling {#WEB-01}\n\n### Not yet read {#oops}\n'), []);
  });

  await t.test('should refuse an explicit id that is not threat-shaped', () => {
    assert.deepEqual(headings('## Scope {#my-scope}\n'), [
      ['heading-id', 'Explicit heading id {#my-scope} on a heading that is not a threat', 1],
    ]);
  });

  await t.test('should say where a threat-shaped heading is that is not read as a threat', () => {
    assert.deepEqual(headings('## Smuggling {#WEB-01}\n\n## Scope\n\n### Slow {#WEB-02}\n\n#### Deep {#TOOL-03}\n'), [
      ['misplaced-threat', 'Heading with threat ID WEB-01 is a level-2 heading, so it is not read as a threat', 1],
      ['misplaced-threat', 'Heading with threat ID WEB-02 is under `## Scope`, so it is not read as a threat', 5],
      ['misplaced-threat', 'Heading with threat ID TOOL-03 is a level-4 heading, so it is not read as a threat', 7],
    ]);
    assert.deepEqual(headings('## Threats\n\n> ### Quoted {#WEB-04}\n\n- ### Listed {#WEB-05}\n\n:::note\n### Boxed {#WEB-06}\n:::\n'), [
      ['misplaced-threat', 'Heading with threat ID WEB-04 is inside a block quote, so it is not read as a threat', 3],
      ['misplaced-threat', 'Heading with threat ID WEB-05 is inside a list, so it is not read as a threat', 5],
      ['misplaced-threat', 'Heading with threat ID WEB-06 is inside a directive, so it is not read as a threat', 8],
    ]);
  });

  await t.test('should skip a heading the reader marked as a threat', () => {
    const tree = parseMarkdown('## Scope\n\n### Marked {#WEB-01}\n');
    (tree.children[1] as Heading).data = {threatModel: {threat: 'WEB-01'}};
    const ctx = context('');
    checkHeadings(tree, ctx);
    assert.deepEqual(ctx.diagnostics, []);
  });

  await t.test('should find threat IDs hidden in raw HTML, comments and indented code', () => {
    assert.deepEqual(hidden('<div>\n### Hidden {#WEB-07}\n</div>\n\n<!--\n### Commented {#WEB-08}\n-->\n\n    ### Indented {#WEB-09}\n'), [
      ['misplaced-threat', 'Threat ID WEB-07 is inside a raw HTML block, so it is not read as a threat', 1],
      ['misplaced-threat', 'Threat ID WEB-08 is inside an HTML comment, so it is not read as a threat', 5],
      ['misplaced-threat', 'Threat ID WEB-09 is inside an indented code block, so it is not read as a threat', 9],
    ]);
  });

  await t.test('should not report fenced code, or HTML without a threat ID', () => {
    assert.deepEqual(hidden('```\n### Example {#WEB-01}\n```\n\n~~~md\n### Example {#WEB-02}\n~~~\n\n<div>\nno id {#lower}\n</div>\n'), []);
  });

  await t.test('should report same-page anchors that do not exist, and hand on the other links', () => {
    const model = {file: 'threat-models/web.md', anchors: ['at-a-glance', 'scope', 'WEB-01'], threats: [{id: 'WEB-01'}]} as unknown as ThreatModel;
    const link = (url: string, target: LocalLink['target'], line: number): LocalLink => ({url, target, image: false, line, column: 3});
    const other = link('./tool.md#TOOL-01', {kind: 'model', file: 'threat-models/tool.md', anchor: 'TOOL-01'}, 4);
    const ctx = context('');
    const rest = checkAnchors([
      link('#scope', {kind: 'anchor', anchor: 'scope'}, 1),
      link('#WEB-1', {kind: 'anchor', anchor: 'WEB-1'}, 2),
      link('#nowhere', {kind: 'anchor', anchor: 'nowhere'}, 3),
      other,
    ], model, ctx);
    assert.deepEqual(rest, [other]);
    assert.deepEqual(ctx.diagnostics.map((d) => [d.ruleId, d.reason, d.line, d.column]), [
      ['broken-anchor', 'Anchor "#WEB-1" does not exist on this page', 2, 3],
      ['broken-anchor', 'Anchor "#nowhere" does not exist on this page', 3, 3],
    ]);
    assert.equal(ctx.diagnostics[0]!.hint, 'Did you mean "#WEB-01"?');
    assert.equal(ctx.diagnostics[1]!.hint, 'Threats of threat-models/web.md: WEB-01.');
  });
});
