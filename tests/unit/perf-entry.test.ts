/**
 * The client entry that evaluates the main bundle in several tasks
 * (src/plugins/perf/clientEntry.ts): the steps run in order, each after a new
 * task, and the plugin swaps Docusaurus's client entry for it, only in the
 * client bundle and only when the entry is the one it expects.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import {nextTask, runInTasks} from '../../src/plugins/perf/runInTasks';
import perfPlugin, {DOCUSAURUS_CLIENT_ENTRY, replaceClientEntry, SITE_CLIENT_ENTRY} from '../../src/plugins/perf/index';

test('runInTasks runs the steps in order with one new task between two steps, none before the first', async () => {
  const log: string[] = [];
  const yieldTask = async () => {
    log.push('yield');
  };
  await runInTasks(
    [
      () => log.push('a'),
      async () => {
        await Promise.resolve();
        log.push('b');
      },
      () => log.push('c'),
    ],
    yieldTask,
  );
  assert.deepEqual(log, ['a', 'yield', 'b', 'yield', 'c']);
});

test('runInTasks stops at the first failing step and rejects with its error', async () => {
  const ran: string[] = [];
  await assert.rejects(
    runInTasks([() => ran.push('a'), () => Promise.reject(new Error('step b failed')), () => ran.push('c')], async () => {}),
    /^Error: step b failed$/,
  );
  assert.deepEqual(ran, ['a']);
});

test('nextTask resolves in a later task: after the microtasks and after a timer set before it', async () => {
  const order: string[] = [];
  setTimeout(() => order.push('earlier timer'), 0);
  const done = nextTask().then(() => order.push('nextTask'));
  queueMicrotask(() => order.push('microtask'));
  await done;
  assert.deepEqual(order, ['microtask', 'earlier timer', 'nextTask']);
});

test('the plugin gives the client bundle the site entry and leaves the server bundle alone', () => {
  const plugin = perfPlugin();
  const client = {entry: DOCUSAURUS_CLIENT_ENTRY};
  const server = {entry: '/somewhere/serverEntry.js'};
  const configure = plugin.configureWebpack as unknown as (config: {entry: unknown}, isServer: boolean) => unknown;
  assert.deepEqual(configure(client, false), {});
  assert.equal(client.entry, SITE_CLIENT_ENTRY);
  assert.deepEqual(configure(server, true), {});
  assert.equal(server.entry, '/somewhere/serverEntry.js');
});

test('an unexpected client entry is an error naming both entries', () => {
  assert.throws(
    () => replaceClientEntry({entry: './other.js'}),
    (error: Error) => error.message === `site-perf: expected the client entry to be ${DOCUSAURUS_CLIENT_ENTRY}, found "./other.js"`,
  );
});

test('the site entry ends with Docusaurus\'s own entry, and every step is an eager import (no extra chunk)', () => {
  const source = fs.readFileSync(SITE_CLIENT_ENTRY, 'utf8');
  const imports = [...source.matchAll(/import\(([^)]*)\)/g)].map((m) => m[1]!);
  assert.ok(imports.length >= 2);
  for (const i of imports) assert.match(i, /^\/\* webpackMode: "eager" \*\/ '/);
  assert.match(imports.at(-1)!, /'@docusaurus\/core\/lib\/client\/clientEntry'$/);
});
