/**
 * Pagefind excerpts → text runs: only <mark> means anything, everything else
 * (tags, entities) ends up as the text it spells, so an excerpt can never add
 * markup to the page; the rendered component has no live tag from it.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import path from 'node:path';
import {build} from 'esbuild';
import {createElement, type ComponentType, type ReactElement} from 'react';
import {decodeEntities, parseExcerpt} from '../../src/plugins/search/client/parseExcerpt';

// The site has no type declarations of react-dom; this is the one function used.
const {renderToStaticMarkup} = require('react-dom/server') as {renderToStaticMarkup: (element: ReactElement) => string};

/** The component bundled as the site bundles it (automatic JSX), run with this file's React. */
async function loadExcerpt(): Promise<ComponentType<{html: string}>> {
  const result = await build({
    entryPoints: [path.resolve(__dirname, '../../src/plugins/search/client/Excerpt.tsx')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    jsx: 'automatic',
    logLevel: 'silent',
    external: ['react', 'react/jsx-runtime'],
  });
  const module = {exports: {} as {default?: ComponentType<{html: string}>}};
  new Function('module', 'exports', 'require', result.outputFiles[0]!.text)(module, module.exports, require);
  return module.exports.default!;
}

test('parseExcerpt: marked words become marked runs, the rest plain runs', () => {
  assert.deepEqual(parseExcerpt('Request <mark>smuggling</mark> between a proxy'), [
    {text: 'Request ', mark: false},
    {text: 'smuggling', mark: true},
    {text: ' between a proxy', mark: false},
  ]);
});

test('parseExcerpt: entities Pagefind escapes are decoded once, into text', () => {
  assert.deepEqual(parseExcerpt('a &lt;b&gt; &amp;amp; &quot;c&quot; &#39;d&#x27; <mark>x&nbsp;y</mark>'), [
    {text: 'a <b> &amp; "c" \'d\' ', mark: false},
    {text: 'x\u00a0y', mark: true},
  ]);
});

test('parseExcerpt: unbalanced and upper-case mark tags switch marking; empty runs are dropped', () => {
  assert.deepEqual(parseExcerpt('<MARK>a</mark></mark>b<mark><mark>c'), [
    {text: 'a', mark: true},
    {text: 'b', mark: false},
    {text: 'c', mark: true},
  ]);
  assert.deepEqual(parseExcerpt(''), []);
});

test('parseExcerpt: a hostile excerpt stays text, tags and all', () => {
  const hostile = '<img src=x onerror=alert(1)><mark><script>alert(2)</script></mark>&lt;iframe src=javascript:alert(3)&gt;<mark attr>';
  assert.deepEqual(parseExcerpt(hostile), [
    {text: '<img src=x onerror=alert(1)>', mark: false},
    {text: '<script>alert(2)</script>', mark: true},
    {text: '<iframe src=javascript:alert(3)><mark attr>', mark: false},
  ]);
});

test('Excerpt renders a hostile excerpt with no live tag but <mark> and <span>', async () => {
  const Excerpt = await loadExcerpt();
  const hostile = '<img src=x onerror=alert(1)><mark><script>alert(2)</script></mark>&lt;svg onload=alert(3)&gt;';
  const html = renderToStaticMarkup(createElement(Excerpt, {html: hostile}));
  assert.equal(
    html,
    '<span><span>&lt;img src=x onerror=alert(1)&gt;</span><mark>&lt;script&gt;alert(2)&lt;/script&gt;</mark><span>&lt;svg onload=alert(3)&gt;</span></span>',
  );
  assert.deepEqual([...html.matchAll(/<([a-z]+)/g)].map((m) => m[1]), ['span', 'span', 'mark', 'span']);
});

test('decodeEntities: an out-of-range or unknown entity is left as written', () => {
  assert.equal(decodeEntities('&#0; &#x110000; &copy; &#65;'), '&#0; &#x110000; &copy; A');
});
