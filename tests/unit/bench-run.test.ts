/**
 * The bench's command line: stages by letter or by name, and an unknown
 * stage refused before anything is built.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import test from 'node:test';

const root = path.join(__dirname, '..', '..');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], {cwd: root, encoding: 'utf8'});

test('bench command line', async (t) => {
  await t.test('should refuse an unknown stage and name the stages it knows, letters and names', () => {
    const result = run('--stages', 'nope');
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'bench: Unknown stage "nope": use a, b, c, d, e, f, lighthouse or check, overhead, scale, weight, reference, evidence, lighthouse\n');
  });

  await t.test('should list the stage names in its usage', () => {
    const result = run('--help');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /--stages a,b,c,d,e,f,lighthouse/);
    assert.match(result.stdout, /evidence \(f\)/);
  });
});
