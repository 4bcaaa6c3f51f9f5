/**
 * The /reference page at scale, in Chromium: time from a change of the
 * "Severity" filter to the updated table, measured in the page.
 *
 * - t0: the `input` event of the select, seen by a capture listener on the
 *   document (before React's root listener runs);
 * - updated: a MutationObserver sees the `role=status` count text change
 *   (React commits the rows' `hidden` flags and the count in one commit);
 * - painted: the next animation frame after that, plus a task (style and
 *   layout of the table included).
 *
 * Values alternate between a severity and "All", so that every change
 * changes the count. The site is served by `docusaurus serve` on a free
 * port.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {spawn, type ChildProcess} from 'node:child_process';
import zlib from 'node:zlib';
import {chromium, type Page} from '@playwright/test';
import {PAGE_SIZE} from '../plugins/threat-model/theme/ThreatModelReference/page-size';
import {DOCUSAURUS_BIN, type Site} from './site';
import {pageWeight, propsChunkFiles, type PageWeight} from './weight';
import {fmtBytes, fmtMs, log, median, percentile, round} from './util';

export const FILTER_GOAL_MS = 1000;

export interface FilterSample {
  value: string;
  expected: number;
  updatedMs: number;
  paintedMs: number;
  /** The long animation frame that rendered the change (absent when the frame was short). */
  frame?: FrameBreakdown;
}

export interface ReferenceResult {
  threats: number;
  url: string;
  chromium: string;
  /** Navigation start → React has hydrated the filter form. */
  hydratedMs: number;
  samples: FilterSample[];
  updatedMedianMs: number;
  updatedMaxMs: number;
  paintedMedianMs: number;
  paintedP90Ms: number;
  /** Medians over the samples whose change was rendered in a long animation frame. */
  frameMedian?: FrameBreakdown & {frames: number};
  goalMs: number;
  met: boolean;
  html: {bytes: number; gzipBytes: number};
  /** Route props module: the reference data the page loads as JS. */
  data: {file: string; bytes: number; gzipBytes: number};
  exportJson: {bytes: number; gzipBytes: number};
  weight: PageWeight;
  /** JS/CSS the browser fetched while loading the page, vs the manifest's list. */
  network: {fetched: string[]; notInManifest: string[]; notFetched: string[]};
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `docusaurus serve` of the built site in `dir` on a free port, logging to
 * `logPath`; resolves once it answers. Every bench stage that loads pages in
 * a browser serves through this.
 */
export async function serveBuilt(dir: string, logPath = path.join(dir, 'serve.log')): Promise<{url: string; child: ChildProcess; stop: () => Promise<void>}> {
  const port = await freePort();
  const logFile = fs.openSync(logPath, 'w');
  const child = spawn(process.execPath, [DOCUSAURUS_BIN, 'serve', '--port', String(port), '--host', '127.0.0.1', '--no-open'], {
    cwd: dir,
    env: {...process.env, NO_UPDATE_NOTIFIER: '1'},
    stdio: ['ignore', logFile, logFile],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    fs.closeSync(logFile);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docusaurus serve in ${dir} exited with ${child.exitCode}; see ${logPath}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`docusaurus serve did not answer on ${url} within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {url, child, stop};
}

interface ExportShape {
  counts: {threats: number};
  models: Array<{threats: Array<{severity: string}>}>;
}

/** Severity values to select, each followed by "All", skipping a value that would not change the count. */
function filterPlan(data: ExportShape, cycles: number): Array<{value: string; expected: number}> {
  const total = data.counts.threats;
  const counts = new Map<string, number>();
  for (const m of data.models) for (const t of m.threats) counts.set(t.severity, (counts.get(t.severity) ?? 0) + 1);
  const plan: Array<{value: string; expected: number}> = [];
  for (let c = 0; c < cycles; c++) {
    for (const severity of ['critical', 'high', 'medium', 'low']) {
      const n = counts.get(severity) ?? 0;
      if (n === total) continue;
      plan.push({value: severity, expected: n}, {value: '', expected: total});
    }
  }
  return plan;
}

interface LoafEntry {
  start: number;
  duration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  blockingDuration: number;
}

/** A long animation frame, split: script (tasks before rendering), then rendering, of which style and layout. */
export interface FrameBreakdown {
  frameMs: number;
  scriptMs: number;
  renderMs: number;
  styleAndLayoutMs: number;
}

async function measureChange(page: Page, value: string): Promise<{updatedMs: number; paintedMs: number; text: string; breakdown?: FrameBreakdown}> {
  await page.evaluate(() => {
    const w = window as unknown as {__probe?: Record<string, unknown>};
    const status = document.querySelector('.tm-count[role="status"]')!;
    const probe: Record<string, unknown> = {before: status.textContent, frames: []};
    w.__probe = probe;
    // Long animation frames (Chromium): where a slow update's frame spends its time.
    try {
      const loaf = new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as Array<{startTime: number; duration: number; renderStart: number; styleAndLayoutStart: number; blockingDuration: number}>) {
          (probe.frames as unknown[]).push({start: e.startTime, duration: e.duration, renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart, blockingDuration: e.blockingDuration});
        }
      });
      loaf.observe({type: 'long-animation-frame', buffered: false});
      probe.loaf = loaf;
    } catch {
      // not supported
    }
    document.addEventListener('input', () => {
      probe.t0 ??= performance.now();
    }, {capture: true, once: true});
    const observer = new MutationObserver(() => {
      if (status.textContent === probe.before || probe.t1 !== undefined) return;
      probe.t1 = performance.now();
      probe.text = status.textContent;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => {
        probe.t2 = performance.now();
      }, 0));
    });
    observer.observe(status, {childList: true, characterData: true, subtree: true});
  });
  await page.locator('form.tm-filters label', {hasText: 'Severity'}).locator('select').selectOption(value);
  await page.waitForFunction(() => (window as unknown as {__probe: {t2?: number}}).__probe.t2 !== undefined, undefined, {timeout: 60_000, polling: 50});
  // Let the frame's long-animation-frame entry arrive.
  await page.waitForTimeout(50);
  const probe = await page.evaluate(() => {
    const p = (window as unknown as {__probe: {t0: number; t1: number; t2: number; text: string; frames: LoafEntry[]; loaf?: PerformanceObserver}}).__probe;
    p.loaf?.disconnect();
    return {t0: p.t0, t1: p.t1, t2: p.t2, text: p.text, frames: p.frames};
  });
  // The frame that rendered the change: the long frame that started at or before t1 and ended after it.
  const frame = probe.frames.find((f) => f.start <= probe.t1 + 1 && f.start + f.duration >= probe.t1);
  const breakdown = frame
    ? {
        frameMs: round(frame.duration, 1),
        scriptMs: round((frame.renderStart || frame.start + frame.duration) - frame.start, 1),
        renderMs: round(frame.renderStart ? frame.start + frame.duration - frame.renderStart : 0, 1),
        styleAndLayoutMs: round(frame.styleAndLayoutStart ? frame.start + frame.duration - frame.styleAndLayoutStart : 0, 1),
      }
    : undefined;
  return {updatedMs: probe.t1 - probe.t0, paintedMs: probe.t2 - probe.t0, text: probe.text, breakdown};
}

export async function measureReference(site: Site, options: {cycles: number}): Promise<ReferenceResult> {
  const buildDir = path.join(site.dir, 'build');
  const exportFile = path.join(buildDir, 'threat-models.json');
  const data = JSON.parse(fs.readFileSync(exportFile, 'utf8')) as ExportShape;
  const weight = pageWeight(site.dir, '/reference');
  // The route's props module holds the data the page renders.
  const propsFiles = propsChunkFiles(site.dir, '/reference');
  const dataAsset = weight.assets.find((a) => propsFiles.includes(a.file));
  if (!dataAsset) throw new Error(`No props chunk found for /reference in ${site.dir}`);
  const exportBytes = fs.readFileSync(exportFile);

  const server = await serveBuilt(site.dir);
  const browser = await chromium.launch({executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu']});
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const fetched = new Set<string>();
    page.on('request', (request) => {
      const type = request.resourceType();
      if (type === 'script' || type === 'stylesheet') fetched.add(new URL(request.url()).pathname.replace(/^\//, ''));
    });
    const url = `${server.url}/reference`;
    await page.goto(url, {waitUntil: 'load', timeout: 120_000});
    // Hydrated once React has attached its fiber to the select.
    await page.waitForFunction(() => {
      const select = document.querySelector('form.tm-filters select');
      return Boolean(select && Object.keys(select).some((k) => k.startsWith('__reactFiber')));
    }, undefined, {timeout: 120_000, polling: 'raf'});
    const hydratedMs = await page.evaluate(() => performance.now());
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const fetchedList = [...fetched].sort();

    const samples: FilterSample[] = [];
    for (const step of filterPlan(data, options.cycles)) {
      const r = await measureChange(page, step.value);
      const shown = Number(/Showing (\d+)/.exec(r.text)?.[1]);
      if (shown !== step.expected) throw new Error(`After selecting Severity "${step.value || 'All'}" the count says "${r.text}", expected ${step.expected}`);
      // Once hydrated, the table lists at most PAGE_SIZE of the matching rows.
      const rows = await page.locator('table.tm-threats tbody tr').count();
      if (rows !== Math.min(step.expected, PAGE_SIZE)) throw new Error(`After selecting Severity "${step.value || 'All'}" the table has ${rows} rows, expected ${Math.min(step.expected, PAGE_SIZE)}`);
      samples.push({value: step.value || 'All', expected: step.expected, updatedMs: round(r.updatedMs, 1), paintedMs: round(r.paintedMs, 1), ...(r.breakdown ? {frame: r.breakdown} : {})});
      await page.waitForTimeout(100);
    }
    const total = data.counts.threats;
    if (total > PAGE_SIZE) {
      await page.locator('form.tm-filters label', {hasText: 'Severity'}).locator('select').selectOption('');
      // A correctness check, not a timed figure: rendering every row takes long on a loaded machine.
      await page.getByRole('button', {name: `Show all ${total} threats`}).click({timeout: 300_000});
      const rows = await page.locator('table.tm-threats tbody tr').count();
      if (rows !== total) throw new Error(`"Show all" left ${rows} rows, expected ${total}`);
    }
    const updated = samples.map((s) => s.updatedMs);
    const painted = samples.map((s) => s.paintedMs);
    const manifestFiles = new Set(weight.assets.map((a) => a.file));
    const frames = samples.flatMap((x) => (x.frame ? [x.frame] : []));
    const frameMedian = frames.length === 0 ? undefined : {
      frames: frames.length,
      frameMs: round(median(frames.map((f) => f.frameMs)), 1),
      scriptMs: round(median(frames.map((f) => f.scriptMs)), 1),
      renderMs: round(median(frames.map((f) => f.renderMs)), 1),
      styleAndLayoutMs: round(median(frames.map((f) => f.styleAndLayoutMs)), 1),
    };
    const result: ReferenceResult = {
      threats: data.counts.threats,
      url: '/reference',
      chromium: browser.version(),
      hydratedMs: round(hydratedMs, 0),
      samples,
      updatedMedianMs: round(median(updated), 1),
      updatedMaxMs: round(Math.max(...updated), 1),
      paintedMedianMs: round(median(painted), 1),
      paintedP90Ms: round(percentile(painted, 90), 1),
      ...(frameMedian ? {frameMedian} : {}),
      goalMs: FILTER_GOAL_MS,
      met: median(updated) < FILTER_GOAL_MS,
      html: {bytes: weight.htmlBytes, gzipBytes: weight.htmlGzipBytes},
      data: {file: dataAsset.file, bytes: dataAsset.bytes, gzipBytes: dataAsset.gzipBytes},
      exportJson: {bytes: exportBytes.length, gzipBytes: zlib.gzipSync(exportBytes, {level: 6}).length},
      weight,
      network: {
        fetched: fetchedList,
        notInManifest: fetchedList.filter((f) => !manifestFiles.has(f)),
        notFetched: [...manifestFiles].filter((f) => !fetched.has(f)),
      },
    };
    log(`  reference: ${result.threats} threats, hydrated after ${fmtMs(result.hydratedMs)}; filter → updated count median ${fmtMs(result.updatedMedianMs)} (max ${fmtMs(result.updatedMaxMs)}), → next paint median ${fmtMs(result.paintedMedianMs)}; HTML ${fmtBytes(result.html.bytes)}, data chunk ${fmtBytes(result.data.bytes)}`);
    return result;
  } finally {
    await browser.close();
    await server.stop();
  }
}
