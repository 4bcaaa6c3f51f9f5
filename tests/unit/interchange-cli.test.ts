/**
 * `npm run export`, called in-process through `runExport` with a fake
 * terminal: exit codes, error texts, output to a file, and that only the
 * export reaches standard output.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, {after} from 'node:test';
import type {Io} from '../../plugins/threat-model/lib/cli/check';
import {cliPermalinks, EXPORT_USAGE, runExport} from '../../plugins/threat-model/lib/cli/export';
import {FIXTURE_TODAY, materialise} from './corpus';
import {validatorFor} from './interchange';

const fixtures = path.join(__dirname, '..', 'fixtures');
const shared = path.join(fixtures, 'shared');
const config = path.join(fixtures, 'threat-model.config.ts');

async function exportRun(argv: string[], cwd = shared): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = '';
  let stderr = '';
  const io: Io = {cwd, today: FIXTURE_TODAY, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }};
  const code = await runExport(argv, io);
  return {code, stdout, stderr};
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-export-'));
  after(() => fs.rmSync(dir, {recursive: true, force: true}));
  return dir;
}

test('runExport', async (t) => {
  await t.test('should write each format to standard output, with the timing on standard error only', async () => {
    const validators = {'otm': validatorFor('otm-0.2.0.schema.json'), 'threat-composer': validatorFor('threat-composer-v1.schema.json'), 'tm-bom': validatorFor('tm-bom-1.0.2.schema.json')};
    for (const [format, validate] of Object.entries(validators)) {
      const run = await exportRun(['--format', format, '--config', config, 'threat-models']);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(validate(JSON.parse(run.stdout)), `${format}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      assert.match(run.stderr, new RegExp(`^Exported 2 models, \\d+ threats as ${format} in \\d+\\.\\d\\d s\\n$`));
    }
    const csv = await exportRun(['--format', 'csv', '--config', config]);
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout, /^id,title,use_case,/);
  });

  await t.test('should write to --output and say where on standard error', async () => {
    const target = path.join(tempDir(), 'nested', 'models.csv');
    const run = await exportRun(['--format', 'csv', '--config', config, '--output', target]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(fs.readFileSync(target, 'utf8'), /^id,title,/);
    assert.match(run.stderr, new RegExp(`^Exported 2 models, \\d+ threats as csv to ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in `));
  });

  await t.test('should make URLs absolute with --site-url', async () => {
    const run = await exportRun(['--format', 'csv', '--config', config, '--site-url', 'https://example.org/']);
    assert.match(run.stdout, /,https:\/\/example\.org\/threat-models\/web#WEB-01\r\n/);
  });

  await t.test('should exit 2 with a did-you-mean for a misspelt format', async () => {
    const run = await exportRun(['--format', 'otn', '--config', config]);
    assert.deepEqual(run, {code: 2, stdout: '', stderr: 'error: Unknown format "otn": did you mean "otm"?\n  hint: Use one of: otm, threat-composer, tm-bom, csv.\n'});
    const far = await exportRun(['--format', 'xlsx', '--config', config]);
    assert.equal(far.stderr, 'error: Unknown format "xlsx"\n  hint: Use one of: otm, threat-composer, tm-bom, csv.\n');
    assert.equal((await exportRun(['--format', 'threat-compser', '--config', config])).stderr.split('\n')[0], 'error: Unknown format "threat-compser": did you mean "threat-composer"?');
  });

  await t.test('should exit 2 without --format, on an unknown option, a bad site URL or a missing folder', async () => {
    assert.deepEqual(await exportRun(['--config', config]), {code: 2, stdout: '', stderr: 'error: Missing --format\n  hint: Use one of: otm, threat-composer, tm-bom, csv, e.g. `npm run export -- --format otm`.\n'});
    const unknown = await exportRun(['--format', 'csv', '--colour']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^error: Unknown option '--colour'/);
    const url = await exportRun(['--format', 'csv', '--config', config, '--site-url', 'example.org']);
    assert.equal(url.stderr, 'error: Not a site URL: example.org\n  hint: Pass the origin the site is served at, e.g. `--site-url https://example.org`.\n');
    const folder = await exportRun(['--format', 'csv', '--config', config, 'nowhere']);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /^error: Not a folder: nowhere\n/);
  });

  await t.test('should exit 1 and write nothing when the models have errors', async () => {
    const site = materialise(path.join(fixtures, 'dangling-flow'));
    after(() => fs.rmSync(site, {recursive: true, force: true}));
    const target = path.join(tempDir(), 'out.json');
    const run = await exportRun(['--format', 'otm', '--config', config, '--output', target], site);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.equal(fs.existsSync(target), false);
    assert.match(run.stderr, /threat-model:dangling-flow/);
    assert.match(run.stderr, /error: not exported: the threat models have 1 error\n {2}hint: fix them first; `npm run check` lists them\.\n$/);
  });

  await t.test('should print the usage for --help and exit 0', async () => {
    assert.deepEqual(await exportRun(['--help']), {code: 0, stdout: `${EXPORT_USAGE}\n`, stderr: ''});
  });

  await t.test('should give page paths as a docs instance at the route base path has them', () => {
    assert.deepEqual(cliPermalinks('threat-models', ['server', 'cli']), {server: '/threat-models/server', cli: '/threat-models/cli'});
  });

  await t.test('should run as `npm run export` and stop quietly when the reader closes the pipe', () => {
    const repo = path.join(__dirname, '..', '..');
    const out = execFileSync('bash', ['-c', 'npm run -s export -- --format csv | head -c 3; echo " rc=${PIPESTATUS[0]}"'], {cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
    assert.equal(out, 'id, rc=0\n');
  });
});
