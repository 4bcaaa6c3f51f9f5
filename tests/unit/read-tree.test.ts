/**
 * Passes over a whole parsed file: positions for the nodes GFM made without
 * any, directives read as the site prints them (a bare `:name` becomes text,
 * any other directive is reported), and the raw HTML, footnotes, links and
 * images wherever they are: refused URLs and formatting in headings are
 * reported, local targets are returned for the anchor checks.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type {Paragraph, Root} from 'mdast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import type {Context} from '../../plugins/threat-model/lib/read/context';
import {fillPositions, normalizeDirectives, scanTree} from '../../plugins/threat-model/lib/read/tree';

const config = loadConfig(fixtureConfig);
const contextFor = (text: string): Context => ({file: 'threat-models/web.md', config, text, diagnostics: []});
const findings = (ctx: Context) => ctx.diagnostics.map((d) => ({rule: d.ruleId, line: d.line, column: d.column, message: d.reason}));

function scan(markdown: string) {
  const ctx = contextFor(markdown);
  const tree = parseMarkdown(markdown);
  const links = scanTree(tree, ctx);
  return {links, found: findings(ctx), ctx};
}

test('normalizeDirectives', async (t) => {
  await t.test('should read a bare text directive back as text, merged with its neighbours', () => {
    const markdown = 'Use node:fs and node:http here.\n';
    const ctx = contextFor(markdown);
    const tree = parseMarkdown(markdown);
    normalizeDirectives(tree, ctx);
    assert.deepEqual(ctx.diagnostics, []);
    const paragraph = tree.children[0] as Paragraph;
    assert.equal(paragraph.children.length, 1);
    assert.deepEqual(paragraph.children[0], {type: 'text', value: 'Use node:fs and node:http here.',
      position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 32, offset: 31}}});
  });

  await t.test('should report a text directive with a label or attributes, and leave it', () => {
    const markdown = 'A :abbr[HTTP]{title="x"} here.\n';
    const ctx = contextFor(markdown);
    const tree = parseMarkdown(markdown);
    normalizeDirectives(tree, ctx);
    assert.deepEqual(findings(ctx), [{rule: 'directive', line: 1, column: 3, message: 'Directive `:abbr` would render as an element, not as the text written'}]);
    assert.equal(ctx.diagnostics[0]!.hint, 'Escape the colon (`\\:abbr`) or put the text in `code`.');
    assert.equal((tree.children[0] as Paragraph).children[1]!.type, 'textDirective');
  });

  await t.test('should report leaf and container directives', () => {
    const markdown = '::youtube\n\n:::note\nText.\n:::\n';
    const ctx = contextFor(markdown);
    normalizeDirectives(parseMarkdown(markdown), ctx);
    assert.deepEqual(findings(ctx).map((f) => [f.line, f.message]), [
      [1, 'Directive `::youtube` would render as an element, not as the text written'],
      [3, 'Directive `:::note` would render as an element, not as the text written'],
    ]);
    assert.equal(ctx.diagnostics[1]!.hint, 'Remove the directive markers (`:::`); write the text as a paragraph or a quote.');
  });

  await t.test('should leave a tree without directives as it was', () => {
    const markdown = '# Title\n\nSome *text* and `code`.\n';
    const tree = parseMarkdown(markdown);
    const before = JSON.stringify(tree);
    const ctx = contextFor(markdown);
    normalizeDirectives(tree, ctx);
    assert.equal(JSON.stringify(tree), before);
    assert.deepEqual(ctx.diagnostics, []);
  });
});

test('fillPositions', async (t) => {
  await t.test('should give a node without a position the span between its neighbours', () => {
    const tree: Root = {type: 'root', position: {start: {line: 1, column: 1}, end: {line: 9, column: 1}}, children: [{
      type: 'paragraph', position: {start: {line: 2, column: 1}, end: {line: 2, column: 30}},
      children: [
        {type: 'text', value: 'a', position: {start: {line: 2, column: 1}, end: {line: 2, column: 5}}},
        {type: 'link', url: 'https://x.test', children: [{type: 'text', value: 'x.test'}]},
        {type: 'text', value: 'b', position: {start: {line: 2, column: 20}, end: {line: 2, column: 30}}},
        {type: 'text', value: 'c'},
      ],
    }]};
    fillPositions(tree);
    const [, link, , last] = (tree.children[0] as Paragraph).children;
    assert.deepEqual(link!.position, {start: {line: 2, column: 5}, end: {line: 2, column: 20}});
    // A child of a node given a position inherits its span.
    assert.deepEqual((link as {children: {position?: unknown}[]}).children[0]!.position, {start: {line: 2, column: 5}, end: {line: 2, column: 20}});
    assert.deepEqual(last!.position, {start: {line: 2, column: 30}, end: {line: 2, column: 30}});
  });

  await t.test('should give GFM autolink literals positions in a parsed tree', () => {
    const tree = parseMarkdown('See www.example.com now.\n');
    fillPositions(tree);
    const missing: string[] = [];
    const walk = (node: {type: string; position?: unknown; children?: unknown[]}) => {
      if (!node.position) missing.push(node.type);
      for (const child of (node.children ?? []) as typeof node[]) walk(child);
    };
    walk(tree);
    assert.deepEqual(missing, []);
  });

  await t.test('should leave nodes that have no positioned parent alone', () => {
    const tree: Root = {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'x'}]}]};
    fillPositions(tree);
    assert.deepEqual(tree, {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'x'}]}]});
  });
});

test('scanTree', async (t) => {
  await t.test('should return nothing for an empty file', () => {
    const {links, found} = scan('');
    assert.deepEqual([links, found], [[], []]);
  });

  await t.test('should return local links, images and definitions with their places, and skip external ones', () => {
    const {links, found} = scan('See [WEB-01](#WEB-01), [tool](./tool.md#TOOL-01) and [docs](https://nodejs.org).\n\n![x](/img/a.png)\n\n[ref]: /docs/intro\n');
    assert.deepEqual(found, []);
    assert.deepEqual(links, [
      {target: {kind: 'anchor', anchor: 'WEB-01'}, url: '#WEB-01', image: false, line: 1, column: 5},
      {target: {kind: 'model', file: 'threat-models/tool.md', anchor: 'TOOL-01'}, url: './tool.md#TOOL-01', image: false, line: 1, column: 24},
      {target: {kind: 'route', path: '/img/a.png'}, url: '/img/a.png', image: true, line: 3, column: 1},
      {target: {kind: 'route', path: '/docs/intro'}, url: '/docs/intro', image: false, line: 5, column: 1},
    ]);
  });

  await t.test('should report refused URLs under their rule', () => {
    const {links, found} = scan('[a](javascript:alert(1)) and ![b](file:///etc/passwd)\n');
    assert.deepEqual(links, []);
    assert.deepEqual(found, [
      {rule: 'unsafe-html', line: 1, column: 1, message: 'URL "javascript:alert(1)" uses a script scheme'},
      {rule: 'local-file', line: 1, column: 30, message: 'Image "file:///etc/passwd" points at a file on the build machine'},
    ]);
  });

  await t.test('should not check a link the References field took as a source', () => {
    const markdown = '[a](ftp://x.test)\n';
    const ctx = contextFor(markdown);
    const tree = parseMarkdown(markdown);
    const link = (tree.children[0] as Paragraph).children[0]!;
    link.data = {threatModel: {reference: true}};
    assert.deepEqual(scanTree(tree, ctx), []);
    assert.deepEqual(ctx.diagnostics, []);
  });

  await t.test('should report links, images and formatting in headings, once per nesting', () => {
    const {found} = scan('## A [link](#x) and ***both*** ~~gone~~\n');
    assert.deepEqual(found.map((f) => [f.rule, f.message]), [
      ['heading-content', 'A link in a heading'],
      ['heading-content', 'Emphasis in a heading'],
      ['heading-content', 'Strikethrough in a heading'],
    ]);
  });

  await t.test('should not report formatting outside headings', () => {
    assert.deepEqual(scan('Some *text* and **more** ~~x~~.\n').found, []);
  });

  await t.test('should report footnotes once each, not a reference inside a definition', () => {
    const {found} = scan('Text[^1].\n\n[^1]: Note[^2].\n\n[^2]: Other.\n');
    assert.deepEqual(found.map((f) => [f.rule, f.line, f.message]), [
      ['unsupported-markdown', 1, 'Footnote reference'],
      ['unsupported-markdown', 3, 'Footnote definition'],
      ['unsupported-markdown', 5, 'Footnote definition'],
    ]);
  });

  await t.test('should check raw HTML, refusing any in a heading', () => {
    const {found} = scan('## Title <b>x</b>\n');
    assert.deepEqual(found.map((f) => [f.rule, f.message]), [
      ['raw-html', 'Raw HTML <b> in a heading'],
      ['raw-html', 'Raw HTML </b> in a heading'],
    ]);
  });
});
