/**
 * Every accepted case of the contributed-file corpus, built into one site
 * (`corpus-site.ts`) and loaded in the browser: no dialog opens, no element
 * carries an `on*` attribute or a script URL, each page holds exactly the
 * threats the reader found, the reference and the export count them all,
 * and nothing from outside the site is in the build.
 */
import {execFile, spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {expect, test} from '@playwright/test';
import {loadConfig, loadThreatModels} from '../../plugins/threat-model/index';
import {CORPUS_SITE, writeCorpusSite, type CorpusPage} from './corpus-site';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const docusaurus = path.join(root, 'node_modules/.bin/docusaurus');
const port = Number(process.env.E2E_CORPUS_PORT ?? 3211);
const base = `http://127.0.0.1:${port}`;
const out = path.join(CORPUS_SITE, 'build');

test.describe.configure({mode: 'serial'});

let pages: CorpusPage[] = [];
let server: ChildProcess | undefined;
/** Threat IDs of each use case, as the reader read them. */
let idsByUseCase = new Map<string, string[]>();

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const written = writeCorpusSite();
  pages = written.pages;
  await run(docusaurus, ['build', CORPUS_SITE, '--out-dir', out], {cwd: root, env: {...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: '1'}});
  const config = loadConfig(written.config);
  const {index} = loadThreatModels(config.dir, config, CORPUS_SITE);
  idsByUseCase = new Map(index.models.map((m) => [m.useCase, m.threats.map((t) => t.id)]));
  server = spawn(docusaurus, ['serve', CORPUS_SITE, '--dir', out, '--port', String(port), '--host', '127.0.0.1', '--no-open'], {cwd: root, stdio: 'ignore'});
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the corpus site did not start');
});

test.afterAll(() => {
  server?.kill();
});

/** Script hooks left in the page: `on*` attributes and script URLs. */
async function scriptHooks(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        const value = attribute.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (attribute.name.toLowerCase().startsWith('on')) found.push(`<${element.localName} ${attribute.name}>`);
        if (/^(javascript|vbscript|data:text)/.test(value) && /href|src|action|data|srcdoc/.test(attribute.name)) {
          found.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
        }
      }
    }
    return found;
  });
}

test('every accepted case renders its threats exactly as read, with no script', async ({page}) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  expect(pages.length).toBeGreaterThanOrEqual(20);
  for (const {name, threats} of pages) {
    let seen = 0;
    for (const kind of ['web', 'tool']) {
      const useCase = `${name}-${kind}`;
      await page.goto(`${base}/threat-models/${useCase}`, {waitUntil: 'load'});
      const expected = idsByUseCase.get(useCase) ?? [];
      // Each threat is a heading with its ID as anchor and its field table after it.
      const ids = await page.locator('article h3[id]').evaluateAll((nodes) => nodes.map((n) => n.id));
      expect(ids.filter((id) => /^[WT]\d+-\d+$/.test(id)), `${useCase}: threat headings`).toEqual(expected);
      await expect(page.locator('article dl.tm-fields'), `${useCase}: field tables`).toHaveCount(expected.length);
      expect(await scriptHooks(page), `${useCase}: script hooks`).toEqual([]);
      // The table of contents is rendered from HTML strings: only text and code may be in them.
      const tocMarkup = await page.locator('.table-of-contents a').evaluateAll((links) => links.map((a) => a.innerHTML));
      expect(tocMarkup.filter((html) => /<(?!\/?code>)/.test(html)), `${useCase}: table of contents`).toEqual([]);
      seen += expected.length;
    }
    expect(seen, `${name}: threats on its pages`).toBe(threats);
  }
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('the reference page and the export list every threat of every accepted case', async ({page}) => {
  const total = pages.reduce((n, p) => n + p.threats, 0);
  const exported = (await (await fetch(`${base}/threat-models.json`)).json()) as {counts: {threats: number}; models: Array<{useCase: string; threats: unknown[]}>};
  expect(exported.counts.threats).toBe(total);
  for (const [useCase, ids] of idsByUseCase) {
    expect(exported.models.find((m) => m.useCase === useCase)?.threats.length, useCase).toBe(ids.length);
  }
  await page.goto(`${base}/reference`);
  const ids = await page.locator('table.tm-threats tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-threat-id')));
  expect(ids.sort()).toEqual([...idsByUseCase.values()].flat().sort());
  expect(ids.length).toBe(total);
  expect(await scriptHooks(page)).toEqual([]);
});

test('the build holds no file from outside the site', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) throw new Error(`symbolic link in the build: ${full}`);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(out);
  expect(files.length).toBeGreaterThan(50);
  // Docusaurus copies linked local files into assets/files; none may be there.
  expect(files.filter((f) => f.includes(`${path.sep}assets${path.sep}files${path.sep}`))).toEqual([]);
  const leaked = files.filter((f) => {
    const text = fs.readFileSync(f, 'latin1');
    return text.includes('root:x:0:0') || text.includes('"name": "threat-model-site"');
  });
  expect(leaked).toEqual([]);
});
