/**
 * The plugin's lifecycle as Docusaurus drives it: `loadContent` reads and
 * checks the folder, `allContentLoaded` publishes the global data and the
 * reference route from the freshest read, under `docusaurus start` the
 * findings across files are printed once per change and never thrown.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test, {after} from 'node:test';
import type {LoadContext, Plugin} from '@docusaurus/types';
import fixtureConfig from '../fixtures/threat-model.config';
import {parseFrontMatter} from '../../plugins/threat-model/lib/front-matter-hook';
import type {ThreatModelGlobalData, ThreatModelPageData} from '../../plugins/threat-model/lib/global-data';
import threatModelPlugin, {type LoadedContent} from '../../plugins/threat-model/lib/plugin';
import {normalizeOptions} from '../../plugins/threat-model/lib/options';
import type {TriageData} from '../../plugins/threat-model/lib/triage-data';
import {materialise} from './corpus';
import type {ChangesData} from '../../plugins/threat-model/lib/history';
import {commitAll, run} from './diff-repo';

const fixtures = path.join(__dirname, '..', 'fixtures');

function site(): string {
  const dir = materialise(path.join(fixtures, 'valid'));
  after(() => fs.rmSync(dir, {recursive: true, force: true}));
  return dir;
}

function create(siteDir: string): Plugin<LoadedContent> {
  const context = {siteDir, baseUrl: '/', siteConfig: {markdown: {parseFrontMatter, mdx1Compat: {}}}} as unknown as LoadContext;
  return threatModelPlugin(context, normalizeOptions({config: fixtureConfig, cacheFile: false}));
}

/** Runs `allContentLoaded` as Docusaurus does, with the docs instance's pages, and returns what it published. */
async function publish(plugin: Plugin<LoadedContent>, content: LoadedContent) {
  const routes: Array<{path: string; component: string; props?: Record<string, unknown>}> = [];
  let globalData: ThreatModelGlobalData | undefined;
  const data: Record<string, ThreatModelPageData> = {};
  const docs = ['web', 'tool'].map((id) => ({source: `@site/threat-models/${id}.md`, permalink: `/threat-models/${id}`}));
  await plugin.allContentLoaded!({
    allContent: {
      'docusaurus-plugin-threat-model': {default: content},
      'docusaurus-plugin-content-docs': {'threat-models': {loadedVersions: [{docs}]}},
    },
    actions: {
      addRoute: (route: (typeof routes)[number]) => routes.push(route),
      setGlobalData: (data: unknown) => (globalData = data as ThreatModelGlobalData),
      createData: async (name: string, content: string) => {
        data[name] = JSON.parse(content) as ThreatModelPageData;
        return name;
      },
    },
  } as never);
  return {routes, globalData: globalData!, data};
}

/**
 * Captures what the plugin writes to stderr and stdout while `fn` runs. The
 * plugin writes text; the test runner of Node 24 sends its own events down
 * the same stdout as binary chunks meanwhile, and those go through untouched.
 */
async function output(fn: () => unknown): Promise<string> {
  const chunks: string[] = [];
  const writes = [process.stderr.write, process.stdout.write];
  const capture = (original: typeof process.stdout.write, stream: NodeJS.WriteStream) =>
    ((chunk: unknown, ...rest: unknown[]) =>
      typeof chunk === 'string' ? (chunks.push(chunk), true) : (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest)) as never;
  process.stderr.write = capture(writes[0]!, process.stderr);
  process.stdout.write = capture(writes[1]!, process.stdout);
  try {
    await fn();
  } finally {
    [process.stderr.write, process.stdout.write] = writes as [typeof process.stderr.write, typeof process.stdout.write];
  }
  return chunks.join('');
}

test('the threat-model plugin lifecycle', async (t) => {
  await t.test('should write each page the titles, pages and backlinks it shows from other threats', async () => {
    const plugin = create(site());
    const content = (await plugin.loadContent!())!;
    const {globalData, routes, data} = await publish(plugin, content);
    assert.deepEqual(Object.keys(data).sort(), ['page-tool.json', 'page-web.json']);
    assert.deepEqual(data['page-web.json']!.threats['TOOL-01'], {title: 'NODE_OPTIONS changes what a tool runs', url: '/threat-models/tool#TOOL-01'});
    assert.deepEqual(data['page-web.json']!.backlinks, {'WEB-01': ['TOOL-01']}, 'WEB-03 names WEB-01 too, from the same use case');
    assert.deepEqual(data['page-tool.json']!.threats['WEB-01'], {title: 'Request smuggling between a proxy and the server', url: '/threat-models/web#WEB-01'});
    // The site-wide summary stays small: it ships in every page's main bundle.
    assert.deepEqual(globalData.useCases.map((u) => [u.id, u.permalink, u.threats]), [['web', '/threat-models/web', 3], ['tool', '/threat-models/tool', 2]]);
    assert.deepEqual(Object.keys(globalData).sort(), ['exportPath', 'referencePath', 'runtime', 'useCases']);
    assert.equal(globalData.referencePath, '/reference');
    assert.deepEqual(routes.map((r) => [r.path, r.component]), [['/reference', '@theme/ThreatModelReference'], ['/is-this-a-vulnerability', '@theme/ThreatModelTriage'], ['/changes', '@theme/ThreatModelChanges']]);
    assert.equal((routes[0]!.props!.reference as {threats: unknown[]}).threats.length, 5);
  });

  await t.test('should read the folder again when another plugin\'s reload hands it stale content', async () => {
    const dir = site();
    const plugin = create(dir);
    const stale = (await plugin.loadContent!())!;
    const file = path.join(dir, 'threat-models', 'tool.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('` changes what a tool runs', '` decides what a tool runs'));
    const {data} = await publish(plugin, stale);
    assert.equal(data['page-web.json']!.threats['TOOL-01']?.title, 'NODE_OPTIONS decides what a tool runs');
  });

  await t.test('should print findings across files once per change under `docusaurus start`, and say when they are fixed', async () => {
    const dir = site();
    const plugin = create(dir);
    const file = path.join(dir, 'threat-models', 'web.md');
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, good.replace('- Related: TOOL-01', '- Related: TOOL-09'));
    const first = await output(() => plugin.loadContent!());
    assert.match(first, /^\n\[ERROR\] Threat models: 1 error across files \(run `npm run check` for the full report\):\nthreat-models\/web\.md:\d+:\d+ {2}error {2}Related ID "TOOL-09" in WEB-01 exists in no threat model {2}threat-model:unknown-related\n {2}hint: /);
    assert.doesNotMatch(first, /^\s+at /m, 'no stack trace');
    assert.equal(await output(() => plugin.loadContent!()), '', 'the same findings are not printed again');
    fs.writeFileSync(file, good);
    assert.equal(await output(() => plugin.loadContent!()), '\n[SUCCESS] Threat models: the errors across files are fixed.\n');
  });

  await t.test('should leave a page\'s own findings to its compilation, and keep its last good threats meanwhile', async () => {
    const dir = site();
    const plugin = create(dir);
    const before = await publish(plugin, (await plugin.loadContent!())!);
    const file = path.join(dir, 'threat-models', 'tool.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^- Severity: \w+$/m, '- Severity: severe'));
    let content: LoadedContent | undefined;
    assert.equal(await output(async () => (content = (await plugin.loadContent!())!)), '', 'nothing printed: the page\'s compilation reports it');
    // Unchanged data: no page is recompiled, so the mistake is reported once.
    assert.deepEqual(content, {files: ['threat-models/tool.md', 'threat-models/web.md']});
    const after = await publish(plugin, content!);
    assert.deepEqual([after.globalData, after.data], [before.globalData, before.data]);
  });

  await t.test('should watch the threat-model folder and provide its theme and styles', () => {
    const dir = site();
    const plugin = create(dir);
    assert.deepEqual(plugin.getPathsToWatch!(), [path.join(dir, 'threat-models', '**/*')]);
    const [stylesheet, diagram] = plugin.getClientModules!();
    assert.match(fs.readFileSync(stylesheet!, 'utf8'), /\.tm-badge \{/);
    assert.match(fs.readFileSync(diagram!, 'utf8'), /\.tm-dfd__svg \{/);
    const theme = plugin.getThemePath!();
    for (const component of ['ThreatModelReference', 'ThreatModelRelated', 'ThreatModelReferencedBy', 'ThreatModelThreatLink']) {
      assert.ok(fs.existsSync(path.join(theme, component, 'index.tsx')), component);
    }
  });
});

test('the triage route', async (t) => {
  const triageOf = async (plugin: Plugin<LoadedContent>) => {
    const {routes} = await publish(plugin, (await plugin.loadContent!())!);
    const route = routes.find((r) => r.component === '@theme/ThreatModelTriage') as (typeof routes)[number] & {exact?: boolean} | undefined;
    assert.ok(route, JSON.stringify(routes.map((r) => r.component)));
    return {route, data: route.props!.triage as TriageData};
  };

  await t.test('should add the triage page at the default path, with its data from the same export', async () => {
    const {route, data} = await triageOf(create(site()));
    assert.deepEqual([route.path, route.exact], ['/is-this-a-vulnerability', true]);
    assert.deepEqual([data.exportPath, data.schemaPath, data.referencePath], ['/threat-models.json', '/threat-models.schema.json', '/reference']);
    assert.deepEqual(data.useCases.map((u) => [u.id, u.url, u.runtimeThreats.map((x) => x.id), u.otherThreats.map((g) => [g.responsibility, g.threats.map((x) => x.id)])]), [
      ['web', '/threat-models/web', ['WEB-01'], [['application', ['WEB-03']], ['operator', ['WEB-02']]]],
      ['tool', '/threat-models/tool', [], [['application', ['TOOL-02']], ['operator', ['TOOL-01']]]],
    ]);
  });

  await t.test('should serve the page at a configured site.triagePath, under the site\'s base URL for the export', async () => {
    const siteDir = site();
    const context = {siteDir, baseUrl: '/security/', siteConfig: {markdown: {parseFrontMatter, mdx1Compat: {}}}} as unknown as LoadContext;
    const config = {...fixtureConfig, site: {triagePath: '/triage', referencePath: '/all'}};
    const {route, data} = await triageOf(threatModelPlugin(context, normalizeOptions({config, cacheFile: false})));
    assert.equal(route.path, '/triage');
    assert.deepEqual([data.exportPath, data.schemaPath, data.referencePath], ['/security/threat-models.json', '/security/threat-models.schema.json', '/all']);
  });
});

test('the changes route', async (t) => {
  const changesOf = async (plugin: Plugin<LoadedContent>) => {
    const {routes} = await publish(plugin, (await plugin.loadContent!())!);
    const route = routes.find((r) => r.component === '@theme/ThreatModelChanges');
    assert.ok(route, JSON.stringify(routes.map((r) => r.component)));
    return {route, changes: route.props!.changes as ChangesData};
  };

  await t.test('should say in the page that a site without its git history has no changes to list, and build', async () => {
    const {route, changes} = await changesOf(create(site()));
    assert.equal(route.path, '/changes');
    assert.deepEqual(route.props!.referencePath, '/reference');
    assert.deepEqual(changes, {runtime: 'Node.js', dir: 'threat-models', available: false,
      reason: 'This site was built from a copy of its files without the git history, so the changes cannot be listed.'});
  });

  await t.test('should list the commits of the site\'s repository, and read them again only after a new commit', async () => {
    const dir = site();
    run(dir, ['init', '-q']);
    commitAll(dir, 'First models', '2026-11-01T12:00:00Z');
    const plugin = create(dir);
    const first = await changesOf(plugin);
    assert.ok(first.changes.available);
    assert.deepEqual(first.changes.entries.map((e) => [e.subject, e.summary]), [['First models', '2 models added, 5 threats added']]);
    assert.equal((await changesOf(plugin)).changes, first.changes, 'the same commit checked out: the same data');
    fs.appendFileSync(path.join(dir, 'threat-models', 'web.md'), '\n');
    commitAll(dir, 'A blank line', '2026-11-02T12:00:00Z');
    const second = await changesOf(plugin);
    assert.ok(second.changes.available);
    assert.deepEqual(second.changes.entries.map((e) => [e.subject, e.summary]), [['A blank line', 'no changes to the threat models'], ['First models', '2 models added, 5 threats added']]);
  });
});
