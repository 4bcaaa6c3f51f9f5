/**
 * Raw HTML as the browser's tokenizer reads it: the allowed inline elements
 * and `<details>` with their few attributes pass; other elements, handlers,
 * script URLs, extra attributes, stray end tags, doctypes, processing
 * instructions and unclosed markup are reported at their exact position (at
 * most five per node); any HTML in a heading is refused; an allowed element
 * never closed is reported once every node was read.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type {Html} from 'mdast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import type {Context} from '../../plugins/threat-model/lib/read/context';
import {ALLOWED_HTML, checkHtml, checkHtmlBalance, isHtml} from '../../plugins/threat-model/lib/read/html';

const config = loadConfig(fixtureConfig);
const context = (): Context => ({file: 'threat-models/web.md', config, text: '', diagnostics: []});
const html = (value: string, line = 1, column = 1): Html =>
  ({type: 'html', value, position: {start: {line, column}, end: {line, column: column + value.length}}});

function check(value: string, {line = 1, column = 1, inHeading = false, ctx = context()} = {}) {
  checkHtml(html(value, line, column), ctx, inHeading);
  return ctx.diagnostics.map((d) => [d.ruleId, d.reason, d.line, d.column]);
}

test('read html', async (t) => {
  await t.test('should allow the inline elements and details with their attributes', () => {
    const ctx = context();
    for (const value of ['<b title="x">', '</b>', '<br>', '<br/>', '<details open>', '<summary>', '</summary>', '</details>', '<!-- a comment -->']) {
      checkHtml(html(value), ctx, false);
    }
    checkHtmlBalance(ctx);
    assert.deepEqual(ctx.diagnostics, []);
    assert.deepEqual(ALLOWED_HTML.details, ['open', 'title']);
  });

  await t.test('should report scripting elements as unsafe and other elements as raw HTML, at their position', () => {
    assert.deepEqual(check('<script>alert(1)</script>', {line: 4, column: 3}), [
      ['unsafe-html', 'Raw HTML element <script> is not allowed', 4, 3],
    ]);
    assert.deepEqual(check('text\n  <div>', {line: 2, column: 5}), [['raw-html', 'Raw HTML element <div> is not allowed', 3, 3]]);
  });

  await t.test('should report a handler or script URL instead of the element', () => {
    assert.deepEqual(check('<img src=x onerror="alert(1)">'), [['unsafe-html', 'Event-handler attribute "onerror" is not allowed', 1, 12]]);
    assert.deepEqual(check('<a href="javascript:alert(1)">'), [['unsafe-html', 'URL "javascript:alert(1)" uses a script scheme', 1, 4]]);
    assert.deepEqual(check('<a href="https://example.com">').map((d) => d[1]), ['Raw HTML element <a> is not allowed']);
  });

  await t.test('should report attributes an allowed element may not carry', () => {
    assert.deepEqual(check('<b class="x" id="y" style="z" data-k="v">').map((d) => [d[1], d[3]]), [
      ['Attribute "class" on <b> is not allowed', 4],
      ['Attribute "id" on <b> is not allowed', 14],
      ['Attribute "style" on <b> is not allowed', 21],
      ['Attribute "data-k" on <b> is not allowed', 31],
    ]);
  });

  await t.test('should report end tags that close nothing, but not those of refused elements', () => {
    assert.deepEqual(check('</em>'), [['raw-html', 'End tag </em> closes nothing', 1, 1]]);
    const ctx = context();
    check('<span>', {ctx});
    assert.deepEqual(check('</span>', {ctx}), [['raw-html', 'Raw HTML element <span> is not allowed', 1, 1]]);
    assert.deepEqual(check('</span>'), [['raw-html', 'Raw HTML end tag </span> is not allowed', 1, 1]]);
  });

  await t.test('should report doctypes, processing instructions, CDATA and unclosed markup', () => {
    assert.deepEqual(check('<!DOCTYPE html>').map((d) => d[1]), ['A DOCTYPE is not allowed in a threat model']);
    assert.deepEqual(check('<?php echo 1 ?>').map((d) => d[1]), ['A processing instruction or CDATA section is not allowed']);
    assert.deepEqual(check('<!-- open').map((d) => d[1]), ['Raw HTML is not closed within its block']);
  });

  await t.test('should report at most five findings per node', () => {
    assert.equal(check('<div><p><span><table><tr><td><form>').length, 5);
  });

  await t.test('should refuse any HTML in a heading, comments as heading-id', () => {
    assert.deepEqual(check('<b>', {inHeading: true}), [['raw-html', 'Raw HTML <b> in a heading', 1, 1]]);
    assert.deepEqual(check('<!-- x -->', {inHeading: true}), [['heading-id', 'HTML comment in a heading', 1, 1]]);
  });

  await t.test('should report allowed elements left open, at their start tag', () => {
    const ctx = context();
    check('<details>', {ctx, line: 3, column: 1});
    check('<b>', {ctx, line: 5, column: 7});
    check('<b>', {ctx, line: 6, column: 1});
    check('</b>', {ctx, line: 6, column: 9});
    checkHtmlBalance(ctx);
    assert.deepEqual(ctx.diagnostics.map((d) => [d.reason, d.line, d.column]), [
      ['<details> is never closed', 3, 1],
      ['<b> is never closed', 5, 7],
    ]);
  });

  await t.test('should tell HTML nodes from other nodes', () => {
    const tree = parseMarkdown('<div>\nx\n</div>\n\ntext\n');
    assert.deepEqual(tree.children.map(isHtml), [true, false]);
  });
});
