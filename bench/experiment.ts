/**
 * Follow-up experiments behind the build-overhead and page-weight figures
 * (not part of `npm run bench`):
 *
 *   npx tsx bench/experiment.ts closure [--files 200] [--threats 10] [--runs 2]
 *     Builds the `threat-model-closure` variant (the remark plugin's index in
 *     a closure, not in plugin options) cold and warm, and reports build
 *     time, peak RSS, the size of `.docusaurus/docusaurus.config.mjs` and the
 *     page weight, beside the same figures for the `threat-model` and
 *     `plain` sites of the last full run (bench/.work/site-tm-200x10 and
 *     site-plain-200x10), if they are built.
 *
 *   npx tsx bench/experiment.ts pair [--files 200] [--threats 10] [--runs 3]
 *     The closure variant against the plain site, cold and warm, alternating
 *     builds, so that both see the same load.
 *
 *   npx tsx bench/experiment.ts build --variant plain|threat-model|threat-model-closure [--files 2000]
 *     One cold build of that variant, with its phases and peak RSS.
 *
 *   npx tsx bench/experiment.ts reference [--files 1000] [--threats 10]
 *     Measures /reference of the already built threat-model site
 *     bench/.work/site-tm-<files>x<threats> again (stage e, 3 cycles), with
 *     the long-animation-frame breakdown of each update.
 *
 *   npx tsx bench/experiment.ts profile [--files 200] [--threats 10]
 *     One cold build of the threat-model site with `node --cpu-prof`, and a
 *     summary of where the build's main thread spends its time.
 */
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {summariseProfile, formatProfile, type CpuProfile} from './check';
import {buildSite, writeSite, type BuildRun, type Site, type Variant} from './site';
import {measureReference} from './reference';
import {pageWeight} from './weight';
import {fmtBytes, fmtMs, log, median, WORK} from './util';

function configSize(site: Site): number {
  const file = path.join(site.dir, '.docusaurus', 'docusaurus.config.mjs');
  return fs.existsSync(file) ? fs.statSync(file).size : Number.NaN;
}

function describe(site: Site): string {
  if (!fs.existsSync(path.join(site.dir, 'build', 'threat-models', 'uc-0001', 'index.html'))) return `${site.name}: not built`;
  const w = pageWeight(site.dir, '/threat-models/uc-0001');
  const main = w.assets.find((a) => /\/main\.[0-9a-f]+\.js$/.test(a.file));
  return `${site.name}: docusaurus.config.mjs ${fmtBytes(configSize(site))}; threat page JS+CSS ${fmtBytes(w.totalGzipBytes)} gz (main.js ${fmtBytes(main?.bytes ?? Number.NaN)}, ${fmtBytes(main?.gzipBytes ?? Number.NaN)} gz)`;
}

async function closure(files: number, threats: number, runs: number): Promise<void> {
  const corpus = {files, threats};
  const site = writeSite({name: `closure-${files}x${threats}`, variant: 'threat-model-closure', corpus});
  const results: BuildRun[] = [];
  for (const cold of [true, false]) {
    for (let i = 0; i < runs; i++) results.push(await buildSite(site, {cold, label: 'closure: '}));
  }
  const med = (cold: boolean) => median(results.filter((r) => r.cold === cold).map((r) => r.ms));
  log(`closure variant: cold median ${fmtMs(med(true))}, warm median ${fmtMs(med(false))}, peak RSS ${fmtBytes(Math.max(...results.map((r) => r.peakRssBytes)))}`);
  log(describe(site));
  for (const name of [`tm-${files}x${threats}`, `plain-${files}x${threats}`]) {
    const dir = path.join(WORK, `site-${name}`);
    if (fs.existsSync(dir)) log(describe({name, dir, variant: 'plain', corpus, corpusData: {threats: 0, bytes: 0}}));
  }
}

async function profile(files: number, threats: number): Promise<void> {
  const site = writeSite({name: `profile-${files}x${threats}`, variant: 'threat-model', corpus: {files, threats}});
  const dir = path.join(WORK, 'profiles');
  fs.rmSync(dir, {recursive: true, force: true});
  fs.mkdirSync(dir, {recursive: true});
  const run = await buildSite(site, {cold: true, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500']});
  log(`profiled build: ${fmtMs(run.ms)}, phases ${JSON.stringify(run.phases)}`);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const summary = summariseProfile(data, ['remarkThreatModel', 'insertSummary', 'decorateThreats', 'rehypeSanitizeThreatModel', 'sanitize',
      'createSiteConfigFile', 'generateSiteFiles', 'stringify', 'loadSite', 'renderToPipeableStream', 'compile', 'process', 'processSync',
      'loader', 'mdxLoader', 'runSyncOrAsync']);
    process.stdout.write(`${formatProfile({file: path.join(dir, file), runs: 1, ...summary})}\n`);
  }
}

async function main(): Promise<void> {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {
      files: {type: 'string', default: '200'},
      threats: {type: 'string', default: '10'},
      runs: {type: 'string', default: '2'},
      variant: {type: 'string'},
    },
  });
  const files = Number(values.files);
  const threats = Number(values.threats);
  if (positionals[0] === 'closure') await closure(files, threats, Number(values.runs));
  else if (positionals[0] === 'profile') await profile(files, threats);
  else if (positionals[0] === 'pair') {
    // Closure variant vs plain, cold then warm, alternating: the fix's overhead under the same load.
    const corpus = {files, threats};
    const a = writeSite({name: `closure-${files}x${threats}`, variant: 'threat-model-closure', corpus});
    const b = writeSite({name: `plain-${files}x${threats}`, variant: 'plain', corpus});
    const runs: BuildRun[] = [];
    for (const cold of [true, false]) {
      for (let i = 0; i < Number(values.runs); i++) {
        for (const site of i % 2 === 0 ? [a, b] : [b, a]) runs.push(await buildSite(site, {cold, label: 'pair: '}));
      }
    }
    for (const cold of [true, false]) {
      const m = (v: string) => median(runs.filter((r) => r.cold === cold && r.variant === v).map((r) => r.ms));
      log(`pair ${cold ? 'cold' : 'warm'}: closure ${fmtMs(m('threat-model-closure'))} vs plain ${fmtMs(m('plain'))} = ${(m('threat-model-closure') / m('plain')).toFixed(2)}×`);
      for (const r of runs.filter((x) => x.cold === cold)) log(`  ${r.variant} ${fmtMs(r.ms)} ${JSON.stringify(r.phases)}`);
    }
  } else if (positionals[0] === 'build') {
    // One cold build of any variant, e.g. the plain 2,000-file site, to split the scale figure.
    const variant = (values.variant ?? 'plain') as Variant;
    const site = writeSite({name: `${variant === 'plain' ? 'plain' : variant === 'threat-model' ? 'tm' : 'closure'}-${files}x${threats}`, variant, corpus: {files, threats}});
    const run = await buildSite(site, {cold: true});
    process.stdout.write(`${JSON.stringify({...run, configBytes: configSize(site)}, null, 2)}\n`);
  } else if (positionals[0] === 'reference') {
    const name = `tm-${files}x${threats}`;
    const dir = path.join(WORK, `site-${name}`);
    if (!fs.existsSync(path.join(dir, 'build', 'threat-models.json'))) throw new Error(`${dir} is not built; run the full bench first`);
    const r = await measureReference({name, dir, variant: 'threat-model', corpus: {files, threats}, corpusData: {threats: files * threats, bytes: 0}}, {cycles: 3});
    process.stdout.write(`${JSON.stringify({...r, weight: undefined, network: undefined}, null, 2)}\n`);
  }
  else throw new Error('Usage: npx tsx bench/experiment.ts closure|profile|reference [--files N] [--threats N] [--runs N]');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
