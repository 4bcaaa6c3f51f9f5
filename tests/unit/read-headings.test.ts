/**
 * Headings as Docusaurus reads them: the text without raw HTML, the explicit
 * `{#id}` through Docusaurus's parser, and every anchor of a page (the
 * summary's first, then each heading's id or slug, deduplicated).
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type {Heading} from 'mdast';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import {explicitId, headingText, ID_LIKE, isHeading, pageAnchors, SUMMARY_ANCHOR} from '../../plugins/threat-model/lib/read/headings';

const firstHeading = (markdown: string) => parseMarkdown(markdown).children.find(isHeading)!;

test('read headings', async (t) => {
  await t.test('should give a heading\'s text without its raw HTML', () => {
    assert.equal(headingText(firstHeading('## A *b* `c` <br> d\n')), 'A b c  d');
    assert.equal(headingText(firstHeading('## <b>\n')), '<b>');
  });

  await t.test('should read an explicit id and the text before it', () => {
    assert.deepEqual(explicitId(firstHeading('### Request smuggling {#WEB-01}\n')), {id: 'WEB-01', text: 'Request smuggling'});
    assert.equal(explicitId(firstHeading('### No id here\n')), undefined);
    assert.equal(explicitId(firstHeading('### Braces {not an id}\n')), undefined);
  });

  await t.test('should list the summary anchor, then each heading\'s id or slug, deduplicated', () => {
    const tree = parseMarkdown('---\ntitle: x\n---\n\n## Scope\n\n## Threats\n\n### Smuggling {#WEB-01}\n\n## Scope\n\n## At a glance\n\n## Ünïcode & Stuff!\n');
    assert.equal(SUMMARY_ANCHOR, 'at-a-glance');
    assert.deepEqual(pageAnchors(tree), ['at-a-glance', 'scope', 'threats', 'WEB-01', 'scope-1', 'at-a-glance-1', 'ünïcode--stuff']);
    assert.deepEqual(pageAnchors(tree, {summary: false}), ['scope', 'threats', 'WEB-01', 'scope-1', 'at-a-glance', 'ünïcode--stuff']);
  });

  await t.test('should give only the summary anchor for a page without headings', () => {
    assert.deepEqual(pageAnchors(parseMarkdown('')), ['at-a-glance']);
    assert.deepEqual(pageAnchors(parseMarkdown('Text only.'), {summary: false}), []);
  });

  await t.test('should tell threat-shaped IDs, with or without a dash', () => {
    assert.deepEqual(['WEB-01', 'web-1', 'X9-123', 'TOOL7'].map((id) => ID_LIKE.test(id)), [true, true, true, true]);
    assert.deepEqual(['01-WEB', 'WEB-', 'WEB-1a', '-1', 'scope'].map((id) => ID_LIKE.test(id)), [false, false, false, false, false]);
  });

  await t.test('should tell heading nodes from other nodes', () => {
    const tree = parseMarkdown('# H\n\npara\n');
    assert.deepEqual(tree.children.map(isHeading), [true, false]);
    const heading: Heading = {type: 'heading', depth: 1, children: []};
    assert.equal(isHeading(heading), true);
  });
});
