/**
 * Inline Markdown kept for display: text (line breaks folded to spaces),
 * code spans and links stay; emphasis and other wrappers flatten to their
 * text; raw HTML is dropped; adjacent text pieces merge into one.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type {Paragraph, PhrasingContent} from 'mdast';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import {toInline} from '../../plugins/threat-model/lib/read/inline';

function inline(markdown: string): ReturnType<typeof toInline> {
  const paragraph = parseMarkdown(markdown).children[0] as Paragraph;
  assert.equal(paragraph.type, 'paragraph');
  return toInline(paragraph.children);
}

test('toInline', async (t) => {
  await t.test('should return nothing for no nodes', () => {
    assert.deepEqual(toInline([]), []);
  });

  await t.test('should keep text, code spans and links', () => {
    assert.deepEqual(inline('Run `node --permission` or see [the docs](https://nodejs.org/api/).'), [
      {type: 'text', value: 'Run '},
      {type: 'code', value: 'node --permission'},
      {type: 'text', value: ' or see '},
      {type: 'link', url: 'https://nodejs.org/api/', children: [{type: 'text', value: 'the docs'}]},
      {type: 'text', value: '.'},
    ]);
  });

  await t.test('should flatten emphasis, strong and strikethrough into the surrounding text', () => {
    assert.deepEqual(inline('keep the *default* **timeouts** ~~off~~ on'), [{type: 'text', value: 'keep the default timeouts off on'}]);
  });

  await t.test('should keep a code span inside emphasis as code', () => {
    assert.deepEqual(inline('a *b `c` d* e'), [
      {type: 'text', value: 'a b '},
      {type: 'code', value: 'c'},
      {type: 'text', value: ' d e'},
    ]);
  });

  await t.test('should fold soft and hard line breaks to single spaces', () => {
    assert.deepEqual(inline('one\n   two  \nthree'), [{type: 'text', value: 'one two three'}]);
    assert.deepEqual(inline('one\\\ntwo'), [{type: 'text', value: 'one two'}]);
  });

  await t.test('should drop raw HTML', () => {
    assert.deepEqual(inline('a <b>bold</b> c'), [{type: 'text', value: 'a bold c'}]);
  });

  await t.test('should keep the inline content of a link, code included', () => {
    assert.deepEqual(inline('[*see* `x`](./tool.md#TOOL-01)'), [
      {type: 'link', url: './tool.md#TOOL-01', children: [{type: 'text', value: 'see '}, {type: 'code', value: 'x'}]},
    ]);
  });

  await t.test('should not merge text across a link', () => {
    const nodes: PhrasingContent[] = [
      {type: 'text', value: 'a'},
      {type: 'link', url: 'https://x.test', children: []},
      {type: 'text', value: 'b'},
      {type: 'text', value: 'c'},
    ];
    assert.deepEqual(toInline(nodes), [
      {type: 'text', value: 'a'},
      {type: 'link', url: 'https://x.test', children: []},
      {type: 'text', value: 'bc'},
    ]);
  });

  await t.test('should read other leaf nodes, such as an image, as their text', () => {
    assert.deepEqual(toInline([{type: 'text', value: 'x '}, {type: 'image', url: '/img/a.png', alt: 'diagram'}]), [{type: 'text', value: 'x diagram'}]);
  });
});
