/**
 * Stage `lighthouse`: Lighthouse mobile performance of this site's pages
 * against a stock Docusaurus 3.10 site, built and measured in the same run.
 *
 * - This site: `docusaurus build` in the repository (what `npm run build`
 *   runs), output in `build/`.
 * - Stock site: a classic-preset site like the one `create-docusaurus`
 *   generates (home page with hero and three features, one docs page,
 *   `future: {v4: true}`, no blog), written under `bench/.work/` so that it
 *   resolves the same installed packages; nothing is downloaded.
 *
 * Both are served by `docusaurus serve` on free ports. Each Lighthouse run
 * launches its own headless Chromium (`chrome-launcher`, a fresh profile) and
 * uses simulated throttling with the mobile form factor. The pairs of pages
 * (ours, stock) are measured next to each other, the order alternating, so
 * that both see the same machine load; the table shows per-metric medians.
 *
 * The pure parts (parsing a Lighthouse result, medians, the tables) are
 * exported for tests/unit/bench-lighthouse.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {execFileSync, spawn} from 'node:child_process';
import {writeIfChanged} from './corpus';
import {serveBuilt} from './reference';
import {DOCUSAURUS_BIN} from './site';
import {fmtBytes, fmtMs, loadAverage, log, median, REPO, round, WORK} from './util';

/* ------------------------------------------------------------------ */
/* Figures from one Lighthouse result                                  */
/* ------------------------------------------------------------------ */

/** The parts of a Lighthouse result (LHR) this stage reads. */
export interface LhrLike {
  lighthouseVersion?: string;
  environment?: {benchmarkIndex?: number; hostUserAgent?: string};
  categories: {performance?: {score: number | null}};
  audits: Record<string, LhrAudit | undefined>;
  runtimeError?: {code: string; message: string};
}

export interface LhrAudit {
  score?: number | null;
  numericValue?: number;
  displayValue?: string;
  details?: LhrDetails;
}

export interface LhrDetails {
  type?: string;
  items?: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

/** What the table shows for one page in one run. */
export interface PageFigures {
  /** Performance score, 0–100. */
  score: number;
  lcpMs: number;
  tbtMs: number;
  /** `total-byte-weight`: bytes transferred while loading. */
  bytes: number;
  fcpMs: number;
  speedIndexMs: number;
  cls: number;
  /** Lighthouse's CPU benchmark of the machine during the run (higher: faster). */
  benchmarkIndex: number;
}

function numeric(lhr: LhrLike, id: string): number {
  const value = lhr.audits[id]?.numericValue;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`Lighthouse result has no numeric value for audit ${id}`);
  return value;
}

/** Score, LCP, TBT, bytes and the other metrics of one Lighthouse result; throws on a failed run. */
export function parseLighthouse(lhr: LhrLike): PageFigures {
  if (lhr.runtimeError) throw new Error(`Lighthouse run failed: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const score = lhr.categories.performance?.score;
  if (typeof score !== 'number') throw new Error('Lighthouse result has no performance score');
  return {
    score: Math.round(score * 100),
    lcpMs: round(numeric(lhr, 'largest-contentful-paint'), 0),
    tbtMs: round(numeric(lhr, 'total-blocking-time'), 0),
    bytes: Math.round(numeric(lhr, 'total-byte-weight')),
    fcpMs: round(numeric(lhr, 'first-contentful-paint'), 0),
    speedIndexMs: round(numeric(lhr, 'speed-index'), 0),
    cls: round(numeric(lhr, 'cumulative-layout-shift'), 3),
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? Number.NaN),
  };
}

/** Per-metric median of several runs of one page (each metric on its own). */
export function medianFigures(runs: readonly PageFigures[]): PageFigures {
  if (runs.length === 0) throw new Error('no runs');
  const m = (key: keyof PageFigures) => median(runs.map((r) => r[key]));
  return {
    score: m('score'),
    lcpMs: m('lcpMs'),
    tbtMs: m('tbtMs'),
    bytes: m('bytes'),
    fcpMs: m('fcpMs'),
    speedIndexMs: m('speedIndexMs'),
    cls: m('cls'),
    benchmarkIndex: m('benchmarkIndex'),
  };
}

/** Index of the run whose score is nearest the median score (the first such run): its LHR is the one diagnosed. */
export function medianRunIndex(runs: readonly PageFigures[]): number {
  const target = median(runs.map((r) => r.score));
  let best = 0;
  for (let i = 1; i < runs.length; i++) if (Math.abs(runs[i]!.score - target) < Math.abs(runs[best]!.score - target)) best = i;
  return best;
}

/* ------------------------------------------------------------------ */
/* Diagnosis of one Lighthouse result                                  */
/* ------------------------------------------------------------------ */

export interface Diagnosis {
  lcpElement: string;
  /** LCP phases (TTFB, load delay, load time, render delay), simulated ms. */
  lcpPhases: Array<{phase: string; ms: number}>;
  observed: {fcpMs: number; lcpMs: number; domContentLoadedMs: number; loadMs: number};
  /** Scripts by main-thread time (`bootup-time`), largest first. */
  bootup: Array<{url: string; totalMs: number; scriptingMs: number; parseMs: number}>;
  /** `mainthread-work-breakdown` groups, largest first. */
  mainThread: Array<{group: string; ms: number}>;
  renderBlocking: Array<{url: string; wastedMs: number}>;
  unusedJs: Array<{url: string; bytes: number; unusedBytes: number}>;
  requests: {count: number; scriptBytes: number; stylesheetBytes: number; documentBytes: number; fontBytes: number; largest: Array<{url: string; type: string; bytes: number}>};
  /** Something of the search (Pagefind, under `/pagefind/`) was requested during the load; it should load on first use only. */
  searchIndexFetched: boolean;
  textCompressionSavingsBytes: number;
  longTasks: Array<{url: string; ms: number}>;
  domElements: number;
}

function items(lhr: LhrLike, id: string): Array<Record<string, unknown>> {
  return lhr.audits[id]?.details?.items ?? [];
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `http://127.0.0.1:4711/assets/js/main.abc.js` → `/assets/js/main.abc.js`; other URLs as they are, cut to 80 characters. */
export function shortUrl(url: string): string {
  const local = /^https?:\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?(\/.*)$/.exec(url);
  const out = local ? local[1]! : url;
  return out.length > 80 ? `${out.slice(0, 79)}…` : out;
}

/** The LCP element's selector and phases: `largest-contentful-paint-element` holds a node table then a phase table. */
function lcpElement(lhr: LhrLike): {element: string; phases: Diagnosis['lcpPhases']} {
  const tables = items(lhr, 'largest-contentful-paint-element') as Array<{items?: Array<Record<string, unknown>>}>;
  const node = tables[0]?.items?.[0]?.node as {selector?: string; snippet?: string} | undefined;
  const phases = (tables[1]?.items ?? []).map((p) => ({phase: str(p.phase), ms: round(num(p.timing), 0)}));
  return {element: node ? `${node.snippet ?? ''} (${node.selector ?? ''})` : 'none', phases};
}

function observed(lhr: LhrLike): Diagnosis['observed'] {
  const m = items(lhr, 'metrics')[0] ?? {};
  return {
    fcpMs: round(num(m.observedFirstContentfulPaint), 0),
    lcpMs: round(num(m.observedLargestContentfulPaint), 0),
    domContentLoadedMs: round(num(m.observedDomContentLoaded), 0),
    loadMs: round(num(m.observedLoad), 0),
  };
}

function requests(lhr: LhrLike): Diagnosis['requests'] & {urls: string[]} {
  const list = items(lhr, 'network-requests').map((r) => ({url: str(r.url), type: str(r.resourceType), bytes: num(r.transferSize)}));
  const bytesOf = (type: string) => list.filter((r) => r.type === type).reduce((n, r) => n + r.bytes, 0);
  return {
    count: list.length,
    scriptBytes: list.filter((r) => r.type === 'Script' || /\.js(\?|$)/.test(r.url)).reduce((n, r) => n + r.bytes, 0),
    stylesheetBytes: bytesOf('Stylesheet'),
    documentBytes: bytesOf('Document'),
    fontBytes: bytesOf('Font'),
    largest: [...list].sort((a, b) => b.bytes - a.bytes).slice(0, 5).map((r) => ({...r, url: shortUrl(r.url)})),
    urls: list.map((r) => r.url),
  };
}

/** What delays LCP and what occupies the main thread, from one Lighthouse result. */
export function diagnose(lhr: LhrLike): Diagnosis {
  const lcp = lcpElement(lhr);
  const {urls, ...reqs} = requests(lhr);
  const byDesc = <T>(list: T[], key: (t: T) => number) => [...list].sort((a, b) => key(b) - key(a));
  return {
    lcpElement: lcp.element,
    lcpPhases: lcp.phases,
    observed: observed(lhr),
    bootup: byDesc(items(lhr, 'bootup-time').map((i) => ({url: shortUrl(str(i.url)), totalMs: round(num(i.total), 0), scriptingMs: round(num(i.scripting), 0), parseMs: round(num(i.scriptParseCompile), 0)})), (b) => b.totalMs).slice(0, 5),
    mainThread: byDesc(items(lhr, 'mainthread-work-breakdown').map((i) => ({group: str(i.group), ms: round(num(i.duration), 0)})), (g) => g.ms),
    renderBlocking: items(lhr, 'render-blocking-resources').map((i) => ({url: shortUrl(str(i.url)), wastedMs: round(num(i.wastedMs), 0)})),
    unusedJs: byDesc(items(lhr, 'unused-javascript').map((i) => ({url: shortUrl(str(i.url)), bytes: num(i.totalBytes), unusedBytes: num(i.wastedBytes)})), (u) => u.unusedBytes).slice(0, 5),
    requests: reqs,
    searchIndexFetched: urls.some((u) => /\/pagefind\//.test(u)),
    textCompressionSavingsBytes: Math.round(items(lhr, 'uses-text-compression').reduce((n, i) => n + num(i.wastedBytes), 0)),
    longTasks: items(lhr, 'long-tasks').map((i) => ({url: shortUrl(str(i.url)), ms: round(num(i.duration), 0)})).slice(0, 8),
    domElements: Math.round(num(lhr.audits['dom-size']?.numericValue ?? lhr.audits['dom-size-insight']?.numericValue)),
  };
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

/** One row: a page of this site and the stock page that stands in for it. */
export interface PageRow {
  page: string;
  stockPage: string;
  runs: number;
  site: PageFigures;
  stock: PageFigures;
}

/** `a / b` as `1.23×`; `n/a` when the stock figure is 0. */
export function fmtRatio(value: number, baseline: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return 'n/a';
  return `${(value / baseline).toFixed(2)}×`;
}

/** The side-by-side table: per page, this site vs the stock site, and the ratio. */
export function lighthouseTable(rows: readonly PageRow[]): string {
  const head = [
    '| Page | Stock page | Score | Stock score | LCP | Stock LCP | LCP ratio | TBT | Stock TBT | TBT ratio | Transferred | Stock transferred | Bytes ratio |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const body = rows.map((r) => `| \`${r.page}\` | \`${r.stockPage}\` | ${r.site.score} | ${r.stock.score} | ${fmtMs(r.site.lcpMs)} | ${fmtMs(r.stock.lcpMs)} | ${fmtRatio(r.site.lcpMs, r.stock.lcpMs)} | ${fmtMs(r.site.tbtMs)} | ${fmtMs(r.stock.tbtMs)} | ${fmtRatio(r.site.tbtMs, r.stock.tbtMs)} | ${fmtBytes(r.site.bytes)} | ${fmtBytes(r.stock.bytes)} | ${fmtRatio(r.site.bytes, r.stock.bytes)} |`);
  return [...head, ...body].join('\n');
}

/** The other metrics (FCP, Speed Index, CLS, CPU benchmark), same layout. */
export function secondaryTable(rows: readonly PageRow[]): string {
  const head = [
    '| Page | FCP | Stock FCP | Speed Index | Stock Speed Index | CLS | Stock CLS | Benchmark index | Stock benchmark index |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const body = rows.map((r) => `| \`${r.page}\` | ${fmtMs(r.site.fcpMs)} | ${fmtMs(r.stock.fcpMs)} | ${fmtMs(r.site.speedIndexMs)} | ${fmtMs(r.stock.speedIndexMs)} | ${r.site.cls} | ${r.stock.cls} | ${r.site.benchmarkIndex} | ${r.stock.benchmarkIndex} |`);
  return [...head, ...body].join('\n');
}

/** A diagnosis as a Markdown list. */
export function diagnosisMarkdown(title: string, d: Diagnosis): string {
  const list = <T>(xs: T[], f: (x: T) => string) => (xs.length === 0 ? 'none' : xs.map(f).join('; '));
  return [
    `#### ${title}`,
    '',
    `- LCP element: \`${d.lcpElement.replace(/`/g, "'").replace(/\s+/g, ' ')}\``,
    `- LCP phases (simulated): ${list(d.lcpPhases, (p) => `${p.phase} ${fmtMs(p.ms)}`)}`,
    `- Observed (unthrottled): FCP ${fmtMs(d.observed.fcpMs)}, LCP ${fmtMs(d.observed.lcpMs)}, DOMContentLoaded ${fmtMs(d.observed.domContentLoadedMs)}, load ${fmtMs(d.observed.loadMs)}`,
    `- Main thread by script (bootup-time): ${list(d.bootup, (b) => `\`${b.url || '(unattributed)'}\` ${fmtMs(b.totalMs)} (script ${fmtMs(b.scriptingMs)}, parse ${fmtMs(b.parseMs)})`)}`,
    `- Main thread by kind: ${list(d.mainThread, (g) => `${g.group} ${fmtMs(g.ms)}`)}`,
    `- Long tasks: ${list(d.longTasks, (t) => `\`${t.url || '(unattributed)'}\` ${fmtMs(t.ms)}`)}`,
    `- Render-blocking: ${list(d.renderBlocking, (r) => `\`${r.url}\` (${fmtMs(r.wastedMs)})`)}`,
    `- Unused JavaScript: ${list(d.unusedJs, (u) => `\`${u.url}\` ${fmtBytes(u.unusedBytes)} of ${fmtBytes(u.bytes)}`)}`,
    `- Requests: ${d.requests.count}; scripts ${fmtBytes(d.requests.scriptBytes)}, CSS ${fmtBytes(d.requests.stylesheetBytes)}, HTML ${fmtBytes(d.requests.documentBytes)}, fonts ${fmtBytes(d.requests.fontBytes)}; largest ${list(d.requests.largest, (r) => `\`${r.url}\` ${fmtBytes(r.bytes)}`)}`,
    `- Search index fetched during load: ${d.searchIndexFetched ? '**yes**' : 'no'}`,
    `- Text compression would save: ${fmtBytes(d.textCompressionSavingsBytes)} (\`docusaurus serve\` sends files uncompressed)`,
    `- DOM elements: ${d.domElements}`,
    '',
  ].join('\n');
}

/* ------------------------------------------------------------------ */
/* The stock site                                                      */
/* ------------------------------------------------------------------ */

/** Where the stock site is written: inside the repo, so it resolves the installed packages. */
export const STOCK_DIR = path.join(WORK, 'site-stock-docusaurus');

const STOCK_CONFIG = `// Generated by bench/lighthouse.ts: a stock classic-preset Docusaurus site, as create-docusaurus writes it (without the blog).
import {themes as prismThemes} from 'prism-react-renderer';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';

const config: Config = {
  title: 'My Site',
  tagline: 'Dinosaurs are cool',
  favicon: 'img/favicon.svg',
  future: {v4: true},
  url: 'https://your-docusaurus-site.example.com',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  i18n: {defaultLocale: 'en', locales: ['en']},
  presets: [
    [
      'classic',
      {
        docs: {sidebarPath: './sidebars.ts'},
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    navbar: {
      title: 'My Site',
      logo: {alt: 'My Site Logo', src: 'img/logo.svg'},
      items: [
        {type: 'docSidebar', sidebarId: 'tutorialSidebar', position: 'left', label: 'Tutorial'},
        {href: 'https://github.com/facebook/docusaurus', label: 'GitHub', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {title: 'Docs', items: [{label: 'Tutorial', to: '/docs/intro'}]},
        {title: 'Community', items: [{label: 'Stack Overflow', href: 'https://stackoverflow.com/questions/tagged/docusaurus'}]},
        {title: 'More', items: [{label: 'GitHub', href: 'https://github.com/facebook/docusaurus'}]},
      ],
      copyright: 'Copyright © My Project, Inc. Built with Docusaurus.',
    },
    prism: {theme: prismThemes.github, darkTheme: prismThemes.dracula},
  } satisfies Preset.ThemeConfig,
};

export default config;
`;

const STOCK_INTRO = `---
sidebar_position: 1
---

# Tutorial Intro

Let's discover **Docusaurus in less than 5 minutes**.

## Getting Started

Get started by **creating a new site**.

Or **try Docusaurus immediately** with **[docusaurus.new](https://docusaurus.new)**.

### What you'll need

- [Node.js](https://nodejs.org/en/download/) version 20.0 or above:
  - When installing Node.js, you are recommended to check all checkboxes related to dependencies.

## Generate a new site

Generate a new Docusaurus site using the **classic template**.

The classic template will automatically be added to your project after you run the command:

\`\`\`bash
npm init docusaurus@latest my-website classic
\`\`\`

You can type this command into Command Prompt, Powershell, Terminal, or any other integrated terminal of your code editor.

The command also installs all necessary dependencies you need to run Docusaurus.

## Start your site

Run the development server:

\`\`\`bash
cd my-website
npm run start
\`\`\`

The \`cd\` command changes the directory you're working with. In order to work with your newly created Docusaurus site, you'll need to navigate the terminal there.

The \`npm run start\` command builds your website locally and serves it through a development server, ready for you to view at http://localhost:3000/.

Open \`docs/intro.md\` (this page) and edit some lines: the site **reloads automatically** and displays your changes.
`;

const STOCK_HOME = `import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import HomepageFeatures from '@site/src/components/HomepageFeatures';
import styles from './index.module.css';

function HomepageHeader() {
  const {siteConfig} = useDocusaurusContext();
  return (
    <header className={clsx('hero hero--primary', styles.heroBanner)}>
      <div className="container">
        <Heading as="h1" className="hero__title">
          {siteConfig.title}
        </Heading>
        <p className="hero__subtitle">{siteConfig.tagline}</p>
        <div className={styles.buttons}>
          <Link className="button button--secondary button--lg" to="/docs/intro">
            Docusaurus Tutorial - 5min ⏱️
          </Link>
        </div>
      </div>
    </header>
  );
}

export default function Home(): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  return (
    <Layout title={\`Hello from \${siteConfig.title}\`} description="Description will go into a meta tag in <head />">
      <HomepageHeader />
      <main>
        <HomepageFeatures />
      </main>
    </Layout>
  );
}
`;

const STOCK_HOME_CSS = `.heroBanner {
  padding: 4rem 0;
  text-align: center;
  position: relative;
  overflow: hidden;
}

@media screen and (max-width: 996px) {
  .heroBanner {
    padding: 2rem;
  }
}

.buttons {
  display: flex;
  align-items: center;
  justify-content: center;
}
`;

const STOCK_FEATURES = `import type {ReactNode} from 'react';
import clsx from 'clsx';
import Heading from '@theme/Heading';
import styles from './styles.module.css';

type FeatureItem = {
  title: string;
  Svg: React.ComponentType<React.ComponentProps<'svg'>>;
  description: ReactNode;
};

const FeatureList: FeatureItem[] = [
  {
    title: 'Easy to Use',
    Svg: require('@site/static/img/feature-1.svg').default,
    description: <>Docusaurus was designed from the ground up to be easily installed and used to get your website up and running quickly.</>,
  },
  {
    title: 'Focus on What Matters',
    Svg: require('@site/static/img/feature-2.svg').default,
    description: <>Docusaurus lets you focus on your docs, and we&apos;ll do the chores. Go ahead and move your docs into the <code>docs</code> directory.</>,
  },
  {
    title: 'Powered by React',
    Svg: require('@site/static/img/feature-3.svg').default,
    description: <>Extend or customize your website layout by reusing React. Docusaurus can be extended while reusing the same header and footer.</>,
  },
];

function Feature({title, Svg, description}: FeatureItem) {
  return (
    <div className={clsx('col col--4')}>
      <div className="text--center">
        <Svg className={styles.featureSvg} role="img" />
      </div>
      <div className="text--center padding-horiz--md">
        <Heading as="h3">{title}</Heading>
        <p>{description}</p>
      </div>
    </div>
  );
}

export default function HomepageFeatures(): ReactNode {
  return (
    <section className={styles.features}>
      <div className="container">
        <div className="row">
          {FeatureList.map((props, idx) => (
            <Feature key={idx} {...props} />
          ))}
        </div>
      </div>
    </section>
  );
}
`;

const STOCK_FEATURES_CSS = `.features {
  display: flex;
  align-items: center;
  padding: 2rem 0;
  width: 100%;
}

.featureSvg {
  height: 200px;
  width: 200px;
}
`;

const STOCK_CUSTOM_CSS = `/* The classic template's colour variables. */
:root {
  --ifm-color-primary: #2e8555;
  --ifm-color-primary-dark: #29784c;
  --ifm-color-primary-darker: #277148;
  --ifm-color-primary-darkest: #205d3b;
  --ifm-color-primary-light: #33925d;
  --ifm-color-primary-lighter: #359962;
  --ifm-color-primary-lightest: #3cad6e;
  --ifm-code-font-size: 95%;
  --docusaurus-highlighted-code-line-bg: rgba(0, 0, 0, 0.1);
}

[data-theme='dark'] {
  --ifm-color-primary: #25c2a0;
  --ifm-color-primary-dark: #21af90;
  --ifm-color-primary-darker: #1fa588;
  --ifm-color-primary-darkest: #1a8870;
  --ifm-color-primary-light: #29d5b0;
  --ifm-color-primary-lighter: #32d8b4;
  --ifm-color-primary-lightest: #4fddbf;
  --docusaurus-highlighted-code-line-bg: rgba(0, 0, 0, 0.3);
}
`;

/** A simple illustration per feature (the template's are larger drawings, loaded the same way: inlined SVG via SVGR). */
function featureSvg(hue: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200"><circle cx="100" cy="100" r="90" fill="hsl(${hue} 60% 45%)"/><rect x="55" y="60" width="90" height="80" rx="8" fill="#fff"/></svg>\n`;
}

/** Write (or refresh) the stock site; returns its folder. */
export function writeStockSite(dir = STOCK_DIR): string {
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({name: 'bench-stock-docusaurus', private: true, description: 'Generated by bench/lighthouse.ts'}, null, 2)}\n`,
    'docusaurus.config.ts': STOCK_CONFIG,
    'sidebars.ts': `import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';\n\nconst sidebars: SidebarsConfig = {tutorialSidebar: [{type: 'autogenerated', dirName: '.'}]};\n\nexport default sidebars;\n`,
    'docs/intro.md': STOCK_INTRO,
    'src/pages/index.tsx': STOCK_HOME,
    'src/pages/index.module.css': STOCK_HOME_CSS,
    'src/components/HomepageFeatures/index.tsx': STOCK_FEATURES,
    'src/components/HomepageFeatures/styles.module.css': STOCK_FEATURES_CSS,
    'src/css/custom.css': STOCK_CUSTOM_CSS,
    'static/img/feature-1.svg': featureSvg(150),
    'static/img/feature-2.svg': featureSvg(200),
    'static/img/feature-3.svg': featureSvg(250),
    'static/img/logo.svg': fs.readFileSync(path.join(REPO, 'static', 'img', 'logo.svg'), 'utf8'),
    'static/img/favicon.svg': fs.readFileSync(path.join(REPO, 'static', 'img', 'favicon.svg'), 'utf8'),
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    writeIfChanged(path.join(dir, file), text);
  }
  return dir;
}

/* ------------------------------------------------------------------ */
/* Build, serve, measure                                               */
/* ------------------------------------------------------------------ */

/** The pages measured, and the stock page that stands in for each. */
export const PAGES: ReadonlyArray<{page: string; stockPage: string}> = [
  {page: '/', stockPage: '/'},
  {page: '/threat-models/server', stockPage: '/docs/intro'},
  {page: '/reference', stockPage: '/docs/intro'},
  {page: '/docs/', stockPage: '/docs/intro'},
];

async function build(siteDir: string, logFile: string): Promise<number> {
  fs.mkdirSync(path.dirname(logFile), {recursive: true});
  const out = fs.openSync(logFile, 'w');
  const start = performance.now();
  const child = spawn(process.execPath, [DOCUSAURUS_BIN, 'build'], {cwd: siteDir, env: {...process.env, NO_UPDATE_NOTIFIER: '1'}, stdio: ['ignore', out, out]});
  const code: number = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  fs.closeSync(out);
  if (code !== 0) throw new Error(`docusaurus build in ${siteDir} failed (exit ${code}); log ${logFile}:\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
  return performance.now() - start;
}

export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu'];

/** One Lighthouse run in a fresh Chromium; the LHR. */
async function runLighthouse(url: string): Promise<LhrLike> {
  // Both are ES modules; this file is loaded as CommonJS by tsx.
  const {default: lighthouse} = await import('lighthouse');
  const {screenEmulationMetrics} = await import('lighthouse/core/config/constants.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS});
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      formFactor: 'mobile',
      screenEmulation: screenEmulationMetrics.mobile,
      throttlingMethod: 'simulate',
    });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    return result.lhr as unknown as LhrLike;
  } finally {
    chrome.kill();
  }
}

export interface LighthouseRun {
  site: 'site' | 'stock';
  page: string;
  index: number;
  figures: PageFigures;
  loadAverageBefore: number[];
  lhrFile: string;
}

export interface LighthouseResult {
  runsPerPage: number;
  commit: string;
  lighthouseVersion: string;
  chromium: string;
  loadAverageStart: number[];
  loadAverageEnd: number[];
  builds: {siteMs: number; stockMs: number};
  rows: PageRow[];
  runs: LighthouseRun[];
  diagnoses: Array<{page: string; site: Diagnosis; stock: Diagnosis}>;
  /** Built asset sizes this site loads on every page (uncompressed bytes). */
  assets: {mainJs: number; stockMainJs: number; css: number; stockCss: number; searchIndex: number};
}

function slug(page: string): string {
  return page === '/' ? 'home' : page.replace(/^\/|\/$/g, '').replace(/\//g, '_');
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: REPO, encoding: 'utf8'}).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {cwd: REPO, encoding: 'utf8'}).trim() !== '';
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
  } catch {
    return 'unknown';
  }
}

/** Largest file matching `pattern` in a built site's folder. */
function largestFile(dir: string, pattern: RegExp): number {
  if (!fs.existsSync(dir)) return 0;
  return Math.max(0, ...fs.readdirSync(dir).filter((f) => pattern.test(f)).map((f) => fs.statSync(path.join(dir, f)).size));
}

/** Bytes of every file under `dir`, 0 when it does not exist. */
function folderSize(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, {recursive: true, withFileTypes: true}).filter((e) => e.isFile()).reduce((n, e) => n + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
}

function assetSizes(stockDir: string): LighthouseResult['assets'] {
  const b = (dir: string, sub: string) => path.join(dir, 'build', sub);
  return {
    mainJs: largestFile(b(REPO, 'assets/js'), /^main\..*\.js$/),
    stockMainJs: largestFile(b(stockDir, 'assets/js'), /^main\..*\.js$/),
    css: largestFile(b(REPO, 'assets/css'), /\.css$/),
    stockCss: largestFile(b(stockDir, 'assets/css'), /\.css$/),
    searchIndex: folderSize(b(REPO, 'pagefind')),
  };
}

/** Build both sites, serve them, and run Lighthouse `runs` times per page pair, alternating which site goes first. */
export async function measureLighthouse(options: {runs: number}): Promise<LighthouseResult> {
  const loadAverageStart = loadAverage();
  const out = path.join(WORK, 'lighthouse');
  fs.rmSync(out, {recursive: true, force: true});
  fs.mkdirSync(out, {recursive: true});
  const stockDir = writeStockSite();
  log(`lighthouse: building this site (${path.relative(REPO, path.join(out, 'build-site.log'))})`);
  const siteMs = await build(REPO, path.join(out, 'build-site.log'));
  log(`lighthouse: building the stock site in ${path.relative(REPO, stockDir)}`);
  const stockMs = await build(stockDir, path.join(out, 'build-stock.log'));
  const site = await serveBuilt(REPO, path.join(out, 'serve-site.log'));
  let stock: Awaited<ReturnType<typeof serveBuilt>> | undefined;
  const runs: LighthouseRun[] = [];
  try {
    stock = await serveBuilt(stockDir, path.join(out, 'serve-stock.log'));
    const servers = {site, stock};
    const total = options.runs * PAGES.length * 2;
    let n = 0;
    for (let i = 0; i < options.runs; i++) {
      for (const [j, pair] of PAGES.entries()) {
        const order: Array<'site' | 'stock'> = (i + j) % 2 === 0 ? ['site', 'stock'] : ['stock', 'site'];
        for (const which of order) {
          const page = which === 'site' ? pair.page : pair.stockPage;
          const loadAverageBefore = loadAverage();
          const lhr = await runLighthouse(`${servers[which].url}${page}`);
          const lhrFile = path.join(out, `${which}-${slug(pair.page)}-${i + 1}.json`);
          fs.writeFileSync(lhrFile, JSON.stringify(lhr));
          const figures = parseLighthouse(lhr);
          runs.push({site: which, page: pair.page, index: i, figures, loadAverageBefore, lhrFile: path.relative(REPO, lhrFile)});
          log(`  lighthouse ${++n}/${total}: ${which} ${page}: score ${figures.score}, LCP ${fmtMs(figures.lcpMs)}, TBT ${fmtMs(figures.tbtMs)}, ${fmtBytes(figures.bytes)}, benchmark index ${figures.benchmarkIndex}, load ${loadAverageBefore.join(' / ')}`);
        }
      }
    }
  } finally {
    await site.stop();
    await stock?.stop();
  }
  const pick = (which: 'site' | 'stock', page: string) => runs.filter((r) => r.site === which && r.page === page);
  const rows: PageRow[] = PAGES.map((pair) => ({
    ...pair,
    runs: options.runs,
    site: medianFigures(pick('site', pair.page).map((r) => r.figures)),
    stock: medianFigures(pick('stock', pair.page).map((r) => r.figures)),
  }));
  const diagnosisOf = (which: 'site' | 'stock', page: string) => {
    const list = pick(which, page);
    const chosen = list[medianRunIndex(list.map((r) => r.figures))]!;
    return diagnose(JSON.parse(fs.readFileSync(path.join(REPO, chosen.lhrFile), 'utf8')) as LhrLike);
  };
  const first = JSON.parse(fs.readFileSync(path.join(REPO, runs[0]!.lhrFile), 'utf8')) as LhrLike;
  return {
    runsPerPage: options.runs,
    commit: gitCommit(),
    lighthouseVersion: first.lighthouseVersion ?? 'unknown',
    chromium: chromiumVersion(),
    loadAverageStart,
    loadAverageEnd: loadAverage(),
    builds: {siteMs: round(siteMs, 0), stockMs: round(stockMs, 0)},
    rows,
    runs,
    diagnoses: PAGES.map((pair) => ({page: pair.page, site: diagnosisOf('site', pair.page), stock: diagnosisOf('stock', pair.page)})),
    assets: assetSizes(stockDir),
  };
}

/** The stage's section of the results file. */
export function lighthouseMarkdown(r: LighthouseResult): string {
  const loads = r.runs.map((x) => x.loadAverageBefore[0]!);
  const lines = [
    '## Lighthouse, mobile (this site vs stock Docusaurus 3.10, same run)',
    '',
    `- Commit: ${r.commit}; Lighthouse ${r.lighthouseVersion}; ${r.chromium}; ${os.cpus().length} cores`,
    `- Settings: \`formFactor: 'mobile'\`, mobile screen emulation, \`throttlingMethod: 'simulate'\` (Lighthouse's default mobile throttling: 150 ms RTT, 1.6 Mbit/s, 4× CPU), performance category only; Chromium flags \`${CHROME_FLAGS.join(' ')}\`, a fresh Chromium per run`,
    `- Median of ${r.runsPerPage} run(s) per page and metric; the page pairs alternate which site goes first`,
    `- Load average (1 min) at start ${r.loadAverageStart.join(' / ')}, at end ${r.loadAverageEnd.join(' / ')}; before each run: min ${Math.min(...loads)}, median ${median(loads)}, max ${Math.max(...loads)}`,
    `- Stock site: classic preset, \`future: {v4: true}\`, its home page stands in for \`/\` and its docs page \`/docs/intro\` for the threat page, \`/reference\` and \`/docs/\` (it has no page like them); no blog, no search plugin`,
    `- Served by \`docusaurus serve\` (no compression: transferred bytes are uncompressed sizes)`,
    `- Builds: this site ${fmtMs(r.builds.siteMs)}, stock ${fmtMs(r.builds.stockMs)}`,
    `- Assets: this site's \`main.js\` ${fmtBytes(r.assets.mainJs)} (stock ${fmtBytes(r.assets.stockMainJs)}), CSS ${fmtBytes(r.assets.css)} (stock ${fmtBytes(r.assets.stockCss)}), search index ${fmtBytes(r.assets.searchIndex)}`,
    '',
    lighthouseTable(r.rows),
    '',
    secondaryTable(r.rows),
    '',
    '### Diagnosis (the run with the median score of each page)',
    '',
  ];
  for (const d of r.diagnoses) {
    const row = r.rows.find((x) => x.page === d.page)!;
    lines.push(`### \`${d.page}\``, '', diagnosisMarkdown('This site', d.site), diagnosisMarkdown(`Stock \`${row.stockPage}\``, d.stock));
  }
  lines.push('Runs (score, LCP, TBT, bytes, benchmark index, load average before):', '');
  for (const x of r.runs) lines.push(`- ${x.site} \`${x.page}\` #${x.index + 1}: ${x.figures.score}, ${fmtMs(x.figures.lcpMs)}, ${fmtMs(x.figures.tbtMs)}, ${fmtBytes(x.figures.bytes)}, ${x.figures.benchmarkIndex}, ${x.loadAverageBefore.join(' / ')}`);
  lines.push('');
  return lines.join('\n');
}
