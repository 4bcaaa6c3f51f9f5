/**
 * Builds the site's static search index with Pagefind, from the HTML that
 * `docusaurus build` wrote. Runs after the build (see `index.ts`); each page
 * is marked up in memory first (see `markup.ts`).
 */
import {existsSync, readFileSync} from 'node:fs';
import {readdir, readFile, rm} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {prepareForIndex, useCaseOfRoute} from './markup';
import type {SearchUseCase} from './types';

type PagefindApi = typeof import('pagefind');

/**
 * Pagefind's Node API is an ES module whose package exports only an `import`
 * condition, and Docusaurus loads this file as CommonJS (jiti), which turns
 * `import()` into `require()`. Node 20.19+ can `require()` an ES module by its
 * path, so this finds the package's entry file and requires it natively.
 */
function loadPagefind(): PagefindApi {
  const nativeRequire = createRequire(__filename);
  for (const dir of nativeRequire.resolve.paths('pagefind') ?? []) {
    const manifest = path.join(dir, 'pagefind', 'package.json');
    if (!existsSync(manifest)) continue;
    const {exports} = JSON.parse(readFileSync(manifest, 'utf8')) as {exports: {'.': {import: string}}};
    return nativeRequire(path.join(dir, 'pagefind', exports['.'].import)) as PagefindApi;
  }
  throw new Error('The search index needs the pagefind package: run npm ci.');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The route Docusaurus serves a built file at: `threat-models/server/index.html` → `/threat-models/server`. */
export function routeOfFile(outDir: string, file: string, baseUrl: string): string {
  const relative = path.relative(outDir, file).split(path.sep).join('/');
  const route = relative.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '');
  return `${baseUrl}${route}`;
}

/**
 * Pagefind's ready-made search UIs (and its highlighter), which it writes
 * beside the index: this site has its own (src/theme/SearchBar and
 * SearchPage), so these 400 KB are not published.
 */
export const UNUSED_PAGEFIND_FILE = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** Removes the files of `UNUSED_PAGEFIND_FILE` from a written bundle; returns their names. */
export async function removeUnusedPagefindFiles(bundleDir: string): Promise<string[]> {
  const unused = (await readdir(bundleDir)).filter((name) => UNUSED_PAGEFIND_FILE.test(name)).sort();
  await Promise.all(unused.map((name) => rm(path.join(bundleDir, name))));
  return unused;
}

/** What was indexed, for the build log. */
export interface SearchIndexSummary {
  pages: number;
  outputPath: string;
}

/**
 * Indexes every searchable page under `outDir` and writes the bundle to
 * `outDir/pagefind`. Throws on any Pagefind error, so a broken index fails the
 * build instead of shipping a search that finds nothing.
 */
export async function writeSearchIndex(outDir: string, baseUrl: string, useCases: readonly SearchUseCase[]): Promise<SearchIndexSummary> {
  const pagefind = loadPagefind();
  const created = await pagefind.createIndex({forceLanguage: 'en'});
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not create an index: ${created.errors.join('; ')}`);
  try {
    let pages = 0;
    for (const file of await htmlFiles(outDir)) {
      const route = routeOfFile(outDir, file, baseUrl);
      const content = prepareForIndex(await readFile(file, 'utf8'), useCaseOfRoute(route, baseUrl, useCases));
      if (content === undefined) continue;
      const added = await index.addHTMLFile({url: route, content});
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${route}: ${added.errors.join('; ')}`);
      pages += 1;
    }
    const written = await index.writeFiles({outputPath: path.join(outDir, 'pagefind')});
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await removeUnusedPagefindFiles(written.outputPath);
    return {pages, outputPath: written.outputPath};
  } finally {
    await pagefind.close();
  }
}
