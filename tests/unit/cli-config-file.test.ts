/**
 * How the CLI finds and loads the site's configuration: `threat-model.config.ts`
 * in the working folder unless `--config` names another file (relative to
 * that folder), loaded fresh as Docusaurus loads its own config (TypeScript,
 * ESM or CommonJS) and validated; a missing file is a usage error with a hint.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {CONFIG_FILE, UsageError, readConfigFile} from '../../plugins/threat-model/lib/cli/config-file';

const fixtures = path.join(__dirname, '..', 'fixtures');

function tempDir(t: {after: (fn: () => void) => void}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-config-'));
  t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
  return dir;
}

test('the default file is threat-model.config.ts in the working folder', async () => {
  assert.equal(CONFIG_FILE, 'threat-model.config.ts');
  const config = await readConfigFile(undefined, fixtures);
  assert.equal(config.runtime, 'Node.js');
  assert.deepEqual(config.useCases.map((u) => u.prefix), ['WEB', 'TOOL']);
  assert.equal(config.features.length, 3);
  assert.equal(config.site.referencePath, '/reference', 'defaults are filled in');
});

test('--config names a file relative to the working folder', async () => {
  const config = await readConfigFile('fixtures/threat-model.config.ts', path.join(fixtures, '..'));
  assert.equal(config.runtime, 'Node.js');
  const absolute = await readConfigFile(path.join(fixtures, CONFIG_FILE), os.tmpdir());
  assert.deepEqual(absolute, config);
});

test('a CommonJS file without a default export is read too', async (t) => {
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'site.config.cjs'), 'module.exports = {runtime: "Bun", useCases: [{id: "cli", label: "CLI", prefix: "CLI"}]};\n');
  const config = await readConfigFile('site.config.cjs', dir);
  assert.equal(config.runtime, 'Bun');
  assert.deepEqual(config.useCases, [{id: 'cli', label: 'CLI', prefix: 'CLI'}]);
});

test('a missing file is a usage error naming it, with a hint', async (t) => {
  const dir = tempDir(t);
  await assert.rejects(readConfigFile(undefined, dir), (error: unknown) => {
    assert.ok(error instanceof UsageError);
    assert.equal(error.name, 'UsageError');
    assert.equal(error.message, 'Configuration file not found: threat-model.config.ts');
    assert.equal(error.hint, 'Run the command from the site root, or pass --config <file>.');
    return true;
  });
  fs.mkdirSync(path.join(dir, 'sub'));
  await assert.rejects(readConfigFile('../other.ts', path.join(dir, 'sub')), {name: 'UsageError', message: 'Configuration file not found: ../other.ts'});
});

test('an invalid configuration is refused with its problems and the file named', async (t) => {
  const dir = tempDir(t);
  fs.mkdirSync(path.join(dir, 'conf'));
  fs.writeFileSync(path.join(dir, 'conf', 'bad.ts'), 'export default {runtime: "Deno", useCases: [{id: "web", label: "Web", prefix: "web"}]};\n');
  await assert.rejects(readConfigFile('conf/bad.ts', dir), (error: unknown) => {
    assert.ok(error instanceof Error);
    assert.ok(!(error instanceof UsageError), 'a bad configuration is not a usage error');
    assert.equal(error.message, `Invalid threat-model configuration in ${path.join('conf', 'bad.ts')}:\n  - useCases.0.prefix: use uppercase letters and digits`);
    return true;
  });
});

test('the file is loaded fresh each time, so an edit is seen', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, CONFIG_FILE);
  fs.writeFileSync(file, 'export default {runtime: "First", useCases: [{id: "web", label: "Web", prefix: "WEB"}]};\n');
  assert.equal((await readConfigFile(undefined, dir)).runtime, 'First');
  fs.writeFileSync(file, 'export default {runtime: "Second", useCases: [{id: "web", label: "Web", prefix: "WEB"}]};\n');
  assert.equal((await readConfigFile(undefined, dir)).runtime, 'Second');
});
