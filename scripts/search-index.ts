/**
 * Builds the site's static search index with Pagefind, from the HTML that
 * `docusaurus build` wrote. Runs after the build (see `search-plugin.ts`).
 *
 * The built HTML is not changed on disk: each page is marked up in memory
 * before Pagefind reads it, so that
 * - only the Markdown body of docs and threat-model pages is indexed (not the
 *   navbar, sidebar, footer, home page or the search page itself);
 * - each threat-model page carries a "Use case" filter, taken from its URL;
 * - threat headings (`<h3 id="SRV-01">SRV-01 · …`) weigh more than the many
 *   "Related: SRV-01" mentions elsewhere, so a title word finds the threat.
 */
import {existsSync, readFileSync} from 'node:fs';
import {readdir, readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';

/** A use case as the content config names it: `{id: 'server', label: 'Server'}`. */
export interface SearchUseCase {
  id: string;
  label: string;
}

/** The Pagefind filter that holds a threat-model page's use case. */
export const USE_CASE_FILTER = 'use_case';

/** The Markdown body Docusaurus renders for every doc, one per page. */
const BODY = /<div class="theme-doc-markdown markdown"/;
/** A threat heading: an h3 whose id is a threat ID such as SRV-01 or CICD-12. */
const THREAT_HEADING = /<h3((?:\s[^>]*?)?\sid=(?:"?)([A-Z]+-\d+)(?:"?)[\s>])/g;

/** The use case of a page from its route, e.g. `/threat-models/server` → server. */
export function useCaseOfRoute(route: string, baseUrl: string, useCases: readonly SearchUseCase[]): SearchUseCase | undefined {
  const rest = route.startsWith(baseUrl) ? route.slice(baseUrl.length) : route;
  const match = /^threat-models\/([^/#?]+)\/?$/.exec(rest.replace(/^\/+/, ''));
  return match ? useCases.find((u) => u.id === match[1]) : undefined;
}

/**
 * Marks up one built page for Pagefind, or returns undefined when the page is
 * not searchable (it has no Markdown body).
 */
export function prepareForIndex(html: string, useCase: SearchUseCase | undefined): string | undefined {
  if (!BODY.test(html)) return undefined;
  const filter = useCase ? ` data-pagefind-filter="${USE_CASE_FILTER}:${escapeAttribute(useCase.label)}"` : '';
  return html
    .replace(BODY, (body) => `${body} data-pagefind-body${filter}`)
    .replace(THREAT_HEADING, (heading) => heading.replace('<h3', '<h3 data-pagefind-weight="10"'));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

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
function routeOfFile(outDir: string, file: string, baseUrl: string): string {
  const relative = path.relative(outDir, file).split(path.sep).join('/');
  const route = relative.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '');
  return `${baseUrl}${route}`;
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
    return {pages, outputPath: written.outputPath};
  } finally {
    await pagefind.close();
  }
}
