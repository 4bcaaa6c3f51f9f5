/**
 * Follow-up experiments behind the build-overhead and page-weight figures
 * (not part of `npm run bench`):
 *
 *   npx tsx bench/experiment.ts build --variant plain|threat-model [--files 2000]
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
import {buildSite, writeSite, type Site, type Variant} from './site';
import {measureReference} from './reference';
import {fmtMs, log, WORK} from './util';

function configSize(site: Site): number {
  const file = path.join(site.dir, '.docusaurus', 'docusaurus.config.mjs');
  return fs.existsSync(file) ? fs.statSync(file).size : Number.NaN;
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
  if (positionals[0] === 'profile') await profile(files, threats);
  else if (positionals[0] === 'build') {
    // One cold build of any variant, e.g. the plain 2,000-file site, to split the scale figure.
    const variant = (values.variant ?? 'plain') as Variant;
    const site = writeSite({name: `${variant === 'plain' ? 'plain' : 'tm'}-${files}x${threats}`, variant, corpus: {files, threats}});
    const run = await buildSite(site, {cold: true});
    process.stdout.write(`${JSON.stringify({...run, configBytes: configSize(site)}, null, 2)}\n`);
  } else if (positionals[0] === 'reference') {
    const name = `tm-${files}x${threats}`;
    const dir = path.join(WORK, `site-${name}`);
    if (!fs.existsSync(path.join(dir, 'build', 'threat-models.json'))) throw new Error(`${dir} is not built; run the full bench first`);
    const r = await measureReference({name, dir, variant: 'threat-model', corpus: {files, threats}, corpusData: {threats: files * threats, bytes: 0}}, {cycles: 3});
    process.stdout.write(`${JSON.stringify({...r, weight: undefined, network: undefined}, null, 2)}\n`);
  }
  else throw new Error('Usage: npx tsx bench/experiment.ts build|profile|reference [--files N] [--threats N] [--runs N]');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
