/**
 * `npm run bench:dev -- [--runs 5]`: the contributor's loop under
 * `docusaurus start`, from saving a file to the open page showing the edit,
 * in Chromium (Debian's, `CHROMIUM_PATH`).
 *
 * - baseline: a heading edited in a plain docs page, shown on that page
 *   (Docusaurus's own save-to-screen time, same server, same run);
 * - same-file: a threat's title edited in sea.md, shown on the SEA page;
 * - cross-file: a threat's title edited in desktop.md, shown in the
 *   "Referenced by" list on the SEA page.
 *
 * Edits alternate between the three kinds, `--runs` of each; the figures
 * are medians, and the threat-model ones are also given as ratios to the
 * baseline. Writes bench/results/dev-loop.{md,json}.
 */
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {chromium, type Page} from '@playwright/test';
import {copySite, edit, startDevServer} from '../tests/e2e/dev-server';
import {fmtMs, log, median, RESULTS, round, WORK} from './util';

interface Kind {
  name: 'baseline' | 'same-file' | 'cross-file';
  label: string;
  /** Page to watch. */
  route: string;
  file: string;
  /** The text before the edit; each run appends ` (edit N)`. */
  original: string;
  /** Where the page shows it. */
  selector: string;
}

const KINDS: Kind[] = [
  {name: 'baseline', label: 'Plain docs page, heading edited in the same file', route: '/docs/permission-model', file: 'docs/permission-model.md', original: '## What it is, and what it is not', selector: 'h2'},
  {name: 'same-file', label: 'Threat page, threat title edited in the same file', route: '/threat-models/sea', file: 'threat-models/sea.md', original: '### Tampering with the injected blob or an unsigned SEA binary', selector: 'h3#SEA-02'},
  {name: 'cross-file', label: 'Threat page, title of a threat in another file that references it', route: '/threat-models/sea', file: 'threat-models/desktop.md', original: '### Application code modified on disk', selector: '.tm-backlinks a[href$="#DSK-06"]'},
];

async function waitForText(page: Page, selector: string, text: string, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    ([s, t]) => [...document.querySelectorAll(s!)].some((e) => e.textContent?.includes(t!)),
    [selector, text],
    {timeout: timeoutMs, polling: 10},
  );
}

async function main(): Promise<void> {
  const {values} = parseArgs({options: {runs: {type: 'string', default: '5'}, port: {type: 'string', default: '3290'}}});
  const runs = Number(values.runs);
  const site = copySite(path.join(WORK, 'dev-loop-site'));
  log('starting docusaurus start on a copy of the site');
  const server = await startDevServer(site, Number(values.port));
  const browser = await chromium.launch({executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu']});
  const samples: Record<Kind['name'], number[]> = {baseline: [], 'same-file': [], 'cross-file': []};
  try {
    const pages = new Map<string, Page>();
    for (const kind of KINDS) {
      if (pages.has(kind.route)) continue;
      const page = await browser.newPage();
      await page.goto(`${server.url}${kind.route}`);
      pages.set(kind.route, page);
    }
    const current = new Map(KINDS.map((k) => [k.name, k.original]));
    for (let run = 1; run <= runs; run++) {
      for (const kind of run % 2 === 1 ? KINDS : [...KINDS].reverse()) {
        const page = pages.get(kind.route)!;
        const shown = kind.original.replace(/^#+ /, '');
        const next = `${kind.original} (edit ${run})`;
        const started = performance.now();
        edit(path.join(site, kind.file), current.get(kind.name)!, next);
        current.set(kind.name, next);
        await waitForText(page, kind.selector, `${shown} (edit ${run})`);
        const ms = performance.now() - started;
        samples[kind.name].push(ms);
        log(`run ${run}: ${kind.name} ${fmtMs(ms)}`);
        // Let the server settle (its reloads after the edit) before the next edit.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const base = median(samples.baseline);
  const rows = KINDS.map((k) => {
    const m = median(samples[k.name]);
    return {kind: k.name, label: k.label, medianMs: round(m, 0), samplesMs: samples[k.name].map((x) => round(x, 0)), ratio: round(m / base, 2)};
  });
  const md = [
    `# Dev loop: save to updated page (\`npm run bench:dev\`)`,
    '',
    `Median of ${runs} edits of each kind, alternating, one \`docusaurus start\` server, Chromium watching the open page.`,
    '',
    '| Edit | Median | Samples | Ratio to baseline |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.label} | ${fmtMs(r.medianMs)} | ${r.samplesMs.map((x) => fmtMs(x)).join(', ')} | ${r.kind === 'baseline' ? 'baseline' : `${r.ratio.toFixed(2)}×`} |`),
    '',
  ].join('\n');
  fs.mkdirSync(RESULTS, {recursive: true});
  fs.writeFileSync(path.join(RESULTS, 'dev-loop.md'), md);
  fs.writeFileSync(path.join(RESULTS, 'dev-loop.json'), `${JSON.stringify({date: new Date().toISOString(), runs, rows}, null, 2)}\n`);
  process.stdout.write(`\n${md}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
