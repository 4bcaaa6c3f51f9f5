/**
 * Link, image and definition targets in a contributed file, sorted into
 * what the site may point at. Docusaurus copies any local file a link or an
 * image names into `build/assets/` (resolving `@site/`, paths relative to
 * the page, and absolute paths inside `static/`, percent-decoded), so a
 * target that leaves the site would publish the build machine's files.
 *
 * This module decides from the URL alone; `../rules/links.ts` then checks
 * that the pages, anchors and files that remain exist.
 */
import path from 'node:path';
import type {Config} from '../config';
import {isScriptUrl} from '../script-url';
import {visible} from '../visible';

/** A local target, resolved against the site. */
export type LocalTarget =
  /** Another threat-model file (a path relative to the site root) and an optional anchor in it. */
  | {kind: 'model'; file: string; anchor?: string}
  /** An anchor on the same page. */
  | {kind: 'anchor'; anchor: string}
  /** A route of the site, such as `/docs/permission-model` or `/reference#…`. */
  | {kind: 'route'; path: string; anchor?: string};

export interface LocalLink {
  target: LocalTarget;
  /** The URL as written. */
  url: string;
  image: boolean;
  line: number;
  column: number;
}

export type Classified =
  | {ok: 'external'}
  | {ok: 'local'; target: LocalTarget}
  | {rule: 'unsafe-html' | 'local-file' | 'broken-link'; message: string; hint: string};

const SITE_HINT = 'Link to another threat model as `./<use-case>.md#ID`, to a page of the site by its URL (`/docs/…`), or to a file in `static/` by its URL (`/img/…`).';

export function classifyUrl(url: string, file: string, config: Config, image: boolean): Classified {
  const shown = `"${visible(url.length > 60 ? `${url.slice(0, 57)}...` : url)}"`;
  const what = image ? 'Image' : 'Link';
  if (url.trim() === '') return {rule: 'broken-link', message: `${what} with an empty URL`, hint: 'Give the link a target, or remove it.'};
  if (isScriptUrl(url)) {
    return {rule: 'unsafe-html', message: `URL ${shown} uses a script scheme`,
      hint: 'Link to an https:// page instead; javascript:, vbscript: and data: URLs are not allowed.'};
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (scheme === 'https' || scheme === 'http' || (scheme === 'mailto' && !image)) return {ok: 'external'};
    if (scheme === 'file' || scheme.length === 1) {
      return {rule: 'local-file', message: `${what} ${shown} points at a file on the build machine`, hint: SITE_HINT};
    }
    return {rule: 'broken-link', message: `${what} ${shown} uses the "${visible(scheme)}:" scheme`,
      hint: image ? 'Images load from https:// or from `static/` (`/img/…`).' : 'Use an https:// URL (or mailto:); the site\'s sanitizer removes other schemes.'};
  }
  if (url.startsWith('//')) {
    return {rule: 'broken-link', message: `${what} ${shown} has no scheme`, hint: `Write it as https:${url}.`};
  }
  if (url.includes('\\')) {
    return {rule: 'local-file', message: `${what} ${shown} is a Windows path`, hint: SITE_HINT};
  }
  const hash = url.indexOf('#');
  const pathPart = hash === -1 ? url : url.slice(0, hash);
  const anchor = hash === -1 ? undefined : url.slice(hash + 1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart.replace(/\?.*$/, ''));
  } catch {
    return {rule: 'broken-link', message: `${what} ${shown} has malformed percent-encoding`, hint: 'Fix the `%` escapes in the URL.'};
  }
  // `@site/` and any other `@` alias resolve outside the page's folder.
  if (decoded.startsWith('@')) {
    return {rule: 'local-file', message: `${what} ${shown} uses a build alias`, hint: `\`@site/\` reaches any file of the build machine. ${SITE_HINT}`};
  }
  const segments = decoded.split('/');
  if (decoded === '') {
    if (image) return {rule: 'broken-link', message: `Image ${shown} has no file`, hint: 'Images load from https:// or from `static/` (`/img/…`).'};
    return anchor === undefined || anchor === ''
      ? {rule: 'broken-link', message: `${what} ${shown} has no target`, hint: SITE_HINT}
      : {ok: 'local', target: {kind: 'anchor', anchor}};
  }
  if (decoded.startsWith('/')) {
    if (segments.includes('..') || segments.includes('.')) {
      return {rule: 'local-file', message: `${what} ${shown} climbs out of the site with ".."`, hint: SITE_HINT};
    }
    return {ok: 'local', target: {kind: 'route', path: decoded, ...(anchor !== undefined ? {anchor} : {})}};
  }
  // Relative: resolved against the page's folder, which must not be left.
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), decoded));
  const dir = path.posix.normalize(config.dir);
  const inside = resolved.startsWith(`${dir}/`) && !resolved.slice(dir.length + 1).includes('/');
  if (!inside) {
    return {rule: 'local-file', message: `${what} ${shown} points outside the threat-model folder`, hint: SITE_HINT};
  }
  if (image || !resolved.endsWith('.md')) {
    return {rule: 'broken-link', message: `${what} ${shown} is not a threat-model page`,
      hint: image ? 'Put images in `static/img/` and write `/img/<name>`.' : `Write the file name with its extension, e.g. \`./${path.posix.basename(resolved)}.md\`. ${SITE_HINT}`};
  }
  return {ok: 'local', target: {kind: 'model', file: resolved, ...(anchor !== undefined ? {anchor} : {})}};
}
