/**
 * The sanitizer behind contributed threat models: GitHub's schema with the
 * page generator's elements (`dl`, `span`, `div`), only `http`, `https` and
 * `mailto` links, ids on headings only and unprefixed (they are the threat
 * anchors), only the generator's `tm-` classes, and Docusaurus's own MDX
 * nodes put back untouched where they were.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type {Element, ElementContent, Properties, Root, RootContent} from 'hast';
import rehypeSanitizeThreatModel, {schema} from '../../plugins/threat-model/lib/sanitize';

const h = (tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element => ({type: 'element', tagName, properties, children});
const text = (value: string): ElementContent => ({type: 'text', value});
const sanitize = (children: RootContent[]): RootContent[] => rehypeSanitizeThreatModel()({type: 'root', children}).children;
const one = (node: RootContent): Element => sanitize([node])[0] as Element;

test('scripts are dropped with their content; unknown elements leave only their text', () => {
  assert.deepEqual(sanitize([h('script', {}, [text('alert(1)')]), h('iframe', {src: 'https://example.com'}, [text('inner')]), {type: 'comment', value: 'note'}]), [text('inner')]);
});

test('event handlers and styles are removed, harmless attributes kept', () => {
  assert.deepEqual(one(h('p', {onClick: 'alert(1)', style: 'color: red', title: 'Note'}, [text('p')])), h('p', {title: 'Note'}, [text('p')]));
  assert.deepEqual(one(h('img', {src: 'https://example.com/a.png', alt: 'A', onError: 'alert(1)'})), h('img', {src: 'https://example.com/a.png', alt: 'A'}));
});

test('links keep only http, https, mailto and relative addresses', () => {
  const href = (value: string) => one(h('a', {href: value}, [text('x')])).properties.href;
  assert.equal(href('https://nodejs.org/api/'), 'https://nodejs.org/api/');
  assert.equal(href('http://example.com'), 'http://example.com');
  assert.equal(href('mailto:security@nodejs.org'), 'mailto:security@nodejs.org');
  assert.equal(href('/docs/permission-model#flags'), '/docs/permission-model#flags');
  assert.equal(href('#WEB-01'), '#WEB-01');
  assert.equal(href('javascript:alert(1)'), undefined);
  assert.equal(href('irc://irc.libera.chat/node'), undefined, 'GitHub allows irc:, the site does not');
  assert.equal(href('xmpp:someone@example.com'), undefined);
});

test('headings keep their id as written; no other element has one', () => {
  assert.deepEqual(one(h('h3', {id: 'WEB-01'}, [text('Request smuggling')])).properties, {id: 'WEB-01'});
  for (const tag of ['h1', 'h2', 'h4', 'h5', 'h6']) assert.equal(one(h(tag, {id: 'anchor'})).properties.id, 'anchor', tag);
  for (const tag of ['div', 'span', 'p', 'a', 'li']) assert.equal(one(h(tag, {id: 'forged'})).properties.id, undefined, tag);
  assert.deepEqual(schema.clobber, []);
  assert.equal(schema.clobberPrefix, '');
});

test('only the generator\'s tm- classes pass, beside an element\'s own allowed classes', () => {
  assert.deepEqual(one(h('div', {className: ['tm-summary', 'tm-summary__review', 'admonition', 'tm-', 'TM-X']})).properties.className, ['tm-summary', 'tm-summary__review']);
  assert.deepEqual(one(h('span', {className: ['danger']})).properties.className, []);
  assert.deepEqual(one(h('code', {className: ['language-js', 'tm-code', 'evil']})).properties.className, ['language-js', 'tm-code']);
});

test('the generator\'s elements and accessibility attributes are kept', () => {
  const list = h('dl', {}, [h('dt', {}, [text('Severity')]), h('dd', {}, [h('span', {role: 'note', ariaLabel: 'high', ariaHidden: 'true', dataFoo: 'x'}, [text('high')])])]);
  assert.deepEqual(one(list), h('dl', {}, [h('dt', {}, [text('Severity')]), h('dd', {}, [h('span', {role: 'note', ariaLabel: 'high', ariaHidden: 'true'}, [text('high')])])]));
  assert.deepEqual(one(h('code', {metastring: 'title="server.js"'}, [text('x')])).properties, {metastring: 'title="server.js"'});
});

test('Docusaurus\'s MDX nodes are put back unchanged, in place', () => {
  const esm = {type: 'mdxjsEsm', value: 'export const toc = [];', data: {estree: {type: 'Program', body: []}}};
  const flow = {type: 'mdxJsxFlowElement', name: 'Admonition', attributes: [{type: 'mdxJsxAttribute', name: 'onClick', value: 'x'}], children: [h('script', {}, [text('kept inside')])]};
  const inline = {type: 'mdxJsxTextElement', name: 'Link', attributes: [], children: [text('link')]};
  const tree: Root = {type: 'root', children: [esm, h('p', {onClick: 'x'}, [text('a '), inline as unknown as ElementContent, text(' b')]), flow] as RootContent[]};
  const clean = rehypeSanitizeThreatModel()(tree);
  assert.equal(clean.children.length, 3);
  assert.equal(clean.children[0], esm, 'the same node, not a copy');
  assert.equal(clean.children[2], flow);
  const paragraph = clean.children[1] as Element;
  assert.deepEqual(paragraph.properties, {}, 'HTML around the MDX nodes is still sanitized');
  assert.deepEqual(paragraph.children, [text('a '), inline, text(' b')]);
  assert.equal(paragraph.children[1], inline);
});

test('an empty page stays empty', () => {
  assert.deepEqual(rehypeSanitizeThreatModel()({type: 'root', children: []}), {type: 'root', children: []});
});
