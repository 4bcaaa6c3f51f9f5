/**
 * Read a threat-model folder from disk, parse every file, run the
 * cross-file rules and build the index. The only place that touches the
 * file system; everything downstream gets plain data.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Config} from './config';
import {compareDiagnostics, diagnostic, type Diagnostic} from './diagnostics';
import {buildIndex} from './model-index';
import {parseThreatModel} from './parse';
import {contentDigest, openParseCache, type ParseCache} from './parse-cache';
import {checkDuplicateIds} from './rules/ids';
import {checkRelated} from './rules/related';
import {checkUseCases} from './rules/use-cases';
import type {ThreatIndex, ThreatModel} from './types';

export interface LoadResult {
  index: ThreatIndex;
  diagnostics: Diagnostic[];
  /** Files read (relative paths), including ones that failed to parse. */
  files: string[];
}

export interface SourceFile {
  /** Path relative to the site root, forward slashes. */
  file: string;
  bytes: Uint8Array;
}

export interface LoadOptions {
  /**
   * JSON file that keeps parse results between runs, keyed by file content.
   * The site uses it so warm builds re-parse only changed files.
   */
  cacheFile?: string;
}

/** Load `dir` (absolute, or relative to `cwd`). */
export function loadThreatModels(dir: string, config: Config, cwd = process.cwd(), options: LoadOptions = {}): LoadResult {
  const absolute = path.resolve(cwd, dir);
  let sources: SourceFile[];
  try {
    sources = listFiles(absolute).map((file) => ({
      file: toPosix(path.relative(cwd, file)),
      bytes: fs.readFileSync(file),
    }));
  } catch (error) {
    throw new Error(`Cannot read the threat-model folder "${dir}"`, {cause: error});
  }
  const resolved = {...config, dir: toPosix(path.relative(cwd, absolute)) || '.'};
  const cache = options.cacheFile ? openParseCache(options.cacheFile, resolved) : undefined;
  const result = analyze(sources, resolved, cache);
  cache?.save();
  return result;
}

/** Parse and check in-memory sources: the core of `check`, testable without disk. */
export function analyze(sources: SourceFile[], config: Config, cache?: ParseCache): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const models: ThreatModel[] = [];
  const digests: Record<string, string> = {};
  for (const {file, bytes} of sources) {
    if (!file.endsWith('.md')) {
      diagnostics.push(
        diagnostic(file, undefined, 'not-markdown', `"${path.posix.basename(file)}" is not a .md file`,
          file.endsWith('.mdx')
            ? 'Rename it to .md: MDX can run code at build time, so threat models are plain Markdown.'
            : 'Move it out of the threat-model folder; only <use-case>.md files belong there.'),
      );
      continue;
    }
    const text = decode(bytes);
    if (text === undefined) {
      diagnostics.push(diagnostic(file, undefined, 'binary-file', 'File is not UTF-8 text',
        'Save it as UTF-8 Markdown; binary files do not belong in the threat-model folder.'));
      continue;
    }
    if (text.trim() === '') {
      diagnostics.push(diagnostic(file, undefined, 'empty-file', 'File is empty',
        `Fill it from the template (\`npm run new -- <use-case>\`), or delete it.`));
      continue;
    }
    const digest = contentDigest(text);
    let result = cache?.get(file, digest);
    if (!result) {
      result = parseThreatModel(text, file, config);
      cache?.set(file, digest, result);
    }
    diagnostics.push(...result.diagnostics);
    if (result.model) models.push(result.model);
    if (!result.diagnostics.some((d) => d.severity === 'error')) digests[file] = digest;
  }
  const index = buildIndex(models, config, digests);
  const threats = index.models.flatMap((m) => m.threats);
  diagnostics.push(...checkUseCases(models, config, sources.map((s) => s.file)), ...checkDuplicateIds(threats), ...checkRelated(threats, config));
  return {index, diagnostics: diagnostics.sort(compareDiagnostics), files: sources.map((s) => s.file)};
}

const utf8 = new TextDecoder('utf-8', {fatal: true});

function decode(bytes: Uint8Array): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** Every file under `dir`, recursively, as sorted absolute paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out.sort();
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
