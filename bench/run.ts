/**
 * `npm run bench` (full) and `npm run bench -- --quick` (tiny, in `npm test`).
 *
 * Stages, each figure against its baseline:
 *   a. check vs bare parse (bench/check.ts);
 *   b. build overhead: `docusaurus build` of a corpus site with our remark
 *      plugin + sanitizer + reference plugin vs the same Markdown as plain
 *      docs, cold and warm;
 *   c. scale: cold build of 2,000 files vs 200 files, wall time and peak RSS
 *      of the process tree;
 *   d. page weight: gzipped JS+CSS of a threat page vs the same page built
 *      plain (and vs a plain docs page of the same build);
 *   e. the /reference page with 10,000 threats in Chromium: filter change →
 *      updated table; HTML and data size;
 *   f. evidence: the check of the site's own models with the CVE database
 *      against the same check without it (bench/evidence.ts);
 *   g. diagrams: cold build of the 200-file site whose files each have a
 *      `## Data flows` section (a diagram and flow tables per page) vs the
 *      same Markdown without those sections;
 *   lighthouse. Lighthouse mobile performance of this site's pages vs a stock
 *      Docusaurus site, both built in the same run (bench/lighthouse.ts); not
 *      in the default set. Alone, it writes bench/results/lighthouse-<date>.md.
 *
 * Writes bench/results/latest.{md,json} (full) or bench/.work/quick.{md,json}
 * (--quick). Exits 1 if a stage crashed; a missed goal is reported, not fatal.
 *
 * Options: --quick, --stages a,b,c,d,e,f,g,lighthouse (subset; also by name: check,
 *   overhead, scale, weight, reference, evidence, diagrams), --keep (keep quick
 * sites), --runs N (Lighthouse runs per page, default 3, 1 with --quick).
 */
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {formatCheckResult, runCheckBench, CHECK_GOAL, type CheckBenchResult} from './check';
import {formatEvidenceResult, runEvidenceBench, EVIDENCE_GOAL, type EvidenceBenchResult} from './evidence';
import {buildSite, writeSite, type BuildRun, type Site, type SiteSpec} from './site';
import {measureReference, FILTER_GOAL_MS, type ReferenceResult} from './reference';
import {pageWeight, weightDiff, type PageWeight} from './weight';
import {lighthouseMarkdown, measureLighthouse, type LighthouseResult} from './lighthouse';
import {fmtBytes, fmtMs, loadAverage, log, machine, median, REPO, RESULTS, round, WORK, type Machine} from './util';

/* ------------------------------------------------------------------ */
/* Plan                                                                */
/* ------------------------------------------------------------------ */

interface Plan {
  mode: 'quick' | 'full';
  check: {files: number; threats: number; runs: number};
  overhead: {files: number; threats: number; coldRuns: number; warmRuns: number};
  scale: {files: number; threats: number; runs: number};
  reference: {files: number; threats: number; cycles: number};
  diagrams: {files: number; threats: number; runs: number};
  lighthouse: {runs: number};
  /** Site folder names: bench/.work/site-<name>. */
  names: {tm: string; plain: string; large: string; reference: string; flows: string; noFlows: string};
  out: {md: string; json: string};
}

function plan(quick: boolean): Plan {
  if (quick) {
    const tag = `quick-${process.pid}`;
    return {
      mode: 'quick',
      check: {files: 20, threats: 5, runs: 3},
      overhead: {files: 3, threats: 4, coldRuns: 1, warmRuns: 1},
      scale: {files: 6, threats: 4, runs: 1},
      // Over the reference table's PAGE_SIZE, so paging and "Show all" run too.
      reference: {files: 30, threats: 10, cycles: 1},
      diagrams: {files: 3, threats: 4, runs: 1},
      lighthouse: {runs: 1},
      names: {tm: `${tag}-tm`, plain: `${tag}-plain`, large: `${tag}-tm-large`, reference: `${tag}-tm-large`, flows: `${tag}-flows`, noFlows: `${tag}-no-flows`},
      out: {md: path.join(WORK, 'quick.md'), json: path.join(WORK, 'quick.json')},
    };
  }
  return {
    mode: 'full',
    check: {files: 1000, threats: 10, runs: 7},
    overhead: {files: 200, threats: 10, coldRuns: 3, warmRuns: 3},
    scale: {files: 2000, threats: 10, runs: 1},
    reference: {files: 1000, threats: 10, cycles: 3},
    diagrams: {files: 200, threats: 10, runs: 3},
    lighthouse: {runs: 3},
    names: {tm: 'tm-200x10', plain: 'plain-200x10', large: 'tm-2000x10', reference: 'tm-1000x10', flows: 'flows-200x10', noFlows: 'no-flows-200x10'},
    out: {md: path.join(RESULTS, 'latest.md'), json: path.join(RESULTS, 'latest.json')},
  };
}

/* ------------------------------------------------------------------ */
/* Figures                                                             */
/* ------------------------------------------------------------------ */

type Unit = 'ms' | 'bytes' | 'count';

export interface Figure {
  id: string;
  stage: string;
  figure: string;
  value: number;
  unit: Unit;
  baseline: string;
  baselineValue: number | null;
  /** value / baseline, or value − baseline for `difference` figures. */
  ratio: number | null;
  ratioKind: 'ratio' | 'difference' | 'none';
  goal: string;
  /** null: informative, no goal. */
  met: boolean | null;
  note?: string;
}

interface Results {
  mode: Plan['mode'];
  date: string;
  machine: Machine;
  command: string;
  durationMs: number;
  figures: Figure[];
  errors: Array<{stage: string; message: string}>;
  stages: {
    check?: CheckBenchResult;
    evidence?: EvidenceBenchResult;
    diagrams?: {files: number; threats: number; runs: BuildRun[]};
    overhead?: {files: number; threats: number; runs: BuildRun[]};
    scale?: {small: {files: number; runs: BuildRun[]}; large: {files: number; runs: BuildRun[]}};
    weight?: {threatPage: PageWeight; samePagePlain: PageWeight; plainDocsPage: PageWeight; plainDocsPagePlainBuild: PageWeight; diff: Array<{asset: string; gzipDelta: number}>};
    reference?: {build?: BuildRun; result: ReferenceResult; baseline?: ReferenceResult};
    lighthouse?: LighthouseResult;
  };
}

function fmt(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  return unit === 'ms' ? fmtMs(value) : unit === 'bytes' ? fmtBytes(value) : String(value);
}

function fmtRatio(f: Figure): string {
  if (f.ratio === null) return 'n/a';
  if (f.ratioKind === 'difference') return `${f.ratio >= 0 ? '+' : ''}${fmt(f.ratio, f.unit)}`;
  return `${f.ratio.toFixed(2)}×`;
}

function status(f: Figure): string {
  return f.met === null ? 'info' : f.met ? 'met' : '**missed**';
}

export function markdownTable(figures: Figure[]): string {
  const rows = figures.map((f) =>
    `| ${f.figure} | ${fmt(f.value, f.unit)} | ${f.baseline} | ${fmt(f.baselineValue, f.unit)} | ${fmtRatio(f)} | ${f.goal} | ${status(f)} |`);
  return ['| Figure | Value | Baseline | Baseline value | Ratio / difference | Goal | Result |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** Only the Lighthouse stage ran: its own results file, not latest.md. */
function onlyLighthouse(r: Results): boolean {
  return Object.keys(r.stages).every((s) => s === 'lighthouse') && r.figures.every((f) => f.stage === 'lighthouse');
}

function markdownReport(r: Results, p: Plan): string {
  const m = r.machine;
  const lines = [
    `# Benchmark results (${r.mode})`,
    '',
    `- Date: ${r.date}`,
    `- Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB memory, Node ${m.node}, ${m.platform}; load average at start ${m.loadAverage.join(' / ')}`,
    `- Command: \`${r.command}\``,
    `- Duration: ${fmtMs(r.durationMs)}`,
    ...(onlyLighthouse(r) ? [] : [`- Sizes: check ${p.check.files} files × ${p.check.threats} threats (${p.check.runs} runs each); overhead ${p.overhead.files} × ${p.overhead.threats} (${p.overhead.coldRuns} cold + ${p.overhead.warmRuns} warm runs per variant); scale ${p.overhead.files} vs ${p.scale.files} files × ${p.scale.threats}; reference ${p.reference.files} × ${p.reference.threats}.`]),
    '',
    markdownTable(r.figures),
    '',
  ];
  const notes = r.figures.filter((f) => f.note);
  if (notes.length > 0) {
    lines.push('Notes:', '');
    for (const f of notes) lines.push(`- ${f.figure}: ${f.note}`);
    lines.push('');
  }
  const runs = [...new Set([...(r.stages.overhead?.runs ?? []), ...(r.stages.reference?.build ? [r.stages.reference.build] : []), ...(r.stages.scale?.large.runs ?? []), ...(r.stages.diagrams?.runs ?? [])])];
  if (runs.length > 0) {
    lines.push('Builds (wall time, peak RSS of the process tree, Docusaurus phases):', '');
    lines.push('| Site | Variant | Cache | Wall | Peak tree RSS | Load site | Bundling | SSG | Load avg before |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const b of runs) {
      const ph = (name: string) => (b.phases[name] === undefined ? 'n/a' : fmtMs(b.phases[name]!));
      lines.push(`| ${b.site} | ${b.variant} | ${b.cold ? 'cold' : 'warm'} | ${fmtMs(b.ms)} | ${fmtBytes(b.peakRssBytes)} | ${ph('Load site')} | ${ph('Bundling with rspack')} | ${ph('SSG')} | ${b.loadAverageBefore.join(' / ')} |`);
    }
    lines.push('');
  }
  if (r.stages.weight) {
    lines.push('Page-weight difference by asset (threat page, threat-model build vs plain build, gzip bytes):', '');
    for (const d of r.stages.weight.diff.slice(0, 8)) lines.push(`- \`${d.asset}\`: ${d.gzipDelta >= 0 ? '+' : ''}${fmtBytes(d.gzipDelta)}`);
    lines.push('');
  }
  if (r.stages.lighthouse) lines.push(lighthouseMarkdown(r.stages.lighthouse));
  if (r.errors.length > 0) {
    lines.push('Stages that crashed:', '');
    for (const e of r.errors) lines.push(`- ${e.stage}: ${e.message.split('\n')[0]}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/* ------------------------------------------------------------------ */
/* Stages                                                              */
/* ------------------------------------------------------------------ */

const GB6 = 6e9;
const WEIGHT_GOAL_BYTES = 10_000;
const OVERHEAD_GOAL = 1.1;
const SCALE_GOAL = 12;

function ratioFigure(partial: Omit<Figure, 'ratio' | 'ratioKind' | 'met'> & {goalRatio?: number; goalBelow?: number}): Figure {
  const {goalRatio, goalBelow, ...f} = partial;
  const ratio = f.baselineValue ? f.value / f.baselineValue : null;
  const met = goalRatio !== undefined ? ratio !== null && ratio <= goalRatio : goalBelow !== undefined ? f.value < goalBelow : null;
  return {...f, ratio: ratio === null ? null : round(ratio, 3), ratioKind: ratio === null ? 'none' : 'ratio', met};
}

async function stageCheck(p: Plan, r: Results): Promise<void> {
  const root = p.mode === 'quick' ? path.join(WORK, `corpus-${p.names.tm}`) : undefined;
  try {
    const c = await runCheckBench({...p.check, root});
    process.stdout.write(`${formatCheckResult(c)}\n`);
    r.stages.check = c;
    r.figures.push(ratioFigure({
      id: 'check', stage: 'a', figure: `Check (\`loadThreatModels\`), ${c.files} files × ${p.check.threats} threats, median of ${c.runs}`,
      value: c.checkMedian, unit: 'ms', baseline: 'bare parse of the same files in the site\'s dialect (GFM, directives, front matter), read from disk', baselineValue: c.parseMedian,
      goal: `≤ ${CHECK_GOAL}×`, goalRatio: CHECK_GOAL,
      note: `runs alternate (ABBA) after a warm-up, full GC before each; check ${c.checkMBps} MB/s of Markdown`,
    }));
  } finally {
    if (root && !keep) fs.rmSync(root, {recursive: true, force: true});
  }
}

function stageEvidence(p: Plan, r: Results): void {
  const e = runEvidenceBench(p.mode === 'quick' ? 3 : 15);
  process.stdout.write(`${formatEvidenceResult(e)}\n`);
  r.stages.evidence = e;
  r.figures.push(ratioFigure({
    id: 'evidence', stage: 'f', figure: `Check of the site's ${e.files} models with the CVE database (${e.cves} CVE IDs), median of ${e.runs}`,
    value: e.withMedian, unit: 'ms', baseline: 'the same check without evidence', baselineValue: e.withoutMedian,
    goal: `≤ ${EVIDENCE_GOAL}×`, goalRatio: EVIDENCE_GOAL,
    note: `runs alternate after a warm-up, full GC before each; median ratio of each run's pair ${e.pairedRatio}×; reading and validating the database alone: ${fmtMs(e.readMedian)}`,
  }));
}

async function stageOverhead(p: Plan, r: Results, sites: {tm?: Site; plain?: Site}): Promise<void> {
  const corpus = {files: p.overhead.files, threats: p.overhead.threats};
  const tm = writeSite({name: p.names.tm, variant: 'threat-model', corpus});
  const plain = writeSite({name: p.names.plain, variant: 'plain', corpus});
  log(`b: sites ${path.relative(REPO, tm.dir)} and ${path.relative(REPO, plain.dir)}: ${corpus.files} files × ${corpus.threats} threats, ${fmtBytes(tm.corpusData.bytes)}`);
  const runs: BuildRun[] = [];
  r.stages.overhead = {files: corpus.files, threats: corpus.threats, runs};
  const total = 2 * (p.overhead.coldRuns + p.overhead.warmRuns);
  let n = 0;
  for (const cold of [true, false]) {
    const count = cold ? p.overhead.coldRuns : p.overhead.warmRuns;
    for (let i = 0; i < count; i++) {
      // Alternate which variant goes first, so drift hits both alike.
      const order = i % 2 === 0 ? [tm, plain] : [plain, tm];
      for (const site of order) runs.push(await buildSite(site, {cold, label: `b ${++n}/${total}: `}));
    }
  }
  sites.tm = tm;
  sites.plain = plain;
  for (const cold of [true, false]) {
    const pick = (v: string) => runs.filter((b) => b.cold === cold && b.variant === v).map((b) => b.ms);
    const a = median(pick('threat-model'));
    const b = median(pick('plain'));
    r.figures.push(ratioFigure({
      id: `overhead-${cold ? 'cold' : 'warm'}`, stage: 'b',
      figure: `Build, ${cold ? 'cold' : 'warm'}, ${corpus.files} files × ${corpus.threats} threats, with our plugins (median of ${pick('threat-model').length})`,
      value: round(a, 0), unit: 'ms', baseline: 'same Markdown, plain docs (plugins off)', baselineValue: round(b, 0),
      goal: `≤ ${OVERHEAD_GOAL}×`, goalRatio: OVERHEAD_GOAL,
      note: cold ? 'cold: `.docusaurus`, `build` and `node_modules/.cache` deleted before each build' : 'warm: rspack persistent cache and `.docusaurus` from the previous build',
    }));
  }
  const rss = (v: string) => Math.max(...runs.filter((b) => b.cold && b.variant === v).map((b) => b.peakRssBytes));
  r.figures.push(ratioFigure({
    id: 'overhead-rss', stage: 'b', figure: `Peak RSS of a cold build, ${corpus.files} files, with our plugins`,
    value: rss('threat-model'), unit: 'bytes', baseline: 'plain docs build', baselineValue: rss('plain'), goal: 'none',
  }));
}

async function stageScale(p: Plan, r: Results, sites: {tm?: Site}): Promise<void> {
  const smallRuns = (r.stages.overhead?.runs ?? []).filter((b) => b.cold && b.variant === 'threat-model');
  if (smallRuns.length === 0) throw new Error('stage c needs the cold threat-model builds of stage b');
  const large = writeSite({name: p.names.large, variant: 'threat-model', corpus: {files: p.scale.files, threats: p.scale.threats}});
  log(`c: site ${path.relative(REPO, large.dir)}: ${p.scale.files} files × ${p.scale.threats} threats, ${fmtBytes(large.corpusData.bytes)}`);
  const runs: BuildRun[] = [];
  // Quick mode measures /reference on this same site first (stage e): reuse that cold build.
  const reused = r.stages.reference?.build && p.names.reference === p.names.large ? [r.stages.reference.build] : [];
  runs.push(...reused);
  for (let i = reused.length; i < p.scale.runs; i++) runs.push(await buildSite(large, {cold: true, label: `c ${i + 1}/${p.scale.runs}: `}));
  r.stages.scale = {small: {files: p.overhead.files, runs: smallRuns}, large: {files: p.scale.files, runs}};
  const ratioGoal = (SCALE_GOAL * p.scale.files) / (10 * p.overhead.files);
  r.figures.push(ratioFigure({
    id: 'scale-time', stage: 'c', figure: `Cold build, ${p.scale.files} files × ${p.scale.threats} threats (median of ${runs.length})`,
    value: round(median(runs.map((b) => b.ms)), 0), unit: 'ms', baseline: `cold build, ${p.overhead.files} files (stage b)`,
    baselineValue: round(median(smallRuns.map((b) => b.ms)), 0), goal: `≤ ${round(ratioGoal, 2)}×`, goalRatio: ratioGoal,
    note: p.mode === 'quick' ? 'quick mode: the goal is scaled to the file ratio (12× per 10× files)' : undefined,
  }));
  r.figures.push(ratioFigure({
    id: 'scale-rss', stage: 'c', figure: `Peak RSS of the build process tree, ${p.scale.files} files`,
    value: Math.max(...runs.map((b) => b.peakRssBytes)), unit: 'bytes', baseline: `${p.overhead.files} files (stage b)`,
    baselineValue: Math.max(...smallRuns.map((b) => b.peakRssBytes)), goal: 'below 6 GB (6×10⁹ bytes)', goalBelow: GB6,
    note: 'RSS of the build process and all descendants, summed, sampled from /proc every 250 ms',
  }));
}

function stageWeight(p: Plan, r: Results, sites: {tm?: Site; plain?: Site}): void {
  if (!sites.tm || !sites.plain) throw new Error('stage d needs the builds of stage b');
  const route = '/threat-models/uc-0001';
  const threatPage = pageWeight(sites.tm.dir, route);
  const samePagePlain = pageWeight(sites.plain.dir, route);
  const plainDocsPage = pageWeight(sites.tm.dir, '/docs/plain');
  const plainDocsPagePlainBuild = pageWeight(sites.plain.dir, '/docs/plain');
  const diff = weightDiff(threatPage, samePagePlain);
  r.stages.weight = {threatPage, samePagePlain, plainDocsPage, plainDocsPagePlainBuild, diff};
  const delta = threatPage.totalGzipBytes - samePagePlain.totalGzipBytes;
  const top = diff[0];
  r.figures.push({
    id: 'weight', stage: 'd', figure: `JS+CSS a threat page loads (gzip), ${p.overhead.files}-file site`,
    value: threatPage.totalGzipBytes, unit: 'bytes', baseline: 'same page built as plain docs', baselineValue: samePagePlain.totalGzipBytes,
    ratio: delta, ratioKind: 'difference', goal: '≤ +10 KB', met: delta <= WEIGHT_GOAL_BYTES,
    note: `${threatPage.assets.length} assets (HTML-declared + route chunks); largest difference: ${top ? `\`${top.asset}\` ${top.gzipDelta >= 0 ? '+' : ''}${fmtBytes(top.gzipDelta)}` : 'none'}`,
  });
  r.figures.push({
    id: 'weight-docs', stage: 'd', figure: 'JS+CSS a plain docs page loads (gzip), threat-model build',
    value: plainDocsPage.totalGzipBytes, unit: 'bytes', baseline: 'same docs page, plain build', baselineValue: plainDocsPagePlainBuild.totalGzipBytes,
    ratio: plainDocsPage.totalGzipBytes - plainDocsPagePlainBuild.totalGzipBytes, ratioKind: 'difference', goal: 'none', met: null,
    note: 'what every page of the site pays, threat page or not',
  });
  r.figures.push({
    id: 'weight-html', stage: 'd', figure: 'HTML of the threat page (gzip)',
    value: threatPage.htmlGzipBytes, unit: 'bytes', baseline: 'same page built as plain docs', baselineValue: samePagePlain.htmlGzipBytes,
    ratio: threatPage.htmlGzipBytes - samePagePlain.htmlGzipBytes, ratioKind: 'difference', goal: 'none', met: null,
  });
  log(`d: threat page ${fmtBytes(threatPage.totalGzipBytes)} gz vs plain ${fmtBytes(samePagePlain.totalGzipBytes)} gz (${delta >= 0 ? '+' : ''}${fmtBytes(delta)})`);
}

async function stageReference(p: Plan, r: Results, sites: {tm?: Site}): Promise<void> {
  const spec: SiteSpec = {name: p.names.reference, variant: 'threat-model', corpus: {files: p.reference.files, threats: p.reference.threats}};
  const site = writeSite(spec);
  let build: BuildRun;
  log(`e: site ${path.relative(REPO, site.dir)}: ${p.reference.files} files × ${p.reference.threats} threats`);
  build = await buildSite(site, {cold: true, label: 'e: '});
  log('e: measuring /reference in Chromium');
  const result = await measureReference(site, {cycles: p.reference.cycles});
  let baseline: ReferenceResult | undefined;
  if (sites.tm && fs.existsSync(path.join(sites.tm.dir, 'build', 'threat-models.json'))) {
    log(`e: baseline: /reference of ${sites.tm.name}`);
    baseline = await measureReference(sites.tm, {cycles: p.reference.cycles});
  }
  r.stages.reference = {build, result, baseline};
  const base = baseline ? `same, ${baseline.threats} threats (${p.overhead.files}-file site)` : 'none';
  r.figures.push(ratioFigure({
    id: 'reference-filter', stage: 'e', figure: `/reference, ${result.threats} threats: Severity filter change → count updated (median of ${result.samples.length})`,
    value: result.updatedMedianMs, unit: 'ms', baseline: base, baselineValue: baseline?.updatedMedianMs ?? null,
    goal: 'below 1 s', goalBelow: FILTER_GOAL_MS, note: `max ${fmtMs(result.updatedMaxMs)}; Chromium ${result.chromium}`,
  }));
  r.figures.push(ratioFigure({
    id: 'reference-paint', stage: 'e', figure: `/reference, ${result.threats} threats: filter change → next frame`,
    value: result.paintedMedianMs, unit: 'ms', baseline: base, baselineValue: baseline?.paintedMedianMs ?? null, goal: 'none',
    note: `p90 ${fmtMs(result.paintedP90Ms)}; includes style and layout of the table${result.frameMedian ? `; the long animation frame that renders it (median of ${result.frameMedian.frames}): ${fmtMs(result.frameMedian.frameMs)}, of which script ${fmtMs(result.frameMedian.scriptMs)}, rendering ${fmtMs(result.frameMedian.renderMs)} (style and layout ${fmtMs(result.frameMedian.styleAndLayoutMs)})` : ''}`,
  }));
  r.figures.push(ratioFigure({
    id: 'reference-hydrate', stage: 'e', figure: `/reference, ${result.threats} threats: navigation → hydrated`,
    value: result.hydratedMs, unit: 'ms', baseline: base, baselineValue: baseline?.hydratedMs ?? null, goal: 'none',
  }));
  r.figures.push(ratioFigure({
    id: 'reference-html', stage: 'e', figure: `/reference HTML, ${result.threats} threats`,
    value: result.html.bytes, unit: 'bytes', baseline: base, baselineValue: baseline?.html.bytes ?? null, goal: 'none',
    note: `gzip ${fmtBytes(result.html.gzipBytes)}`,
  }));
  r.figures.push(ratioFigure({
    id: 'reference-data', stage: 'e', figure: `/reference data (route props chunk), ${result.threats} threats`,
    value: result.data.bytes, unit: 'bytes', baseline: base, baselineValue: baseline?.data.bytes ?? null, goal: 'none',
    note: `gzip ${fmtBytes(result.data.gzipBytes)}; \`/threat-models.json\` ${fmtBytes(result.exportJson.bytes)} (gzip ${fmtBytes(result.exportJson.gzipBytes)})`,
  }));
  r.figures.push(ratioFigure({
    id: 'reference-weight', stage: 'e', figure: `JS+CSS /reference loads (gzip), ${result.threats} threats`,
    value: result.weight.totalGzipBytes, unit: 'bytes', baseline: base, baselineValue: baseline?.weight.totalGzipBytes ?? null, goal: 'none',
    note: result.network.notInManifest.length + result.network.notFetched.length === 0
      ? 'the browser fetched exactly the assets counted from the HTML and the client manifest'
      : `browser vs manifest: not in manifest ${result.network.notInManifest.join(', ') || 'none'}; not fetched ${result.network.notFetched.join(', ') || 'none'}`,
  }));
}

/**
 * Stage g: what data-flow sections cost a build, diagrams included (layout
 * with ELK and SVG for each page, the flow and element tables). Both sites
 * are the same corpus but for those sections (bench/corpus.ts keeps the rest
 * byte-identical), built cold in alternating order.
 */
async function stageDiagrams(p: Plan, r: Results): Promise<void> {
  const corpus = {files: p.diagrams.files, threats: p.diagrams.threats};
  const flows = writeSite({name: p.names.flows, variant: 'threat-model', corpus: {...corpus, dataFlows: true}});
  const none = writeSite({name: p.names.noFlows, variant: 'threat-model', corpus});
  log(`g: sites ${path.relative(REPO, flows.dir)} (${fmtBytes(flows.corpusData.bytes)}) and ${path.relative(REPO, none.dir)} (${fmtBytes(none.corpusData.bytes)})`);
  const runs: BuildRun[] = [];
  r.stages.diagrams = {...corpus, runs};
  for (let i = 0; i < p.diagrams.runs; i++) {
    const order = i % 2 === 0 ? [flows, none] : [none, flows];
    for (const [j, site] of order.entries()) runs.push(await buildSite(site, {cold: true, label: `g ${2 * i + j + 1}/${2 * p.diagrams.runs}: `}));
  }
  const ms = (site: Site) => median(runs.filter((b) => b.site === site.name).map((b) => b.ms));
  r.figures.push(ratioFigure({
    id: 'diagrams-cold', stage: 'g',
    figure: `Cold build, ${corpus.files} files × ${corpus.threats} threats, each page with a data-flow diagram (3 zones, 6 elements, 8 flows) and its tables (median of ${p.diagrams.runs})`,
    value: round(ms(flows), 0), unit: 'ms', baseline: 'same Markdown without the `## Data flows` sections and `Flows` fields', baselineValue: round(ms(none), 0),
    goal: 'none', note: 'cold: `.docusaurus`, `build` and `node_modules/.cache` deleted before each build',
  }));
}

const LIGHTHOUSE_GOAL = 95;

async function stageLighthouse(p: Plan, r: Results): Promise<void> {
  const result = await measureLighthouse({runs: p.lighthouse.runs});
  r.stages.lighthouse = result;
  for (const row of result.rows) {
    r.figures.push({
      id: `lighthouse-${row.page}`, stage: 'lighthouse', figure: `Lighthouse mobile performance score, \`${row.page}\` (median of ${row.runs})`,
      value: row.site.score, unit: 'count', baseline: `stock Docusaurus \`${row.stockPage}\``, baselineValue: row.stock.score,
      ratio: row.stock.score ? round(row.site.score / row.stock.score, 3) : null, ratioKind: row.stock.score ? 'ratio' : 'none',
      goal: `≥ ${LIGHTHOUSE_GOAL}`, met: row.site.score >= LIGHTHOUSE_GOAL,
    });
  }
}

/* ------------------------------------------------------------------ */
/* Main                                                                */
/* ------------------------------------------------------------------ */

let keep = false;

/** A mistake on the command line: reported in one line, exit code 2. */
class UsageError extends Error {}

/** What `npm run bench` runs without --stages; a run of other stages writes its own dated results file. */
const DEFAULT_STAGES = 'a,b,c,d,e,g';

/** Stages by letter, and by the names the docs use for them. */
const STAGE_NAMES: Record<string, string> = {check: 'a', overhead: 'b', scale: 'c', weight: 'd', reference: 'e', evidence: 'f', diagrams: 'g', lighthouse: 'lighthouse'};

function stageSet(list: string): Set<string> {
  const known = new Set(Object.values(STAGE_NAMES));
  const wanted = new Set<string>();
  for (const raw of list.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const stage = STAGE_NAMES[raw] ?? raw;
    if (!known.has(stage)) throw new UsageError(`Unknown stage "${raw}": use ${[...known].join(', ')} or ${Object.keys(STAGE_NAMES).join(', ')}`);
    wanted.add(stage);
  }
  return wanted;
}

async function main(): Promise<number> {
  const {values} = parseArgs({
    options: {
      quick: {type: 'boolean', default: false},
      stages: {type: 'string', default: DEFAULT_STAGES},
      keep: {type: 'boolean', default: false},
      runs: {type: 'string'},
      help: {type: 'boolean', short: 'h', default: false},
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('Usage: npm run bench -- [--quick] [--stages a,b,c,d,e,f,g,lighthouse] [--keep] [--runs N]\n  Stages by name: check (a), overhead (b), scale (c), weight (d), reference (e), evidence (f), diagrams (g), lighthouse.\n');
    return 0;
  }
  keep = values.keep;
  const p = plan(values.quick);
  if (values.runs !== undefined) {
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${values.runs}`);
    p.lighthouse.runs = runs;
  }
  const wanted = stageSet(values.stages);
  const started = performance.now();
  const r: Results = {
    mode: p.mode,
    date: new Date().toISOString(),
    machine: machine(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    durationMs: 0,
    figures: [],
    errors: [],
    stages: {},
  };
  log(`bench (${p.mode}): ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, load ${r.machine.loadAverage.join(' / ')}`);
  const sites: {tm?: Site; plain?: Site} = {};
  const stages: Array<[string, string, () => Promise<void> | void]> = [
    ['a', 'check vs bare parse', () => stageCheck(p, r)],
    ['f', 'check with the CVE database vs without', () => stageEvidence(p, r)],
    ['b', 'build overhead', () => stageOverhead(p, r, sites)],
    ['d', 'page weight', () => stageWeight(p, r, sites)],
    ['e', 'reference page at scale', () => stageReference(p, r, sites)],
    ['g', 'data-flow diagrams', () => stageDiagrams(p, r)],
    // The biggest build last: if it runs out of time or memory, every other figure is in.
    ['c', 'scale', () => stageScale(p, r, sites)],
    ['lighthouse', 'Lighthouse mobile vs stock Docusaurus', () => stageLighthouse(p, r)],
  ];
  for (const [id, name, run] of stages) {
    if (!wanted.has(id)) continue;
    const t = performance.now();
    log(`stage ${id} (${name}): start, load ${loadAverage().join(' / ')}`);
    try {
      await run();
      log(`stage ${id} (${name}): done in ${fmtMs(performance.now() - t)}`);
    } catch (error) {
      const message = (error as Error).stack ?? String(error);
      r.errors.push({stage: `${id} (${name})`, message});
      log(`stage ${id} (${name}): CRASHED after ${fmtMs(performance.now() - t)}:\n${message}`);
    }
  }
  r.durationMs = round(performance.now() - started, 0);
  r.figures.sort((x, y) => x.stage.localeCompare(y.stage));

  const defaults = stageSet(DEFAULT_STAGES);
  const partial = [...wanted].some((st) => !defaults.has(st)) || [...defaults].some((st) => !wanted.has(st));
  if (p.mode === 'full' && partial) {
    // Its own dated file, so that a run of some stages does not replace the full results.
    const stamp = r.date.slice(0, 16).replace(/:/g, '');
    const name = [...wanted].every((st) => st === 'lighthouse') ? 'lighthouse' : `stages-${[...wanted].sort().join('')}`;
    p.out = {md: path.join(RESULTS, `${name}-${stamp}.md`), json: path.join(WORK, `${name}-${stamp}.json`)};
  }
  fs.mkdirSync(path.dirname(p.out.json), {recursive: true});
  fs.writeFileSync(p.out.json, `${JSON.stringify(r, null, 2)}\n`);
  const md = markdownReport(r, p);
  fs.writeFileSync(p.out.md, md);
  process.stdout.write(`\n${markdownTable(r.figures)}\n\n`);
  const missed = r.figures.filter((f) => f.met === false);
  log(`wrote ${path.relative(REPO, p.out.md)} and ${path.relative(REPO, p.out.json)}; ${r.figures.length} figures, ${missed.length} missed goal(s)${missed.length ? `: ${missed.map((f) => f.id).join(', ')}` : ''}; ${r.errors.length} crashed stage(s)`);

  if (p.mode === 'quick' && !keep) {
    for (const name of new Set(Object.values(p.names))) fs.rmSync(path.join(WORK, `site-${name}`), {recursive: true, force: true});
  }
  return r.errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`bench: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
