/**
 * The pure parts of the bench's Lighthouse stage (bench/lighthouse.ts): the
 * figures read from a Lighthouse result, per-metric medians, the run that is
 * diagnosed, the diagnosis itself, the side-by-side table and the stock site
 * it compares against; and the fix it measures, the page template that
 * loads the bundles after the first paint (src/plugins/perf/ssrTemplate.ts).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import vm from 'node:vm';
import {SCRIPT_FALLBACK_MS, SCRIPT_LOADER, ssrTemplate} from '../../src/plugins/perf/ssrTemplate';
import {
  diagnose,
  diagnosisMarkdown,
  fmtRatio,
  lighthouseTable,
  medianFigures,
  medianRunIndex,
  PAGES,
  parseLighthouse,
  secondaryTable,
  shortUrl,
  writeStockSite,
  type LhrLike,
  type PageFigures,
  type PageRow,
} from '../../bench/lighthouse';

const origin = 'http://127.0.0.1:40123';

/** A trimmed Lighthouse 12 result, with the shapes its audits really have. */
function lhr(): LhrLike {
  return {
    lighthouseVersion: '12.8.2',
    environment: {benchmarkIndex: 2531.4},
    categories: {performance: {score: 0.734}},
    audits: {
      'largest-contentful-paint': {numericValue: 4158.2296},
      'total-blocking-time': {numericValue: 112.00000000000045},
      'total-byte-weight': {numericValue: 904488.4},
      'first-contentful-paint': {numericValue: 1238.6},
      'speed-index': {numericValue: 1239.4},
      'cumulative-layout-shift': {numericValue: 0.0007125647605506763},
      'largest-contentful-paint-element': {
        details: {
          type: 'list',
          items: [
            {type: 'table', items: [{node: {snippet: '<p class="lead_qqEL">', selector: 'header.hero_aEcG > div.container > p.lead_qqEL'}}]},
            {type: 'table', items: [{phase: 'TTFB', timing: 469.6148}, {phase: 'Load Delay', timing: 0}, {phase: 'Load Time', timing: 0}, {phase: 'Render Delay', timing: 3688.6148}]},
          ],
        },
      },
      metrics: {details: {items: [{observedFirstContentfulPaint: 160.4, observedLargestContentfulPaint: 160.4, observedDomContentLoaded: 183.2, observedLoad: 213.7}]}},
      'bootup-time': {details: {items: [
        {url: 'Unattributable', total: 327.2, scripting: 5.1, scriptParseCompile: 0},
        {url: `${origin}/assets/js/main.3a9fdb07.js`, total: 555.4, scripting: 474.2, scriptParseCompile: 26.3},
      ]}},
      'mainthread-work-breakdown': {details: {items: [{group: 'other', duration: 432.1}, {group: 'scriptEvaluation', duration: 521.3}]}},
      'render-blocking-resources': {details: {items: [{url: `${origin}/assets/css/styles.3873e1ed.css`, wastedMs: 620.4}]}},
      'unused-javascript': {details: {items: [
        {url: `${origin}/assets/js/17896441.58fe616d.js`, totalBytes: 36540, wastedBytes: 21693},
        {url: `${origin}/assets/js/main.3a9fdb07.js`, totalBytes: 503437, wastedBytes: 200629},
      ]}},
      'network-requests': {details: {items: [
        {url: `${origin}/`, resourceType: 'Document', transferSize: 11867},
        {url: `${origin}/assets/css/styles.3873e1ed.css`, resourceType: 'Stylesheet', transferSize: 87160},
        {url: `${origin}/assets/js/main.3a9fdb07.js`, resourceType: 'Script', transferSize: 503743},
        {url: `${origin}/assets/js/a94703ab.99c50dbd.js`, resourceType: 'Other', transferSize: 11698},
        {url: `${origin}/img/logo.svg`, resourceType: 'Image', transferSize: 502},
      ]}},
      'uses-text-compression': {details: {items: [{wastedBytes: 400000.6}, {wastedBytes: 25000}]}},
      'long-tasks': {details: {items: [{url: `${origin}/assets/js/main.3a9fdb07.js`, duration: 115.2}, {url: 'Unattributable', duration: 104}]}},
      'dom-size': {numericValue: 139},
    },
  };
}

const figures = (score: number, lcpMs: number, tbtMs: number, bytes: number): PageFigures => ({
  score, lcpMs, tbtMs, bytes, fcpMs: 1000, speedIndexMs: 1200, cls: 0, benchmarkIndex: 2500,
});

test('parseLighthouse: score 0–100, milliseconds and bytes rounded, CPU benchmark', () => {
  assert.deepEqual(parseLighthouse(lhr()), {
    score: 73,
    lcpMs: 4158,
    tbtMs: 112,
    bytes: 904488,
    fcpMs: 1239,
    speedIndexMs: 1239,
    cls: 0.001,
    benchmarkIndex: 2531,
  });
});

test('parseLighthouse: a failed run, a missing score or a missing metric is an error, not a zero', () => {
  assert.throws(() => parseLighthouse({...lhr(), runtimeError: {code: 'NO_FCP', message: 'The page did not paint any content.'}}), {
    message: 'Lighthouse run failed: NO_FCP: The page did not paint any content.',
  });
  assert.throws(() => parseLighthouse({...lhr(), categories: {performance: {score: null}}}), {message: 'Lighthouse result has no performance score'});
  const noTbt = lhr();
  delete noTbt.audits['total-blocking-time'];
  assert.throws(() => parseLighthouse(noTbt), {message: 'Lighthouse result has no numeric value for audit total-blocking-time'});
});

test('medianFigures: each metric its own median; even counts average the middle two', () => {
  const runs = [figures(70, 4000, 300, 900_000), figures(90, 2000, 100, 800_000), figures(80, 3000, 500, 850_000)];
  assert.deepEqual(medianFigures(runs), figures(80, 3000, 300, 850_000));
  assert.deepEqual(medianFigures(runs.slice(0, 2)), figures(80, 3000, 200, 850_000));
  assert.throws(() => medianFigures([]), {message: 'no runs'});
});

test('medianRunIndex: the run whose score is the median, the first on a tie', () => {
  assert.equal(medianRunIndex([figures(70, 0, 0, 0), figures(90, 0, 0, 0), figures(80, 0, 0, 0)]), 2);
  assert.equal(medianRunIndex([figures(70, 0, 0, 0), figures(90, 0, 0, 0)]), 0);
  assert.equal(medianRunIndex([figures(85, 0, 0, 0)]), 0);
});

test('shortUrl: local origins dropped, long URLs cut to 80 characters', () => {
  assert.equal(shortUrl(`${origin}/assets/js/main.3a9fdb07.js`), '/assets/js/main.3a9fdb07.js');
  assert.equal(shortUrl('http://localhost/x'), '/x');
  assert.equal(shortUrl('Unattributable'), 'Unattributable');
  const long = `data:image/svg+xml;utf8,${'a'.repeat(100)}`;
  assert.equal(shortUrl(long), `${long.slice(0, 79)}…`);
});

test('diagnose: LCP element and phases, main-thread work, render-blocking CSS, unused JS, requests and the search index', () => {
  assert.deepEqual(diagnose(lhr()), {
    lcpElement: '<p class="lead_qqEL"> (header.hero_aEcG > div.container > p.lead_qqEL)',
    lcpPhases: [{phase: 'TTFB', ms: 470}, {phase: 'Load Delay', ms: 0}, {phase: 'Load Time', ms: 0}, {phase: 'Render Delay', ms: 3689}],
    observed: {fcpMs: 160, lcpMs: 160, domContentLoadedMs: 183, loadMs: 214},
    bootup: [
      {url: '/assets/js/main.3a9fdb07.js', totalMs: 555, scriptingMs: 474, parseMs: 26},
      {url: 'Unattributable', totalMs: 327, scriptingMs: 5, parseMs: 0},
    ],
    mainThread: [{group: 'scriptEvaluation', ms: 521}, {group: 'other', ms: 432}],
    renderBlocking: [{url: '/assets/css/styles.3873e1ed.css', wastedMs: 620}],
    unusedJs: [
      {url: '/assets/js/main.3a9fdb07.js', bytes: 503437, unusedBytes: 200629},
      {url: '/assets/js/17896441.58fe616d.js', bytes: 36540, unusedBytes: 21693},
    ],
    requests: {
      count: 5,
      scriptBytes: 503743 + 11698,
      stylesheetBytes: 87160,
      documentBytes: 11867,
      fontBytes: 0,
      largest: [
        {url: '/assets/js/main.3a9fdb07.js', type: 'Script', bytes: 503743},
        {url: '/assets/css/styles.3873e1ed.css', type: 'Stylesheet', bytes: 87160},
        {url: '/', type: 'Document', bytes: 11867},
        {url: '/assets/js/a94703ab.99c50dbd.js', type: 'Other', bytes: 11698},
        {url: '/img/logo.svg', type: 'Image', bytes: 502},
      ],
    },
    searchIndexFetched: false,
    textCompressionSavingsBytes: 425001,
    longTasks: [{url: '/assets/js/main.3a9fdb07.js', ms: 115}, {url: 'Unattributable', ms: 104}],
    domElements: 139,
  });
});

test('diagnose: a request for the Pagefind search counts as fetched; audits without details give empty lists', () => {
  const withIndex = lhr();
  withIndex.audits['network-requests']!.details!.items!.push({url: `${origin}/pagefind/pagefind.js`, resourceType: 'Script', transferSize: 47228});
  assert.equal(diagnose(withIndex).searchIndexFetched, true);
  const bare = diagnose({categories: {performance: {score: 1}}, audits: {}});
  assert.equal(bare.lcpElement, 'none');
  assert.deepEqual([bare.lcpPhases, bare.bootup, bare.renderBlocking, bare.unusedJs, bare.requests.largest], [[], [], [], [], []]);
});

test('diagnosisMarkdown: one line per finding, the search index in bold when fetched', () => {
  const md = diagnosisMarkdown('This site', diagnose(lhr())).split('\n');
  assert.equal(md[0], '#### This site');
  assert.equal(md[2], '- LCP element: `<p class="lead_qqEL"> (header.hero_aEcG > div.container > p.lead_qqEL)`');
  assert.equal(md[3], '- LCP phases (simulated): TTFB 470 ms; Load Delay 0.00 ms; Load Time 0.00 ms; Render Delay 3.69 s');
  assert.equal(md[8], '- Render-blocking: `/assets/css/styles.3873e1ed.css` (620 ms)');
  assert.equal(md[11], '- Search index fetched during load: no');
  const withIndex = lhr();
  withIndex.audits['network-requests']!.details!.items!.push({url: `${origin}/pagefind/wasm.en.pagefind`, resourceType: 'Fetch', transferSize: 10});
  assert.equal(diagnosisMarkdown('x', diagnose(withIndex)).split('\n')[11], '- Search index fetched during load: **yes**');
});

const rows: PageRow[] = [
  {page: '/', stockPage: '/', runs: 3, site: figures(81, 4300, 120, 904_488), stock: figures(98, 2150, 60, 452_244)},
  {page: '/reference', stockPage: '/docs/intro', runs: 3, site: figures(67, 4600, 670, 1_100_000), stock: figures(97, 2300, 0, 500_000)},
];

test('fmtRatio: two decimals and a times sign; n/a against a zero baseline', () => {
  assert.equal(fmtRatio(4300, 2150), '2.00×');
  assert.equal(fmtRatio(670, 0), 'n/a');
  assert.equal(fmtRatio(Number.NaN, 1), 'n/a');
});

test('lighthouseTable: per page, this site and the stock page side by side, with ratios', () => {
  assert.equal(lighthouseTable(rows), [
    '| Page | Stock page | Score | Stock score | LCP | Stock LCP | LCP ratio | TBT | Stock TBT | TBT ratio | Transferred | Stock transferred | Bytes ratio |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    '| `/` | `/` | 81 | 98 | 4.30 s | 2.15 s | 2.00× | 120 ms | 60 ms | 2.00× | 883.3 KiB | 441.6 KiB | 2.00× |',
    '| `/reference` | `/docs/intro` | 67 | 97 | 4.60 s | 2.30 s | 2.00× | 670 ms | 0.00 ms | n/a | 1.0 MiB | 488.3 KiB | 2.20× |',
  ].join('\n'));
});

test('secondaryTable: FCP, Speed Index, CLS and the CPU benchmark of both sites', () => {
  assert.equal(secondaryTable(rows.slice(0, 1)), [
    '| Page | FCP | Stock FCP | Speed Index | Stock Speed Index | CLS | Stock CLS | Benchmark index | Stock benchmark index |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    '| `/` | 1.00 s | 1.00 s | 1.20 s | 1.20 s | 0 | 0 | 2500 | 2500 |',
  ].join('\n'));
});

test('PAGES: the four pages of the goal; the stock home stands in for home, its docs page for the rest', () => {
  assert.deepEqual(PAGES, [
    {page: '/', stockPage: '/'},
    {page: '/threat-models/server', stockPage: '/docs/intro'},
    {page: '/reference', stockPage: '/docs/intro'},
    {page: '/docs/', stockPage: '/docs/intro'},
  ]);
});

test('writeStockSite: a classic-preset site with a home page and one docs page, and no search plugin', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stock-site-'));
  t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
  assert.equal(writeStockSite(dir), dir);
  const config = fs.readFileSync(path.join(dir, 'docusaurus.config.ts'), 'utf8');
  assert.match(config, /\n {6}'classic',\n/);
  assert.match(config, /future: \{v4: true\}/);
  assert.doesNotMatch(config, /search/);
  assert.match(fs.readFileSync(path.join(dir, 'docs', 'intro.md'), 'utf8'), /^---\nsidebar_position: 1\n---\n\n# Tutorial Intro\n/);
  assert.match(fs.readFileSync(path.join(dir, 'src', 'pages', 'index.tsx'), 'utf8'), /<HomepageFeatures \/>/);
  for (const f of ['feature-1.svg', 'feature-2.svg', 'feature-3.svg', 'logo.svg', 'favicon.svg']) assert.ok(fs.existsSync(path.join(dir, 'static', 'img', f)), f);
});

/* The fix the stage measures: src/plugins/perf/ssrTemplate.ts. */

test('ssrTemplate: Docusaurus 3.10\'s own template, with the head <script defer> tags replaced by one loader at the end of <body>', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const stock = (require('@docusaurus/core/lib/ssg/ssgTemplate.html.js') as {default: string}).default;
  const scriptsInHead = `    <% it.scripts.forEach((script) => { %>
      <script src="<%= it.baseUrl %><%= script %>" defer></script>
    <% }); %>
`;
  assert.ok(stock.includes(scriptsInHead));
  const loader = `    <script>${SCRIPT_LOADER}(<%~ JSON.stringify(it.scripts.map((script) => it.baseUrl + script)) %>)</script>\n`;
  const expected = stock.replace(scriptsInHead, '').replace('    <%~ it.postBodyTags %>\n', `    <%~ it.postBodyTags %>\n${loader}`);
  assert.equal(ssrTemplate, expected);
});

test('ssrTemplate: rendered by Docusaurus, the page has no <script src>, and the loader gets the scripts with the base URL, in order', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const {compileSSGTemplate} = require('@docusaurus/core/lib/ssg/ssgTemplate.js') as {compileSSGTemplate: (t: string) => Promise<(data: object) => string>};
  const render = await compileSSGTemplate(ssrTemplate);
  const html = render({
    appHtml: '<main><p>Text</p></main>', baseUrl: '/base/', htmlAttributes: 'lang="en"', bodyAttributes: '', headTags: '', preBodyTags: '', postBodyTags: '',
    metaAttributes: [], scripts: ['assets/js/runtime~main.1.js', 'assets/js/main.2.js'], stylesheets: ['assets/css/styles.3.css'], noIndex: false, version: '3.10.2',
  });
  assert.doesNotMatch(html, /<script src/);
  assert.match(html, /<link rel="stylesheet" href="\/base\/assets\/css\/styles\.3\.css" \/>/);
  assert.ok(html.includes(`<script>${SCRIPT_LOADER}(["/base/assets/js/runtime~main.1.js","/base/assets/js/main.2.js"])</script>\n</body>`), html);
});

/** Runs the loader against a minimal document; returns what it appended, and the pending callbacks. */
function runLoader(visibilityState: 'visible' | 'hidden') {
  const appended: Array<{src: string; async: boolean}> = [];
  const frames: Array<() => void> = [];
  const timers: Array<{fn: () => void; ms: number}> = [];
  const context = {
    document: {visibilityState, createElement: () => ({src: '', async: true}), head: {appendChild: (s: {src: string; async: boolean}) => appended.push({...s})}},
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    setTimeout: (fn: () => void, ms: number) => timers.push({fn, ms}),
  };
  vm.runInNewContext(`${SCRIPT_LOADER}(["/a.js","/b.js"])`, context);
  return {appended, frames, timers};
}

test('loader: without paint timing, a visible page inserts the scripts after the next frame, in order and not async, once', () => {
  const {appended, frames, timers} = runLoader('visible');
  assert.deepEqual(appended, []);
  assert.deepEqual(timers.map((t) => t.ms), [SCRIPT_FALLBACK_MS]);
  frames[0]!();
  assert.deepEqual(appended, []);
  assert.deepEqual(timers.map((t) => t.ms), [SCRIPT_FALLBACK_MS, 0]);
  timers[1]!.fn();
  assert.deepEqual(appended, [{src: '/a.js', async: false}, {src: '/b.js', async: false}]);
  timers[0]!.fn();
  assert.equal(appended.length, 2);
});

/** A PerformanceObserver that supports `paint` entries and hands the test its callback. */
function paintObserver() {
  const observers: Array<{callback: (list: {getEntriesByName: (name: string) => unknown[]}, observer: {disconnect: () => void}) => void; options: unknown; disconnected: boolean}> = [];
  class FakeObserver {
    static supportedEntryTypes = ['paint', 'longtask'];
    private readonly record: (typeof observers)[number];
    constructor(callback: (typeof observers)[number]['callback']) {
      this.record = {callback, options: undefined, disconnected: false};
      observers.push(this.record);
    }
    observe(options: unknown) {
      this.record.options = options;
    }
    disconnect() {
      this.record.disconnected = true;
    }
  }
  return {FakeObserver, observers};
}

test('loader: with paint timing, the scripts wait for the first contentful paint, not for a frame', () => {
  const {FakeObserver, observers} = paintObserver();
  const appended: Array<{src: string; async: boolean}> = [];
  const frames: Array<() => void> = [];
  const timers: Array<{fn: () => void; ms: number}> = [];
  vm.runInNewContext(`${SCRIPT_LOADER}(["/a.js","/b.js"])`, {
    document: {visibilityState: 'visible', createElement: () => ({src: '', async: true}), head: {appendChild: (s: {src: string; async: boolean}) => appended.push({...s})}},
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    setTimeout: (fn: () => void, ms: number) => timers.push({fn, ms}),
    PerformanceObserver: FakeObserver,
  });
  assert.equal(frames.length, 0);
  assert.equal(observers.length, 1);
  assert.equal(JSON.stringify(observers[0]!.options), JSON.stringify({type: 'paint', buffered: true}));
  const observer = {disconnect: () => (observers[0]!.disconnected = true)};
  observers[0]!.callback({getEntriesByName: (name) => (name === 'first-paint' ? [{}] : [])}, observer);
  assert.deepEqual(timers.map((t) => t.ms), [SCRIPT_FALLBACK_MS]);
  assert.equal(observers[0]!.disconnected, false);
  observers[0]!.callback({getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{}] : [])}, observer);
  assert.equal(observers[0]!.disconnected, true);
  assert.deepEqual(timers.map((t) => t.ms), [SCRIPT_FALLBACK_MS, 0]);
  assert.deepEqual(appended, []);
  timers[1]!.fn();
  assert.deepEqual(appended, [{src: '/a.js', async: false}, {src: '/b.js', async: false}]);
  timers[0]!.fn();
  assert.equal(appended.length, 2);
});

test('loader: a PerformanceObserver without paint entries falls back to the next frame', () => {
  class NoPaint {
    static supportedEntryTypes = ['longtask'];
  }
  const frames: Array<() => void> = [];
  vm.runInNewContext(`${SCRIPT_LOADER}(["/a.js"])`, {
    document: {visibilityState: 'visible', createElement: () => ({src: '', async: true}), head: {appendChild: () => {}}},
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    setTimeout: () => {},
    PerformanceObserver: NoPaint,
  });
  assert.equal(frames.length, 1);
});

test('loader: without a frame, the fallback timer inserts them; a hidden page inserts them at once', () => {
  const visible = runLoader('visible');
  visible.timers[0]!.fn();
  assert.deepEqual(visible.appended.map((s) => s.src), ['/a.js', '/b.js']);
  const hidden = runLoader('hidden');
  assert.deepEqual(hidden.appended.map((s) => s.src), ['/a.js', '/b.js']);
  assert.deepEqual([hidden.frames.length, hidden.timers.length], [0, 0]);
});
