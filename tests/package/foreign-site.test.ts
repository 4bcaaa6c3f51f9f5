/**
 * The plugin as a site owner gets it: `npm pack` the package, install the
 * tarball into a fresh minimal Docusaurus site in a temporary folder (no
 * link into this repository), give that site a two-use-case configuration
 * of its own, and build it and check it with the package's own commands.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, {after} from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';

const repo = path.resolve(__dirname, '..', '..');
const pluginDir = path.join(repo, 'plugins', 'threat-model');
const shared = path.join(repo, 'tests', 'fixtures', 'shared');
const rootPackage = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {dependencies: Record<string, string>};
const version = (name: string) => rootPackage.dependencies[name]!;

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NODE_ENV: undefined, FORCE_COLOR: '0'}});
  } catch (error) {
    const e = error as {status: number; stdout: string; stderr: string};
    throw new Error(`${command} ${args.join(' ')} exited with ${e.status}:\n${e.stdout}\n${e.stderr}`);
  }
}

const SITE_CONFIG = `import type {Config} from '@docusaurus/types';
import {threatModelSite} from 'docusaurus-plugin-threat-model';
import contentConfig from './threat-model.config';

const threatModels = threatModelSite({siteDir: __dirname, config: contentConfig});

const config: Config = {
  title: 'Acme runtime security model',
  url: 'https://acme.example',
  baseUrl: '/',
  future: {v4: true},
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {format: 'detect', parseFrontMatter: threatModels.parseFrontMatter, hooks: {onBrokenMarkdownLinks: 'throw'}},
  presets: [['classic', {docs: {routeBasePath: 'docs'}, blog: false}]],
  plugins: threatModels.plugins,
};

export default config;
`;

/** The site's own configuration file: the fixtures' two use cases and features, for a runtime called Acme. */
const CONTENT_CONFIG = `import {defineConfig} from 'docusaurus-plugin-threat-model';

export default defineConfig(${JSON.stringify({...fixtureConfig, runtime: 'Acme'}, null, 2)});
`;

/** The site's own home page, built from the plugin's data through the browser-safe entry. */
const HOME_PAGE = `import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import {useThreatModelData} from 'docusaurus-plugin-threat-model/client';

export default function Home() {
  const data = useThreatModelData();
  return (
    <Layout title="Home">
      <main className="container">
        <h1>{data.runtime} threat models</h1>
        <ul>
          {data.useCases.map((u) => (
            <li key={u.id}>
              <Link to={u.permalink}>{u.label}</Link> ({u.threats} threats)
            </li>
          ))}
        </ul>
        <Link to={data.referencePath}>All threats</Link>
      </main>
    </Layout>
  );
}
`;

test('the packed plugin builds a site of its own', {timeout: 600_000}, async (t) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'threat-model-package-'));
  after(() => fs.rmSync(work, {recursive: true, force: true}));
  const site = path.join(work, 'site');

  let tarball = '';

  await t.test('should pack with its compiled code, theme and README', () => {
    const output = run('npm', ['pack', '--json', '--pack-destination', work], pluginDir);
    const [packed] = JSON.parse(output.slice(output.indexOf('['))) as Array<{filename: string; files: Array<{path: string}>}>;
    tarball = path.join(work, packed!.filename);
    const files = packed!.files.map((f) => f.path);
    for (const file of ['dist/index.js', 'dist/client/index.js', 'dist/lib/plugin.js', 'dist/theme/ThreatModelReference/index.js', 'theme/ThreatModelRelated/index.tsx', 'README.md', 'package.json']) {
      assert.ok(files.includes(file), `${file} is in the package`);
    }
    assert.deepEqual(files.filter((f) => f.includes('.test.') || f.startsWith('node_modules/')), []);
  });

  await t.test('should install from the tarball into a fresh site, without a link into this repository', () => {
    fs.cpSync(path.join(shared, 'docs'), path.join(site, 'docs'), {recursive: true});
    fs.cpSync(path.join(shared, 'static'), path.join(site, 'static'), {recursive: true});
    fs.cpSync(path.join(shared, 'threat-models'), path.join(site, 'threat-models'), {recursive: true});
    fs.writeFileSync(path.join(site, 'docusaurus.config.ts'), SITE_CONFIG);
    fs.writeFileSync(path.join(site, 'threat-model.config.ts'), CONTENT_CONFIG);
    fs.mkdirSync(path.join(site, 'src', 'pages'), {recursive: true});
    fs.writeFileSync(path.join(site, 'src', 'pages', 'index.tsx'), HOME_PAGE);
    const dependencies = Object.fromEntries(
      ['@docusaurus/core', '@docusaurus/faster', '@docusaurus/preset-classic', '@mdx-js/react', 'react', 'react-dom'].map((name) => [name, version(name)]),
    );
    fs.writeFileSync(
      path.join(site, 'package.json'),
      `${JSON.stringify({name: 'acme-security-model', private: true, dependencies: {...dependencies, 'docusaurus-plugin-threat-model': `file:${tarball}`}}, null, 2)}\n`,
    );
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], site);
    const installed = path.join(site, 'node_modules', 'docusaurus-plugin-threat-model');
    assert.ok(!fs.lstatSync(installed).isSymbolicLink(), 'installed as files, not linked');
    assert.ok(!fs.realpathSync(installed).startsWith(repo), 'not inside this repository');
  });

  await t.test('should check the site with the package\'s command', () => {
    const output = run(path.join(site, 'node_modules', '.bin', 'threat-model-check'), [], site);
    assert.match(output, /^2 files, 5 threats: 0 errors, 0 warnings \(\d+ ms\)\n$/);
  });

  await t.test('should build the site: pages, cross-links from global data, the reference and the export', () => {
    run(process.execPath, [path.join(site, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'build'], site);
    const page = (route: string) => fs.readFileSync(path.join(site, 'build', route, 'index.html'), 'utf8');
    const web = page('threat-models/web');
    assert.match(web, /<h3[^>]*id=["]?WEB-01/);
    assert.match(web, /href=["]?\/threat-models\/tool#TOOL-01["]?>TOOL-01 \(NODE_OPTIONS changes what a tool runs\)<\/a>/, 'the Related link, with the title from the page data module');
    assert.match(web, /Acme vulnerability/);
    const home = page('');
    assert.ok(home.includes('<h1>Acme<!-- --> threat models</h1>'), 'the home page has the runtime from the plugin data');
    assert.ok(home.includes('<a href=/threat-models/web>Web server</a> (<!-- -->3<!-- --> threats)'), 'the home page links the use cases from the plugin data');
    const reference = page('reference');
    for (const id of ['WEB-01', 'WEB-02', 'WEB-03', 'TOOL-01', 'TOOL-02']) assert.ok(reference.includes(id), `${id} on /reference`);
    const exported = JSON.parse(fs.readFileSync(path.join(site, 'build', 'threat-models.json'), 'utf8')) as {runtime: string; counts: {threats: number}};
    assert.deepEqual([exported.runtime, exported.counts.threats], ['Acme', 5]);
    const css = fs.readdirSync(path.join(site, 'build', 'assets', 'css')).map((f) => fs.readFileSync(path.join(site, 'build', 'assets', 'css', f), 'utf8')).join('');
    assert.match(css, /\.tm-badge\{/, 'the plugin\'s stylesheet is in the site');
  });
});
