/**
 * The format's lists: one paragraph per item, read as inline content.
 * Task boxes, nested lists, second paragraphs, items that do not start with
 * text and blocks beside the list are reported, since the reference and the
 * export would lose them; comments, definitions and blocks another rule
 * reports are passed over quietly.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type {List, RootContent} from 'mdast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import type {Context} from '../../plugins/threat-model/lib/read/context';
import {blockName, itemParagraph, readList} from '../../plugins/threat-model/lib/read/lists';

const config = loadConfig(fixtureConfig);
const contextFor = (text: string): Context => ({file: 'threat-models/web.md', config, text, diagnostics: []});
const findings = (ctx: Context) => ctx.diagnostics.map((d) => ({rule: d.ruleId, line: d.line, message: d.reason}));

function read(markdown: string) {
  const ctx = contextFor(markdown);
  const items = readList(parseMarkdown(markdown).children, 'the Assets section', ctx);
  return {items, found: findings(ctx), ctx};
}

test('readList', async (t) => {
  await t.test('should read nothing from no blocks', () => {
    const {items, found} = read('');
    assert.deepEqual([items, found], [[], []]);
  });

  await t.test('should read one inline item per list item, across lists', () => {
    const {items, found} = read('- Secrets such as `TLS keys`.\n- [Docs](https://nodejs.org)\n\n<!-- note -->\n\n1. Third\n');
    assert.deepEqual(items, [
      [{type: 'text', value: 'Secrets such as '}, {type: 'code', value: 'TLS keys'}, {type: 'text', value: '.'}],
      [{type: 'link', url: 'https://nodejs.org', children: [{type: 'text', value: 'Docs'}]}],
      [{type: 'text', value: 'Third'}],
    ]);
    assert.deepEqual(found, []);
  });

  await t.test('should pass over definitions and directives quietly', () => {
    const {items, found} = read('- One\n\n[x]: https://example.com\n\n:::note\nhi\n:::\n');
    assert.deepEqual(items, [[{type: 'text', value: 'One'}]]);
    assert.deepEqual(found, []);
  });

  await t.test('should report a block beside the list, naming it, and keep the items', () => {
    const {items, found, ctx} = read('Some prose.\n\n- One\n\n```js\nx\n```\n');
    assert.deepEqual(items, [[{type: 'text', value: 'One'}]]);
    assert.deepEqual(found, [
      {rule: 'lost-content', line: 1, message: 'A paragraph in the Assets section, which holds only a list'},
      {rule: 'lost-content', line: 5, message: 'A code block in the Assets section, which holds only a list'},
    ]);
    assert.equal(ctx.diagnostics[0]!.hint, 'Make it a list item, or move it to a section that holds prose (Scope, or a threat\'s description).');
  });

  await t.test('should report a nested list and a second paragraph, keeping the first paragraph', () => {
    const {items, found} = read('- One\n  - Nested\n- Two\n\n  More.\n');
    assert.deepEqual(items, [[{type: 'text', value: 'One'}], [{type: 'text', value: 'Two'}]]);
    assert.deepEqual(found, [
      {rule: 'lost-content', line: 2, message: 'Nested list in the Assets section'},
      {rule: 'lost-content', line: 5, message: 'A second paragraph in one item of the Assets section'},
    ]);
  });

  await t.test('should report a task box but keep the item', () => {
    const {items, found} = read('- [x] Done\n');
    assert.deepEqual(items, [[{type: 'text', value: 'Done'}]]);
    assert.deepEqual(found, [{rule: 'unsupported-markdown', line: 1, message: 'Task-list box in the Assets section'}]);
  });
});

test('itemParagraph', async (t) => {
  const firstItem = (markdown: string) => (parseMarkdown(markdown).children[0] as List).children[0]!;

  await t.test('should return the item\'s one paragraph', () => {
    const ctx = contextFor('');
    const item = firstItem('- Text\n');
    assert.equal(itemParagraph(item, 'the list', ctx), item.children[0]);
    assert.deepEqual(ctx.diagnostics, []);
  });

  await t.test('should report an item that starts with another block, and read nothing from it', () => {
    const ctx = contextFor('');
    assert.equal(itemParagraph(firstItem('- ```\n  code\n  ```\n'), 'the Trusted list', ctx), undefined);
    assert.deepEqual(findings(ctx), [{rule: 'lost-content', line: 1, message: 'An item of the Trusted list does not start with text'}]);
  });

  await t.test('should read nothing from an empty item, and report nothing', () => {
    const ctx = contextFor('');
    assert.equal(itemParagraph(firstItem('-\n'), 'the list', ctx), undefined);
    assert.deepEqual(ctx.diagnostics, []);
  });

  await t.test('should call a second non-paragraph block a block', () => {
    const ctx = contextFor('');
    itemParagraph(firstItem('- Text\n\n  > quote\n'), 'the list', ctx);
    assert.deepEqual(findings(ctx), [{rule: 'lost-content', line: 3, message: 'A second block in one item of the list'}]);
  });
});

test('blockName', () => {
  const cases: [RootContent, string][] = [
    [{type: 'paragraph', children: []}, 'A paragraph'],
    [{type: 'list', children: []}, 'A list'],
    [{type: 'code', value: ''}, 'A code block'],
    [{type: 'blockquote', children: []}, 'A block quote'],
    [{type: 'table', children: []}, 'A table'],
    [{type: 'heading', depth: 4, children: []}, 'A level-4 heading'],
    [{type: 'html', value: '<div>'}, 'Raw HTML'],
    [{type: 'thematicBreak'}, 'A thematic break'],
    [{type: 'yaml', value: ''}, 'A yaml block'],
  ];
  for (const [node, name] of cases) assert.equal(blockName(node), name);
});
