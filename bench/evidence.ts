/**
 * `npm run bench:evidence -- [--runs 15]`
 *
 * What checking citations against the CVE database costs: the check of the
 * site's own threat models (`loadThreatModels` with `threat-model.config.ts`)
 * with `evidence` as configured against the same check without it. The
 * database is read and validated on every run, as `npm run check` and each
 * plugin load do. Runs alternate after one untimed warm-up of each, with a
 * full GC before every timed run; the figure is the ratio of the medians.
 */
import {parseArgs} from 'node:util';
import {loadConfig, type Config} from '../plugins/threat-model/lib/config';
import {readCveDatabase} from '../plugins/threat-model/lib/evidence';
import {loadThreatModels} from '../plugins/threat-model/lib/load';
import contentConfig from '../threat-model.config';
import {collectGarbage, fmtMs, log, median, REPO, round} from './util';

/** Goal for the ratio: the lookup may add at most a quarter to the check of the real content. */
export const EVIDENCE_GOAL = 1.25;

export interface EvidenceBenchResult {
  runs: number;
  files: number;
  threats: number;
  /** CVE IDs in the configured database. */
  cves: number;
  withMs: number[];
  withoutMs: number[];
  withMedian: number;
  withoutMedian: number;
  /** Reading and validating the database alone, median ms: the part of the difference that does not drown in the parse's noise. */
  readMedian: number;
  ratio: number;
  /** Median of each run's with/without ratio: the two halves of a run see nearly the same machine load. */
  pairedRatio: number;
  goal: number;
  met: boolean;
}

function checkOnce(config: Config): {files: number; threats: number; cves: number} {
  const {index, files, evidence, diagnostics} = loadThreatModels(config.dir, config, REPO);
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error('the site\'s threat models have errors: run npm run check');
  return {files: files.length, threats: index.models.reduce((n, m) => n + m.threats.length, 0), cves: Object.keys(evidence?.records ?? {}).length};
}

function time(fn: () => unknown): number {
  collectGarbage();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export function runEvidenceBench(runs: number): EvidenceBenchResult {
  const withEvidence = loadConfig(contentConfig);
  if (!withEvidence.evidence) throw new Error('No CVE database snapshot in data/nodejs-vuln-core, so the site configures no evidence: run npm run refresh-cve-db -- /path/to/security-wg first');
  const withoutEvidence: Config = {...withEvidence, evidence: undefined};
  const shape = checkOnce(withEvidence);
  time(() => checkOnce(withoutEvidence));
  const withMs: number[] = [];
  const withoutMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? [true, false] : [false, true];
    for (const on of order) (on ? withMs : withoutMs).push(time(() => checkOnce(on ? withEvidence : withoutEvidence)));
    log(`evidence: run ${i + 1}/${runs}: with ${fmtMs(withMs.at(-1)!)}, without ${fmtMs(withoutMs.at(-1)!)}`);
  }
  const readMs = Array.from({length: runs}, () => time(() => readCveDatabase(REPO, withEvidence.evidence!.cveDatabase)));
  const withMedian = median(withMs);
  const withoutMedian = median(withoutMs);
  const ratio = withMedian / withoutMedian;
  return {runs, ...shape, withMs, withoutMs, withMedian: round(withMedian, 1), withoutMedian: round(withoutMedian, 1), readMedian: round(median(readMs), 1), ratio: round(ratio, 3), pairedRatio: round(median(withMs.map((ms, i) => ms / withoutMs[i]!)), 3), goal: EVIDENCE_GOAL, met: ratio <= EVIDENCE_GOAL};
}

export function formatEvidenceResult(r: EvidenceBenchResult): string {
  return [
    `Evidence: check of ${r.files} files, ${r.threats} threats against ${r.cves} CVE IDs, median of ${r.runs}`,
    `  with the CVE database    ${fmtMs(r.withMedian)}`,
    `  without                  ${fmtMs(r.withoutMedian)}`,
    `  reading the database     ${fmtMs(r.readMedian)} (alone)`,
    `  ratio                    ${r.ratio}× (goal ≤ ${r.goal}×: ${r.met ? 'met' : 'MISSED'}); median ratio of each run's pair ${r.pairedRatio}×`,
  ].join('\n');
}

if (require.main === module) {
  const {values} = parseArgs({options: {runs: {type: 'string', default: '15'}}});
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, not ${values.runs}`);
  process.stdout.write(`${formatEvidenceResult(runEvidenceBench(runs))}\n`);
}
