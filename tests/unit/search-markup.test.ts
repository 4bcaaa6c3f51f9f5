/**
 * How a built page is marked up for the Pagefind index: the Markdown body
 * only, a use-case filter on threat-model pages, threat headings weighted,
 * and pages without a Markdown body left out.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {prepareForIndex, THREAT_HEADING_WEIGHT, useCaseOfRoute} from '../../src/plugins/search/markup';
import {removeUnusedPagefindFiles, routeOfFile} from '../../src/plugins/search/indexer';

const useCases = [
  {id: 'server', label: 'Server'},
  {id: 'ci-cd', label: 'CI/CD pipeline component'},
];
const body = '<div class="theme-doc-markdown markdown">';
const page = (inner: string) => `<html><body><nav>Navbar SRV-01</nav>${body}${inner}</div><footer>f</footer></body></html>`;

test('useCaseOfRoute: a threat-model page has the use case its URL names', () => {
  assert.deepEqual(useCaseOfRoute('/threat-models/server', '/', useCases), useCases[0]);
  assert.deepEqual(useCaseOfRoute('/threat-models/ci-cd/', '/', useCases), useCases[1]);
  assert.deepEqual(useCaseOfRoute('/site/threat-models/server', '/site/', useCases), useCases[0]);
});

test('useCaseOfRoute: other pages, deeper paths and unknown use cases have none', () => {
  assert.equal(useCaseOfRoute('/docs/', '/', useCases), undefined);
  assert.equal(useCaseOfRoute('/threat-models/', '/', useCases), undefined);
  assert.equal(useCaseOfRoute('/threat-models/server/extra', '/', useCases), undefined);
  assert.equal(useCaseOfRoute('/threat-models/desktop', '/', useCases), undefined);
  assert.equal(useCaseOfRoute('/reference', '/', useCases), undefined);
});

test('prepareForIndex: the Markdown body is the indexed part; the page around it is not', () => {
  const out = prepareForIndex(page('<p>Text</p>'), undefined)!;
  assert.match(out, /<div class="theme-doc-markdown markdown" data-pagefind-body>/);
  assert.equal(out.match(/data-pagefind-body/g)!.length, 1);
  assert.doesNotMatch(out, /data-pagefind-filter/);
  assert.match(out, /<nav>Navbar SRV-01<\/nav>/);
});

test('prepareForIndex: a threat-model page carries its use case label as the use_case filter', () => {
  const out = prepareForIndex(page('<p>Text</p>'), useCases[0])!;
  assert.match(out, /<div class="theme-doc-markdown markdown" data-pagefind-body data-pagefind-filter="use_case:Server">/);
});

test('prepareForIndex: a label with a quote or ampersand cannot end the filter attribute early', () => {
  const out = prepareForIndex(page(''), {id: 'x', label: 'A "B" & C'})!;
  assert.match(out, /data-pagefind-filter="use_case:A &quot;B&quot; &amp; C"/);
});

test('prepareForIndex: threat headings weigh more; other headings and h3 without a threat ID do not', () => {
  const out = prepareForIndex(
    page('<h2 id="threats">Threats</h2><h3 class="anchor" id=SRV-01>SRV-01 · Smuggling</h3><h3 id="CICD-12">CICD-12 · X</h3><h3 id="notes">Notes</h3>'),
    useCases[0],
  )!;
  assert.match(out, new RegExp(`<h3 data-pagefind-weight="${THREAT_HEADING_WEIGHT}" class="anchor" id=SRV-01>`));
  assert.match(out, new RegExp(`<h3 data-pagefind-weight="${THREAT_HEADING_WEIGHT}" id="CICD-12">`));
  assert.match(out, /<h3 id="notes">/);
  assert.match(out, /<h2 id="threats">/);
  assert.equal(out.match(/data-pagefind-weight/g)!.length, 2);
});

test('prepareForIndex: the terms and values of a field list are apart, so excerpts do not join them', () => {
  const out = prepareForIndex(page('<dl class=tm-fields><dt>ID<dd><code>SRV-01</code><dt class=x>STRIDE<dd>Tampering</dl><details>d</details>'), undefined)!;
  assert.match(out, /<dl class=tm-fields> <dt>ID <dd><code>SRV-01<\/code> <dt class=x>STRIDE <dd>Tampering<\/dl><details>d<\/details>/);
});

test('prepareForIndex: table rows and cells and list items are apart, and look-alike tags are left alone', () => {
  const out = prepareForIndex(page('<table><thead><tr><th>Flag<th>Added in<tbody><tr><td><code>--permission-audit</code><td>v25.8.0</table><ul><li>a<li class=x>b</ul><thead><track><tt>t</tt><link>'), undefined)!;
  assert.match(out, /<table><thead> <tr> <th>Flag <th>Added in<tbody> <tr> <td><code>--permission-audit<\/code> <td>v25.8.0<\/table><ul> <li>a <li class=x>b<\/ul><thead><track><tt>t<\/tt><link>/);
});

test('prepareForIndex: a page without a Markdown body (home, reference, search) is skipped', () => {
  assert.equal(prepareForIndex('<html><body><main><h1>Home</h1></main></body></html>', undefined), undefined);
  assert.equal(prepareForIndex('<div class="markdown">x</div>', useCases[0]), undefined);
});

test('routeOfFile: a built file is served at its route under the base URL', () => {
  assert.equal(routeOfFile('/b', '/b/threat-models/server/index.html', '/'), '/threat-models/server');
  assert.equal(routeOfFile('/b', '/b/index.html', '/'), '/');
  assert.equal(routeOfFile('/b', '/b/docs/index.html', '/site/'), '/site/docs');
  assert.equal(routeOfFile('/b', '/b/404.html', '/'), '/404');
});

test('removeUnusedPagefindFiles: the ready-made Pagefind UIs go, the API, worker, wasm and index stay', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagefind-'));
  t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
  const kept = ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'pagefind.en_1.pf_meta', 'wasm.en.pagefind', 'pagefind-ui-notes.txt'];
  const removed = ['pagefind-component-ui.css', 'pagefind-component-ui.js', 'pagefind-highlight.js', 'pagefind-modular-ui.css', 'pagefind-modular-ui.js', 'pagefind-ui.css', 'pagefind-ui.js'];
  for (const name of [...kept, ...removed]) fs.writeFileSync(path.join(dir, name), 'x');
  fs.mkdirSync(path.join(dir, 'index'));
  assert.deepEqual(await removeUnusedPagefindFiles(dir), removed);
  assert.deepEqual(fs.readdirSync(dir).sort(), [...kept, 'index'].sort());
});
