/**
 * The client entry that evaluates the main bundle in several tasks
 * (src/plugins/perf/clientEntry.ts): the steps run in order, each after a new
 * task, and the plugin swaps Docusaurus's client entry for it, only in the
 * client bundle and only when the entry is the one it expects; and the code
 * block that keeps Prism out of the main bundle (src/plugins/perf/codeBlock):
 * highlighted in the server bundle, deferred in the client bundle, and the
 * eager Prism client module emptied only where the client modules import it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import {nextTask, runInTasks} from '../../src/plugins/perf/runInTasks';
import perfPlugin, {
  CODE_BLOCK_ALIAS,
  CODE_BLOCK_DEFERRED,
  CODE_BLOCK_HIGHLIGHTED,
  DOCUSAURUS_CLIENT_ENTRY,
  EMPTY_MODULE,
  PRISM_LANGUAGES_MODULE,
  replaceClientEntry,
  replaceEagerPrism,
  SITE_CLIENT_ENTRY,
} from '../../src/plugins/perf/index';

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

class FakeReplacementPlugin {
  constructor(
    readonly pattern: RegExp,
    readonly replace: unknown,
  ) {}
}
const utils = {currentBundler: {instance: {NormalModuleReplacementPlugin: FakeReplacementPlugin}}};
type Configure = (config: {entry: unknown}, isServer: boolean, u: typeof utils) => {resolve: {alias: Record<string, string>}; plugins?: FakeReplacementPlugin[]};

test('the plugin gives the client bundle the site entry, the deferred code block and the Prism replacement; the server bundle keeps its entry and gets the highlighted code block', () => {
  const configure = perfPlugin().configureWebpack as unknown as Configure;
  const client = {entry: DOCUSAURUS_CLIENT_ENTRY};
  const server = {entry: '/somewhere/serverEntry.js'};
  const clientResult = configure(client, false, utils);
  assert.equal(client.entry, SITE_CLIENT_ENTRY);
  assert.deepEqual(clientResult.resolve.alias, {[CODE_BLOCK_ALIAS]: CODE_BLOCK_DEFERRED});
  assert.equal(clientResult.plugins?.length, 1);
  assert.equal(clientResult.plugins[0]!.replace, replaceEagerPrism);
  assert.ok(clientResult.plugins[0]!.pattern.test('/x/node_modules/@docusaurus/theme-classic/lib/prism-include-languages'));
  const serverResult = configure(server, true, utils);
  assert.equal(server.entry, '/somewhere/serverEntry.js');
  assert.deepEqual(serverResult, {resolve: {alias: {[CODE_BLOCK_ALIAS]: CODE_BLOCK_HIGHLIGHTED}}});
  for (const file of [CODE_BLOCK_DEFERRED, CODE_BLOCK_HIGHLIGHTED, EMPTY_MODULE, SITE_CLIENT_ENTRY]) assert.ok(fs.existsSync(file), file);
});

test('the Prism languages module becomes the empty module only when the generated client modules import it', () => {
  const fromClientModules = {request: PRISM_LANGUAGES_MODULE.replace(/\.js$/, ''), contextInfo: {issuer: '/site/.docusaurus/client-modules.js'}};
  replaceEagerPrism(fromClientModules);
  assert.equal(fromClientModules.request, EMPTY_MODULE);
  const withExtension = {request: PRISM_LANGUAGES_MODULE, contextInfo: {issuer: '/site/.docusaurus/client-modules.js'}};
  replaceEagerPrism(withExtension);
  assert.equal(withExtension.request, EMPTY_MODULE);
  const fromCodeBlock = {request: '@docusaurus/theme-classic/lib/prism-include-languages', contextInfo: {issuer: CODE_BLOCK_HIGHLIGHTED}};
  replaceEagerPrism(fromCodeBlock);
  assert.equal(fromCodeBlock.request, '@docusaurus/theme-classic/lib/prism-include-languages');
  const sameFileElsewhere = {request: PRISM_LANGUAGES_MODULE, contextInfo: {issuer: CODE_BLOCK_HIGHLIGHTED}};
  replaceEagerPrism(sameFileElsewhere);
  assert.equal(sameFileElsewhere.request, PRISM_LANGUAGES_MODULE);
});

test('the highlighted code block registers the Prism languages before Docusaurus\'s own CodeBlock', () => {
  const source = fs.readFileSync(CODE_BLOCK_HIGHLIGHTED, 'utf8');
  assert.match(source, /import '@docusaurus\/theme-classic\/lib\/prism-include-languages';\s+export \{default\} from '@theme-init\/CodeBlock';/);
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
