/**
 * A per-file cache of parse results, keyed by content: a large site parses
 * only the files that changed since the last build. Its salt covers the
 * configuration and the parser's own source, so a new parser version or a
 * config change starts from empty.
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {Config} from './config';
import {Diagnostic, type DiagnosticJson} from './diagnostics';
import type {ParseResult} from './parse';

export interface ParseCache {
  get(file: string, digest: string): ParseResult | undefined;
  set(file: string, digest: string, result: ParseResult): void;
  /** Write the cache back, dropping entries for files not seen this run. */
  save(): void;
}

interface CacheFile {
  salt: string;
  entries: Record<string, {digest: string; result: ParseResult}>;
}

export function contentDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Digest of the parser's source files and the configuration. */
export function parserSalt(config: Config): string {
  const hash = createHash('sha256').update(JSON.stringify(config));
  for (const file of sourceFiles(__dirname)) hash.update(file).update(fs.readFileSync(file));
  return hash.digest('hex');
}

export function openParseCache(cacheFile: string, config: Config): ParseCache {
  const salt = parserSalt(config);
  let previous: CacheFile['entries'] = {};
  try {
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as CacheFile;
    if (stored.salt === salt) previous = stored.entries;
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  const next: CacheFile['entries'] = {};
  return {
    get(file, digest) {
      const entry = previous[file];
      if (entry?.digest !== digest) return undefined;
      next[file] = entry;
      // Stored as JSON: the findings come back as messages.
      return {...entry.result, diagnostics: entry.result.diagnostics.map((d) => (d instanceof Diagnostic ? d : Diagnostic.fromJSON(d as unknown as DiagnosticJson)))};
    },
    set(file, digest, result) {
      next[file] = {digest, result};
    },
    save() {
      try {
        fs.mkdirSync(path.dirname(cacheFile), {recursive: true});
        fs.writeFileSync(cacheFile, JSON.stringify({salt, entries: next} satisfies CacheFile));
      } catch {
        // A cache that cannot be written only costs time on the next run.
      }
    },
  };
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, {withFileTypes: true})
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(full);
      return /\.[cm]?[jt]s$/.test(entry.name) ? [full] : [];
    })
    .sort();
}
