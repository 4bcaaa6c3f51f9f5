import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {expect, test} from '@playwright/test';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

test('a site with a broken threat model fails `docusaurus build` with file:line:column and a hint', async () => {
  test.setTimeout(120_000);
  const site = path.join(__dirname, 'fixtures/broken-site');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-build-'));
  let failure: {code?: number; stdout?: string; stderr?: string} | undefined;
  try {
    await run(path.join(root, 'node_modules/.bin/docusaurus'), ['build', site, '--out-dir', out], {
      cwd: root,
      env: {...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: '1'},
    });
  } catch (error) {
    failure = error as typeof failure;
  } finally {
    fs.rmSync(out, {recursive: true, force: true});
    fs.rmSync(path.join(site, '.docusaurus'), {recursive: true, force: true});
  }
  expect(failure, 'the build must fail').toBeDefined();
  expect(failure!.code).not.toBe(0);
  const output = `${failure!.stdout}\n${failure!.stderr}`;
  expect(output).toContain('threat-models/web.md:33:3  error  Unknown field "Severty" (did you mean "Severity"?)  threat-model:unknown-field');
  expect(output).toContain('hint: Rename it to "Severity".');
  expect(output).not.toMatch(/^\s+at .*\(.*\.ts:\d+:\d+\)$/m);
});
