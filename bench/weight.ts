/**
 * Page weight: the JS and CSS a built page loads, each asset gzipped on its
 * own (zlib level 6).
 *
 * The built HTML names the entry assets (`<script src>`, `<link
 * rel=stylesheet>`, `<link rel=preload|modulepreload>`). Docusaurus 3.10
 * does not list a route's own chunks in the HTML: the runtime fetches them
 * on hydration, from `.docusaurus/routesChunkNames.json` (route → chunk
 * names) and `.docusaurus/client-manifest.json` (chunk → files). Both are
 * counted: HTML assets + the chunks of every route on the matched route
 * branch (the docs plugin's nested layout routes and the page itself).
 * Prefetches of linked pages are not.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface Asset {
  file: string;
  kind: 'js' | 'css';
  /** `html` when the HTML names it, `route` when it is a route chunk. */
  via: 'html' | 'route';
  bytes: number;
  gzipBytes: number;
}

export interface PageWeight {
  route: string;
  htmlFile: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  assets: Asset[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  totalGzipBytes: number;
  totalBytes: number;
}

const gzipCache = new Map<string, number>();

export function gzipSize(file: string): number {
  const key = `${file}:${fs.statSync(file).mtimeMs}`;
  let size = gzipCache.get(key);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(file), {level: 6}).length;
    gzipCache.set(key, size);
  }
  return size;
}

/** Asset URLs the HTML itself loads. */
export function htmlAssets(html: string): Array<{url: string; kind: 'js' | 'css'}> {
  const out: Array<{url: string; kind: 'js' | 'css'}> = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
    if (/^<script/i.test(tag)) {
      const src = attr('src');
      if (src) out.push({url: src, kind: 'js'});
      continue;
    }
    const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr('href');
    if (!href) continue;
    if (rel.includes('stylesheet')) out.push({url: href, kind: 'css'});
    else if (rel.includes('modulepreload') || (rel.includes('preload') && attr('as') === 'script')) out.push({url: href, kind: 'js'});
    else if (rel.includes('preload') && attr('as') === 'style') out.push({url: href, kind: 'css'});
  }
  return out;
}

interface RouteNode {
  path: string;
  component: string;
  routes?: RouteNode[];
}

/** `.docusaurus/routes.js` as data: `ComponentCreator('/p', 'abc')` becomes the key `/p-abc`. */
export function readRoutes(siteDir: string): RouteNode[] {
  const source = fs.readFileSync(path.join(siteDir, '.docusaurus', 'routes.js'), 'utf8')
    .replace(/^import .*$/gm, '')
    .replace('export default', 'return');
  const componentCreator = (route: string, hash?: string) => (hash === undefined ? route : `${route}-${hash}`);
  return new Function('ComponentCreator', source)(componentCreator) as RouteNode[];
}

/** Route keys from the root to the route whose path is `route`. */
export function routeBranch(routes: RouteNode[], route: string): string[] | undefined {
  for (const r of routes) {
    if (r.routes) {
      const below = routeBranch(r.routes, route);
      if (below) return [r.component, ...below];
    } else if (r.path === route) {
      return [r.component];
    }
  }
  return undefined;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

interface Manifest {
  origins: Record<string, Array<string | number>>;
  assets: Record<string, {js?: Array<{file: string}>; css?: Array<{file: string}>}>;
}

/** Everything `route` (e.g. `/threat-models/uc-0001`) loads, from a built site. */
export function pageWeight(siteDir: string, route: string): PageWeight {
  const buildDir = path.join(siteDir, 'build');
  const htmlFile = path.join(buildDir, route.replace(/^\//, ''), route.endsWith('.html') ? '' : 'index.html');
  const html = fs.readFileSync(htmlFile, 'utf8');
  const files = new Map<string, {kind: 'js' | 'css'; via: 'html' | 'route'}>();
  for (const {url, kind} of htmlAssets(html)) {
    if (/^(https?:)?\/\//.test(url)) continue;
    files.set(url.replace(/^\//, '').split(/[?#]/)[0]!, {kind, via: 'html'});
  }
  const chunkNames = JSON.parse(fs.readFileSync(path.join(siteDir, '.docusaurus', 'routesChunkNames.json'), 'utf8')) as Record<string, unknown>;
  const manifest = JSON.parse(fs.readFileSync(path.join(siteDir, '.docusaurus', 'client-manifest.json'), 'utf8')) as Manifest;
  const branch = routeBranch(readRoutes(siteDir), route);
  if (!branch) throw new Error(`No route ${route} in ${siteDir}/.docusaurus/routes.js`);
  for (const key of branch) {
    for (const chunkName of strings(chunkNames[key])) {
      for (const id of manifest.origins[chunkName] ?? []) {
        const asset = manifest.assets[String(id)];
        for (const js of asset?.js ?? []) if (!files.has(js.file)) files.set(js.file, {kind: 'js', via: 'route'});
        for (const css of asset?.css ?? []) if (!files.has(css.file)) files.set(css.file, {kind: 'css', via: 'route'});
      }
    }
  }
  const assets: Asset[] = [...files].map(([file, {kind, via}]) => {
    const full = path.join(buildDir, file);
    return {file, kind, via, bytes: fs.statSync(full).size, gzipBytes: gzipSize(full)};
  });
  const sum = (items: Asset[], key: 'bytes' | 'gzipBytes') => items.reduce((n, a) => n + a[key], 0);
  return {
    route,
    htmlFile: path.relative(siteDir, htmlFile),
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: zlib.gzipSync(html, {level: 6}).length,
    assets,
    jsGzipBytes: sum(assets.filter((a) => a.kind === 'js'), 'gzipBytes'),
    cssGzipBytes: sum(assets.filter((a) => a.kind === 'css'), 'gzipBytes'),
    totalGzipBytes: sum(assets, 'gzipBytes'),
    totalBytes: sum(assets, 'bytes'),
  };
}

/** Files of the chunk that holds a route's props (`__props`), e.g. the reference page's data. */
export function propsChunkFiles(siteDir: string, route: string): string[] {
  const chunkNames = JSON.parse(fs.readFileSync(path.join(siteDir, '.docusaurus', 'routesChunkNames.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  const manifest = JSON.parse(fs.readFileSync(path.join(siteDir, '.docusaurus', 'client-manifest.json'), 'utf8')) as Manifest;
  const leaf = routeBranch(readRoutes(siteDir), route)?.at(-1);
  const props = leaf ? chunkNames[leaf]?.__props : undefined;
  if (typeof props !== 'string') return [];
  return (manifest.origins[props] ?? []).flatMap((id) => (manifest.assets[String(id)]?.js ?? []).map((a) => a.file));
}

/** Per-asset difference of two pages' weights, largest first (by file name without hash). */
export function weightDiff(page: PageWeight, baseline: PageWeight): Array<{asset: string; gzipDelta: number}> {
  const key = (file: string) => file.replace(/\.[0-9a-f]{8}(\.(js|css))$/, '$1');
  const a = new Map(page.assets.map((x) => [key(x.file), x.gzipBytes]));
  const b = new Map(baseline.assets.map((x) => [key(x.file), x.gzipBytes]));
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names]
    .map((asset) => ({asset, gzipDelta: (a.get(asset) ?? 0) - (b.get(asset) ?? 0)}))
    .filter((d) => d.gzipDelta !== 0)
    .sort((x, y) => Math.abs(y.gzipDelta) - Math.abs(x.gzipDelta));
}
