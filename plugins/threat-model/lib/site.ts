/**
 * The routes and files of the site around the threat models, read from
 * disk, so the check resolves a contributed link the way the build will:
 * docs pages by their route (file name, `id` or `slug`), React pages, and
 * files in the static folders. Symbolic links are never followed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Config} from './config';
import {parseMarkdown} from './markdown';
import {readFrontMatter, withoutBom} from './read/front-matter';
import {pageAnchors} from './read/headings';

export interface SiteFiles {
  /** Routes of docs and React pages, without a trailing slash (`''` is the home page). */
  routes: Set<string>;
  /**
   * The anchors of a route's headings, when they are known (Markdown docs;
   * not MDX or React pages). Read on first use: most checks link to few pages.
   */
  anchors(route: string): Set<string> | undefined;
  /** Whether `/urlPath` is a regular file inside a static folder. */
  isStaticFile(urlPath: string): boolean;
}

const trim = (route: string) => route.replace(/\/+$/, '');

export function readSite(siteDir: string, config: Config): SiteFiles {
  const routes = new Set<string>();
  const docsFiles = new Map<string, string>();
  const anchorCache = new Map<string, Set<string> | undefined>();
  for (const docs of config.site.docs) {
    const root = path.resolve(siteDir, docs.path);
    const base = docs.routeBasePath.replace(/^\/+|\/+$/g, '');
    for (const file of walk(root, /\.mdx?$/)) {
      const relative = path.relative(root, file).split(path.sep).join('/');
      if (relative.split('/').some((part) => part.startsWith('_'))) continue;
      const text = fs.readFileSync(file, 'utf8');
      const route = trim(`/${[base, docRoute(relative, text)].filter(Boolean).join('/')}`);
      routes.add(route);
      if (file.endsWith('.md')) docsFiles.set(route, text);
    }
  }
  const pages = path.resolve(siteDir, config.site.pagesDir);
  for (const file of walk(pages, /\.(tsx|jsx|js|ts|md|mdx)$/)) {
    const relative = path.relative(pages, file).split(path.sep).join('/');
    if (relative.split('/').some((part) => part.startsWith('_')) || /\.module\./.test(relative)) continue;
    routes.add(trim(`/${relative.replace(/\.[^.]+$/, '').replace(/(^|\/)index$/, '')}`));
  }
  const staticRoots = config.site.staticDirectories.map((d) => path.resolve(siteDir, d));
  return {
    routes,
    anchors(route) {
      if (!anchorCache.has(route)) {
        const text = docsFiles.get(route);
        anchorCache.set(route, text === undefined ? undefined : new Set(pageAnchors(parseMarkdown(withoutBom(text)), {summary: false})));
      }
      return anchorCache.get(route);
    },
    isStaticFile(urlPath) {
      return staticRoots.some((root) => isRegularFileInside(root, urlPath));
    },
  };
}

/** A docs file's route below its instance, as Docusaurus derives it. */
function docRoute(relative: string, text: string): string {
  const front = readFrontMatter(text).data;
  const dir = path.posix.dirname(relative) === '.' ? '' : path.posix.dirname(relative);
  const strip = (name: string) => name.replace(/^\d+[-_.\s]+/, '');
  const dirRoute = dir.split('/').filter(Boolean).map(strip).join('/');
  if (typeof front.slug === 'string') {
    const slug = front.slug.replace(/^\.\//, '');
    return (front.slug.startsWith('/') ? slug : [dirRoute, slug].filter(Boolean).join('/')).replace(/^\/+/, '');
  }
  const name = strip(path.posix.basename(relative).replace(/\.mdx?$/, ''));
  const id = typeof front.id === 'string' ? front.id : name;
  const isIndex = /^(index|readme)$/i.test(name) || name === path.posix.basename(dir);
  return [dirRoute, isIndex && typeof front.id !== 'string' ? '' : id].filter(Boolean).join('/');
}

function isRegularFileInside(root: string, urlPath: string): boolean {
  const target = path.join(root, urlPath);
  if (!target.startsWith(root + path.sep)) return false;
  // Every step must be a real folder or file: a link could lead anywhere.
  let current = root;
  for (const part of path.relative(root, target).split(path.sep)) {
    current = path.join(current, part);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      return false;
    }
    if (stat.isSymbolicLink()) return false;
    if (current === target) return stat.isFile();
    if (!stat.isDirectory()) return false;
  }
  return false;
}

function walk(dir: string, pattern: RegExp): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, {withFileTypes: true});
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, pattern);
    return entry.isFile() && pattern.test(entry.name) ? [full] : [];
  });
}
