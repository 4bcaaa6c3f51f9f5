/**
 * `npm run bench:check -- [--files 1000] [--threats 10] [--runs 7] [--seed N] [--profile]`
 *
 * The real check (`loadThreatModels`: list the folder, read every file,
 * parse front matter and body, run the per-file and cross-file rules, build
 * the index) against a bare parse of the same files, read from disk, in the
 * Markdown dialect the site renders (`parseMarkdown`: CommonMark with front
 * matter, directives and GFM), which the check must parse to read what the
 * site renders. A bare plain-CommonMark parse (`fromMarkdown`) is timed too,
 * for information: it shows the cost of the dialect itself. Runs alternate
 * after one untimed warm-up of each, with a full GC before every timed run;
 * the figure is the ratio of the medians (goal ≤ 1.3).
 *
 * `--profile` then profiles extra check runs with the inspector (the same
 * data as `node --cpu-prof`, restricted to the check), writes
 * `bench/.work/check.cpuprofile` and prints where the time goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import {Session} from 'node:inspector/promises';
import {parseArgs} from 'node:util';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {loadThreatModels} from '../plugins/threat-model/index';
import {listFiles} from '../plugins/threat-model/lib/load';
import {parseMarkdown} from '../plugins/threat-model/lib/markdown';
import {assertClean, generateCorpus, writeCorpus, DEFAULT_SEED, type WrittenCorpus} from './corpus';
import {collectGarbage, fmtBytes, fmtMs, log, median, round, WORK} from './util';

export const CHECK_GOAL = 1.3;

export interface CheckBenchOptions {
  files: number;
  threats: number;
  runs: number;
  seed?: number;
  /** Folder for the corpus (default `bench/.work/corpus-<files>x<threats>`). */
  root?: string;
  /** Profile this many extra check runs and summarise them. */
  profileRuns?: number;
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  selfPct: number;
}

export interface CheckProfile {
  file: string;
  runs: number;
  totalMs: number;
  /** Self time by module or package. */
  byArea: ProfileEntry[];
  /** Self time by function. */
  byFunction: ProfileEntry[];
  /** Inclusive time of the parser's main steps. */
  inclusive: ProfileEntry[];
}

export interface CheckBenchResult {
  files: number;
  threats: number;
  bytes: number;
  runs: number;
  seed: number;
  /** Real check (loadThreatModels), ms per run. */
  checkMs: number[];
  /** Bare parse of the same files in the site's dialect, ms per run. */
  parseMs: number[];
  /** Bare plain-CommonMark parse of the same files, ms per run (information). */
  commonmarkMs: number[];
  commonmarkMedian: number;
  /** Check against the plain-CommonMark parse (information). */
  commonmarkRatio: number;
  checkMedian: number;
  parseMedian: number;
  ratio: number;
  goal: number;
  met: boolean;
  /** Throughput of the real check, MB/s of Markdown. */
  checkMBps: number;
  profile?: CheckProfile;
}

/** Every `.md` under `dir`, sorted, read from disk and parsed in the site's dialect with nothing else. */
export function bareParse(dir: string): number {
  let nodes = 0;
  for (const file of listFiles(dir)) {
    const tree = parseMarkdown(fs.readFileSync(file, 'utf8'));
    nodes += tree.children.length;
  }
  return nodes;
}

/** The same with plain CommonMark, the parse the check used before it read the site's dialect. */
export function commonmarkParse(dir: string): number {
  let nodes = 0;
  for (const file of listFiles(dir)) {
    const tree = fromMarkdown(fs.readFileSync(file, 'utf8'));
    nodes += tree.children.length;
  }
  return nodes;
}

function realCheck(written: WrittenCorpus): number {
  const {index, diagnostics} = loadThreatModels('threat-models', written.config, written.root);
  if (diagnostics.length > 0) throw new Error(`check found ${diagnostics.length} findings in the synthetic corpus`);
  return index.models.length;
}

function time(fn: () => unknown): number {
  collectGarbage();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export async function runCheckBench(options: CheckBenchOptions): Promise<CheckBenchResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const root = options.root ?? path.join(WORK, `corpus-${options.files}x${options.threats}`);
  const corpus = generateCorpus({files: options.files, threats: options.threats, seed});
  const written = writeCorpus(root, corpus);
  const clean = assertClean(written);
  log(`check: corpus ${clean.files} files, ${clean.threats} threats, ${fmtBytes(corpus.bytes)} in ${path.relative(process.cwd(), root) || root}; check finds 0 errors, 0 warnings`);

  // Warm-up: JIT, module initialisation (zod, micromark), disk cache.
  time(() => realCheck(written));
  time(() => bareParse(written.dir));
  time(() => commonmarkParse(written.dir));

  const checkMs: number[] = [];
  const parseMs: number[] = [];
  const commonmarkMs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const order = i % 2 === 0 ? ['check', 'parse', 'commonmark'] : ['commonmark', 'parse', 'check'];
    for (const which of order) {
      if (which === 'check') checkMs.push(time(() => realCheck(written)));
      else if (which === 'parse') parseMs.push(time(() => bareParse(written.dir)));
      else commonmarkMs.push(time(() => commonmarkParse(written.dir)));
    }
    log(`check: run ${i + 1}/${options.runs}: check ${fmtMs(checkMs.at(-1)!)}, bare parse ${fmtMs(parseMs.at(-1)!)}, plain CommonMark ${fmtMs(commonmarkMs.at(-1)!)}`);
  }
  const commonmarkMedian = median(commonmarkMs);
  const checkMedian = median(checkMs);
  const parseMedian = median(parseMs);
  const ratio = checkMedian / parseMedian;
  const result: CheckBenchResult = {
    files: clean.files,
    threats: clean.threats,
    bytes: corpus.bytes,
    runs: options.runs,
    seed,
    checkMs: checkMs.map((v) => round(v, 1)),
    parseMs: parseMs.map((v) => round(v, 1)),
    checkMedian: round(checkMedian, 1),
    parseMedian: round(parseMedian, 1),
    commonmarkMs: commonmarkMs.map((v) => round(v, 1)),
    commonmarkMedian: round(commonmarkMedian, 1),
    commonmarkRatio: round(checkMedian / commonmarkMedian, 3),
    ratio: round(ratio, 3),
    goal: CHECK_GOAL,
    met: ratio <= CHECK_GOAL,
    checkMBps: round(corpus.bytes / 1e6 / (checkMedian / 1000), 2),
  };
  if (options.profileRuns && options.profileRuns > 0) {
    result.profile = await profileCheck(written, options.profileRuns, path.join(WORK, 'check.cpuprofile'));
  }
  return result;
}

/* ------------------------------------------------------------------ */
/* CPU profile of the check alone                                      */
/* ------------------------------------------------------------------ */

interface CpuNode {
  id: number;
  callFrame: {functionName: string; url: string; lineNumber: number};
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

async function profileCheck(written: WrittenCorpus, runs: number, file: string): Promise<CheckProfile> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', {interval: 100});
  await session.post('Profiler.start');
  for (let i = 0; i < runs; i++) realCheck(written);
  const {profile} = (await session.post('Profiler.stop')) as unknown as {profile: CpuProfile};
  session.disconnect();
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, JSON.stringify(profile));
  return {file, runs, ...summariseProfile(profile)};
}

/** Where a profile's samples land: by area (package or source file), by function, and inclusive steps. */
export function summariseProfile(profile: CpuProfile, extraSteps: string[] = []): Omit<CheckProfile, 'file' | 'runs'> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the next delta to it.
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const area = (url: string, name: string): string => {
    if (!url) return name.startsWith('(') ? name : '(native/V8)';
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg) return `npm: ${pkg[1]}`;
    const plugin = /plugins\/threat-model\/(.*)$/.exec(url);
    if (plugin) return `plugin: ${plugin[1]}`;
    if (url.startsWith('node:')) return 'node internals';
    return url.replace(/^file:\/\//, '').replace(`${path.resolve(__dirname, '..')}/`, '');
  };
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const {functionName, url, lineNumber} = node.callFrame;
    const a = area(url, functionName);
    areas.set(a, (areas.get(a) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'} ${url ? `${a.replace(/^(npm|plugin): /, '')}:${lineNumber + 1}` : ''}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }

  // Inclusive time of named steps: count each sample once per step, even under recursion.
  const steps = ['parseThreatModel', 'parseMarkdown', 'readThreatModel', 'readFrontMatter', 'parseDocument', 'validateFrontMatter', 'safeParse',
    'scanTree', 'checkHtml', 'normalizeDirectives', 'fillPositions', 'checkHeadings', 'checkHiddenThreats', 'pageAnchors', 'checkSource',
    'splitSections', 'readThreats', 'readTrust', 'readList', 'toString', 'readFileSync', 'buildIndex', 'checkRelated', 'checkUseCases',
    'checkDuplicateIds', 'checkLinks', 'readSite', 'decode', 'compareDiagnostics', ...extraSteps];
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur)!.callFrame.functionName;
      if (steps.includes(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
    }
  }
  const entries = (m: Map<string, number>, limit: number): ProfileEntry[] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, ms]) => ({name, selfMs: round(ms, 1), selfPct: round((100 * ms) / total, 1)}));
  return {totalMs: round(total, 1), byArea: entries(areas, 15), byFunction: entries(functions, 25), inclusive: entries(inclusive, steps.length)};
}

export function formatProfile(p: CheckProfile): string {
  const block = (title: string, rows: ProfileEntry[]) =>
    [`  ${title}:`, ...rows.map((r) => `    ${String(r.selfMs).padStart(9)} ms ${String(r.selfPct).padStart(5)}%  ${r.name}`)].join('\n');
  return [
    `profile of ${p.runs} run(s) (${fmtMs(p.totalMs)} sampled), written to ${p.file}:`,
    block('self time by area', p.byArea),
    block('self time by function', p.byFunction),
    block('inclusive time of steps (% of all samples)', p.inclusive),
  ].join('\n');
}

export function formatCheckResult(r: CheckBenchResult): string {
  return [
    `check vs bare parse: ${r.files} files, ${r.threats} threats, ${fmtBytes(r.bytes)}, ${r.runs} runs each (alternating)`,
    `  real check (loadThreatModels)   median ${fmtMs(r.checkMedian)}  [${r.checkMs.join(', ')}]  ${r.checkMBps} MB/s`,
    `  bare parse, site's dialect       median ${fmtMs(r.parseMedian)}  [${r.parseMs.join(', ')}]`,
    `  bare parse, plain CommonMark    median ${fmtMs(r.commonmarkMedian)}  [${r.commonmarkMs.join(', ')}]  (information)`,
    `  ratio ${r.ratio.toFixed(3)} (goal ≤ ${r.goal}): ${r.met ? 'met' : 'MISSED'}; against plain CommonMark ${r.commonmarkRatio.toFixed(3)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      files: {type: 'string', default: '1000'},
      threats: {type: 'string', default: '10'},
      runs: {type: 'string', default: '7'},
      seed: {type: 'string', default: String(DEFAULT_SEED)},
      profile: {type: 'boolean', default: false},
      json: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false},
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('Usage: npm run bench:check -- [--files 1000] [--threats 10] [--runs 7] [--seed N] [--profile] [--json]\n');
    return;
  }
  const result = await runCheckBench({
    files: Number(values.files),
    threats: Number(values.threats),
    runs: Number(values.runs),
    seed: Number(values.seed),
    profileRuns: values.profile ? 5 : 0,
  });
  process.stdout.write(`${formatCheckResult(result)}\n`);
  if (result.profile) process.stdout.write(`${formatProfile(result.profile)}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench:check failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
