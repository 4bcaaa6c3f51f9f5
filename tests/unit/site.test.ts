/**
 * The site around the threat models, read from disk as the build will serve
 * it: docs pages by route (file name without number prefixes, `id`, `slug`,
 * index files), React pages, the anchors of Markdown docs, and regular files
 * in the static folders. `_` files and folders are not pages, and symbolic
 * links are never followed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig, type Config} from '../../plugins/threat-model/lib/config';
import {readSite} from '../../plugins/threat-model/lib/site';

const config = loadConfig(fixtureConfig);
const shared = path.join(__dirname, '..', 'fixtures', 'shared');

function tempSite(t: {after: (fn: () => void) => void}, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-site-'));
  t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const withSite = (site: Partial<Config['site']>): Config => ({...config, site: {...config.site, ...site}});
const sorted = (routes: Set<string>) => [...routes].sort();

test('the shared fixture has a docs home, a docs page and a static image', () => {
  const site = readSite(shared, config);
  assert.deepEqual(sorted(site.routes), ['/docs', '/docs/permission-model']);
  assert.deepEqual(site.anchors('/docs/permission-model'), new Set(['flags']));
  assert.equal(site.isStaticFile('/img/logo.svg'), true);
});

test('a docs route comes from the file name, without number prefixes', (t) => {
  const dir = tempSite(t, {
    'docs/intro.md': '# Intro\n',
    'docs/01-guide/02-setup.md': 'Setup.\n',
    'docs/01-guide/03_usage.mdx': 'Usage.\n',
    'docs/api/http.md': 'HTTP.\n',
  });
  assert.deepEqual(sorted(readSite(dir, config).routes), ['/docs/api/http', '/docs/guide/setup', '/docs/guide/usage', '/docs/intro']);
});

test('index, README and a file named after its folder are the folder\'s route', (t) => {
  const dir = tempSite(t, {
    'docs/index.md': 'Home.\n',
    'docs/guide/README.md': 'Guide.\n',
    'docs/api/api.md': 'API.\n',
    'docs/cli/index.md': '---\nid: overview\n---\n\nCLI.\n',
  });
  assert.deepEqual(sorted(readSite(dir, config).routes), ['/docs', '/docs/api', '/docs/cli/overview', '/docs/guide']);
});

test('front matter id replaces the file name, and slug replaces the route', (t) => {
  const dir = tempSite(t, {
    'docs/guide/a.md': '---\nid: custom\n---\n',
    'docs/guide/b.md': '---\nslug: relative\n---\n',
    'docs/guide/c.md': '---\nslug: ./dotted\n---\n',
    'docs/guide/d.md': '---\nslug: /absolute/path\n---\n',
    'docs/guide/e.md': '---\nslug: /\n---\n',
    'docs/guide/f.md': '---\nslug: 42\n---\n',
  });
  assert.deepEqual(sorted(readSite(dir, config).routes), ['/docs', '/docs/absolute/path', '/docs/guide/custom', '/docs/guide/dotted', '/docs/guide/f', '/docs/guide/relative']);
});

test('files and folders starting with _ are not pages', (t) => {
  const dir = tempSite(t, {
    'docs/page.md': 'Page.\n',
    'docs/_partial.md': 'Partial.\n',
    'docs/_drafts/idea.md': 'Idea.\n',
    'docs/notes.txt': 'Not Markdown.\n',
    'src/pages/_layout.tsx': '',
    'src/pages/_parts/header.tsx': '',
  });
  assert.deepEqual(sorted(readSite(dir, config).routes), ['/docs/page']);
});

test('every docs instance is read under its own route base path', (t) => {
  const dir = tempSite(t, {
    'docs/a.md': 'A.\n',
    'community/b.md': 'B.\n',
    'root/c.md': 'C.\n',
  });
  const site = readSite(dir, withSite({docs: [
    {path: 'docs', routeBasePath: '/docs/'},
    {path: 'community', routeBasePath: 'community/team'},
    {path: 'root', routeBasePath: '/'},
  ]}));
  assert.deepEqual(sorted(site.routes), ['/c', '/community/team/b', '/docs/a']);
});

test('React and Markdown pages are routes, index files at their folder', (t) => {
  const dir = tempSite(t, {
    'src/pages/index.tsx': '',
    'src/pages/about.md': 'About.\n',
    'src/pages/blog/index.js': '',
    'src/pages/team.jsx': '',
    'src/pages/styles.module.css': '',
    'src/pages/card.module.tsx': '',
    'src/pages/logo.svg': '',
  });
  assert.deepEqual(sorted(readSite(dir, config).routes), ['', '/about', '/blog', '/team']);
  assert.deepEqual(sorted(readSite(dir, withSite({pagesDir: 'elsewhere'})).routes), [], 'the configured pages folder is the one read');
});

test('a site without docs, pages or static folders has no routes and no files', (t) => {
  const dir = tempSite(t, {});
  const site = readSite(dir, config);
  assert.equal(site.routes.size, 0);
  assert.equal(site.anchors('/docs'), undefined);
  assert.equal(site.isStaticFile('/img/logo.svg'), false);
});

test('the anchors of a Markdown doc are its headings as Docusaurus slugs them', (t) => {
  const dir = tempSite(t, {
    'docs/page.md': '\ufeff---\ntitle: Page\n---\n\n# Title\n\n## Flags and options\n\n## Flags and options\n\n### Custom {#my-anchor}\n',
    'docs/empty.md': 'No headings.\n',
    'docs/component.mdx': '## Heading\n',
  });
  const site = readSite(dir, config);
  assert.deepEqual([...site.anchors('/docs/page')!], ['title', 'flags-and-options', 'flags-and-options-1', 'my-anchor']);
  assert.deepEqual(site.anchors('/docs/empty'), new Set());
  assert.equal(site.routes.has('/docs/component'), true);
  assert.equal(site.anchors('/docs/component'), undefined, 'MDX anchors are not known');
  assert.equal(site.anchors('/docs/missing'), undefined);
});

test('anchors are read when first asked for, from the text read with the routes', (t) => {
  const dir = tempSite(t, {'docs/page.md': '## Before\n'});
  const site = readSite(dir, config);
  fs.writeFileSync(path.join(dir, 'docs/page.md'), '## After\n');
  assert.deepEqual(site.anchors('/docs/page'), new Set(['before']));
  assert.equal(site.anchors('/docs/page'), site.anchors('/docs/page'), 'the same set each time');
});

test('only regular files inside a static folder are static files', (t) => {
  const dir = tempSite(t, {
    'static/img/logo.png': 'png',
    'assets/data.json': '{}',
    'secret.txt': 'outside',
  });
  const site = readSite(dir, withSite({staticDirectories: ['static', 'assets']}));
  assert.equal(site.isStaticFile('/img/logo.png'), true);
  assert.equal(site.isStaticFile('/data.json'), true, 'any configured static folder');
  assert.equal(site.isStaticFile('/img'), false, 'a folder is not a file');
  assert.equal(site.isStaticFile('/'), false);
  assert.equal(site.isStaticFile('/img/missing.png'), false);
  assert.equal(site.isStaticFile('/img/logo.png/x'), false, 'a file is not a folder');
  assert.equal(site.isStaticFile('/../secret.txt'), false, 'no way out of the static folder');
  assert.equal(site.isStaticFile('/img/../../secret.txt'), false);
  assert.equal(readSite(dir, withSite({staticDirectories: []})).isStaticFile('/img/logo.png'), false);
});

test('symbolic links are never followed', (t) => {
  const dir = tempSite(t, {
    'outside/page.md': '## Outside\n',
    'outside/file.txt': 'outside',
    'static/real.txt': 'real',
  });
  fs.mkdirSync(path.join(dir, 'docs'));
  fs.symlinkSync(path.join(dir, 'outside/page.md'), path.join(dir, 'docs/linked.md'));
  fs.symlinkSync(path.join(dir, 'outside'), path.join(dir, 'docs/linked-folder'));
  fs.symlinkSync(path.join(dir, 'outside/file.txt'), path.join(dir, 'static/file.txt'));
  fs.symlinkSync(path.join(dir, 'outside'), path.join(dir, 'static/folder'));
  const site = readSite(dir, config);
  assert.equal(site.routes.size, 0);
  assert.equal(site.isStaticFile('/real.txt'), true);
  assert.equal(site.isStaticFile('/file.txt'), false, 'a linked file');
  assert.equal(site.isStaticFile('/folder/file.txt'), false, 'a file in a linked folder');
});
