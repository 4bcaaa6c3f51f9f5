/**
 * How a threat-model error ends a build. In a production build (outside
 * tests) the report alone goes to standard error and the process exits
 * with code 1; otherwise the error is thrown, and under `docusaurus start`
 * no stack traces are captured until the next macrotask.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import test from 'node:test';
import {failBuild} from '../../plugins/threat-model/lib/fail-build';

const repo = path.join(__dirname, '..', '..');
const modulePath = path.join(repo, 'plugins', 'threat-model', 'lib', 'fail-build.ts');
const nextMacrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs `failBuild` in a fresh process with the given NODE_ENV and no test context. */
function runInChild(nodeEnv: string) {
  const env: NodeJS.ProcessEnv = {...process.env, NODE_ENV: nodeEnv};
  delete env.NODE_TEST_CONTEXT;
  const code = `const {failBuild} = require(${JSON.stringify(modulePath)});
try { failBuild(new Error('WEB-01: missing field "Severity"')); } catch (e) { process.stdout.write('thrown: ' + e.message); }`;
  return spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {cwd: repo, env, encoding: 'utf8'});
}

function withNodeEnv(value: string | undefined, run: () => void | Promise<void>): Promise<void> {
  const saved = process.env.NODE_ENV;
  if (value === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = value;
  const restore = () => {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  };
  return Promise.resolve().then(run).finally(restore);
}

test('failBuild', async (t) => {
  await t.test('should throw the very error it is given outside a production build', async () => {
    await withNodeEnv(undefined, () => {
      const error = new Error('one finding');
      assert.throws(() => failBuild(error), (thrown) => thrown === error);
      assert.notEqual(Error.stackTraceLimit, 0);
    });
  });

  await t.test('should throw rather than exit in a production build under the test runner', async () => {
    assert.ok(process.env.NODE_TEST_CONTEXT);
    await withNodeEnv('production', () => {
      assert.throws(() => failBuild(new Error('in tests')), {message: 'in tests'});
    });
  });

  await t.test('should capture no stack traces under docusaurus start until the next macrotask', async () => {
    const original = Error.stackTraceLimit;
    await withNodeEnv('development', async () => {
      assert.throws(() => failBuild(new Error('first')), {message: 'first'});
      assert.equal(Error.stackTraceLimit, 0);
      assert.equal(new Error('wrapper').stack, 'Error: wrapper');
      // A second error in the same macrotask keeps the original limit to restore.
      assert.throws(() => failBuild(new Error('second')), {message: 'second'});
      assert.equal(Error.stackTraceLimit, 0);
      await nextMacrotask();
      assert.equal(Error.stackTraceLimit, original);
      assert.match(new Error('later').stack ?? '', /\n\s+at /);
    });
  });

  await t.test('should print only the report and exit with code 1 in a production build', () => {
    const result = runInChild('production');
    assert.equal(result.status, 1);
    assert.equal(result.stderr, '\n[ERROR] WEB-01: missing field "Severity"\n');
    assert.equal(result.stdout, '');
  });
});
