/**
 * Read a threat-model folder from disk, parse every file, run the
 * cross-file rules and build the index. The only place that touches the
 * file system; everything downstream gets plain data.
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {Config} from './config';
import {compareDiagnostics, diagnostic, type Diagnostic} from './diagnostics';
import {buildIndex} from './model-index';
import {parseThreatModel, type ParseResult} from './parse';
import {parseAll, type ParseJob, type PoolOptions} from './parse-pool';
import {contentDigest, openParseCache, type ParseCache} from './parse-cache';
import {checkDuplicateDataFlowIds, checkDuplicateIds} from './rules/ids';
import {checkLinks} from './rules/links';
import {checkRelated} from './rules/related';
import {checkReviewAge, resolveToday} from './rules/review-age';
import {checkUseCases} from './rules/use-cases';
import {readSite, type SiteFiles} from './site';
import type {TreeStore} from './tree-store';
import type {ThreatIndex, ThreatModel} from './types';

export interface LoadResult {
  index: ThreatIndex;
  diagnostics: Diagnostic[];
  /** Files read (relative paths), including ones that failed to parse. */
  files: string[];
  /**
   * The findings that reading one file alone does not give: about the
   * folder, or across files (IDs, Related, use cases, links). Under
   * `docusaurus start` a page's own findings reach the browser overlay
   * from its compilation; these are the ones only the plugin can report.
   */
  crossFile: Diagnostic[];
}

export interface SourceFile {
  /** Path relative to the site root, forward slashes. */
  file: string;
  bytes: Uint8Array;
}

/** What the folder holds: the files to read, and what does not belong there. */
export interface Folder {
  sources: SourceFile[];
  /** Subfolders and symbolic links: the site would not serve them as the check read them. */
  findings: Diagnostic[];
}

export interface LoadOptions {
  /**
   * JSON file that keeps parse results between runs, keyed by file content.
   * The site uses it so warm builds re-parse only changed files.
   */
  cacheFile?: string;
  /** Keep each parsed tree here, for the page compiler to reuse (production builds). */
  trees?: TreeStore;
  /** The date review ages are measured against, `YYYY-MM-DD` (default: see `resolveToday`). */
  today?: string;
}

/** What loading a folder from disk gives: the result, and a digest of what it read. */
export interface FolderLoadResult extends LoadResult {
  /** `folderDigest` of the folder as read: equal digests, equal results. */
  digest: string;
}

/** Load `dir` (absolute, or relative to `cwd`). */
export function loadThreatModels(dir: string, config: Config, cwd = process.cwd(), options: LoadOptions = {}): FolderLoadResult {
  const {folder, resolved, cache} = open(dir, config, cwd, options);
  const result = analyze(folder.sources, resolved, cache, readSite(cwd, resolved), folder.findings, options.trees, options.today);
  cache?.save();
  return {...result, digest: folderDigest(folder)};
}

/** `loadThreatModels`, parsing a large folder on several threads. */
export async function loadThreatModelsInParallel(dir: string, config: Config, cwd = process.cwd(), options: LoadOptions & Pick<AnalyzeOptions, 'pool'> = {}): Promise<FolderLoadResult> {
  const {folder, resolved, cache} = open(dir, config, cwd, options);
  const result = await analyzeInParallel(folder.sources, resolved, {cache, site: readSite(cwd, resolved), findings: folder.findings, trees: options.trees, pool: options.pool, today: options.today});
  cache?.save();
  return {...result, digest: folderDigest(folder)};
}

function open(dir: string, config: Config, cwd: string, options: LoadOptions): {folder: Folder; resolved: Config; cache?: ParseCache} {
  const absolute = path.resolve(cwd, dir);
  let folder: Folder;
  try {
    folder = readFolder(absolute, cwd);
  } catch (error) {
    throw new Error(`Cannot read the threat-model folder "${dir}"`, {cause: error});
  }
  const resolved = {...config, dir: toPosix(path.relative(cwd, absolute)) || '.'};
  const cache = options.cacheFile ? openParseCache(options.cacheFile, resolved) : undefined;
  return {folder, resolved, cache};
}

/**
 * Parse and check in-memory sources: the core of `check`, testable without disk.
 * @param site The site's routes and static files; without it, links to them are not checked.
 * @param findings Findings about the folder itself, from `readFolder`.
 * @param trees Where to keep each parsed tree for the page compiler.
 * @param today The date review ages are measured against (see `resolveToday`).
 */
export function analyze(sources: SourceFile[], config: Config, cache?: ParseCache, site?: SiteFiles, findings: Diagnostic[] = [], trees?: TreeStore, today?: string): LoadResult {
  const {texts, diagnostics} = sortSources(sources, findings);
  const results = new Map<string, ParseResult>();
  for (const {file, text} of texts) {
    const digest = contentDigest(text);
    let result = cache?.get(file, digest);
    if (!result) {
      result = parseThreatModel(text, file, config, trees);
      cache?.set(file, digest, result);
    }
    results.set(file, result);
  }
  return crossCheck(sources, texts, results, diagnostics, config, site, today);
}

/**
 * `analyze`, with the files the cache does not hold parsed on several
 * threads (`parse-pool.ts`): the same result, sooner on a large folder.
 */
export async function analyzeInParallel(sources: SourceFile[], config: Config, options: AnalyzeOptions = {}): Promise<LoadResult> {
  const {cache, site, findings = [], trees, pool, today} = options;
  const {texts, diagnostics} = sortSources(sources, findings);
  const results = new Map<string, ParseResult>();
  const misses: Array<ParseJob & {digest: string}> = [];
  for (const {file, text} of texts) {
    const digest = contentDigest(text);
    const result = cache?.get(file, digest);
    if (result) results.set(file, result);
    else misses.push({file, text, digest});
  }
  const parsed = await parseAll(misses, config, {...pool, trees});
  for (const {file, digest} of misses) {
    const result = parsed.get(file)!;
    cache?.set(file, digest, result);
    results.set(file, result);
  }
  return crossCheck(sources, texts, results, diagnostics, config, site, today);
}

export interface AnalyzeOptions {
  cache?: ParseCache;
  /** The site's routes and static files; without it, links to them are not checked. */
  site?: SiteFiles;
  /** Findings about the folder itself, from `readFolder`. */
  findings?: Diagnostic[];
  /** Where to keep each parsed tree for the page compiler. */
  trees?: TreeStore;
  /** How many threads to parse on. */
  pool?: Omit<PoolOptions, 'trees'>;
  /** The date review ages are measured against, `YYYY-MM-DD` (default: see `resolveToday`). */
  today?: string;
}

/** The Markdown texts to parse, and findings for every file that is not one. */
function sortSources(sources: SourceFile[], findings: Diagnostic[]): {texts: ParseJob[]; diagnostics: Diagnostic[]} {
  const diagnostics: Diagnostic[] = [...findings];
  const texts: ParseJob[] = [];
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
    if (bytes.length > MAX_FILE_BYTES) {
      diagnostics.push(diagnostic(file, undefined, 'file-size', `File is ${Math.round(bytes.length / 1024)} KiB; at most ${MAX_FILE_BYTES / 1024} KiB is read`,
        'Shorten it: a threat model is a page, and the longest real ones are about 30 KiB. Move long material to the docs and link to it.'));
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
    texts.push({file, text});
  }
  return {texts, diagnostics};
}

/** Each file's own findings, then the rules across files, over the files' readings in folder order. */
function crossCheck(sources: SourceFile[], texts: ParseJob[], results: Map<string, ParseResult>, findings: Diagnostic[], config: Config, site?: SiteFiles, today?: string): LoadResult {
  const diagnostics = [...findings];
  const ownFindings = new Set<Diagnostic>();
  const models: ThreatModel[] = [];
  for (const {file} of texts) {
    const result = results.get(file)!;
    diagnostics.push(...result.diagnostics);
    for (const d of result.diagnostics) ownFindings.add(d);
    if (result.model) models.push(result.model);
  }
  const index = buildIndex(models, config);
  const threats = index.models.flatMap((m) => m.threats);
  const files = sources.map((s) => s.file);
  const useCases = checkUseCases(models, config, files);
  // A duplicate's own name is part of the duplicate finding, which says where to merge it.
  const duplicates = new Set(useCases.filter((d) => d.ruleId === 'duplicate-use-case').map((d) => d.file));
  const all = [
    ...diagnostics.filter((d) => !(duplicates.has(d.file) && d.ruleId === 'file-name')),
    ...useCases,
    ...checkDuplicateIds(threats),
    ...checkDuplicateDataFlowIds(index.models),
    ...checkRelated(threats, config, files),
    ...checkLinks(index.models, config, site, files),
    ...checkReviewAge(index.models, config, new Map(texts.map((t) => [t.file, t.text])), resolveToday(today)),
  ];
  const sorted = all.sort(compareDiagnostics);
  return {index, diagnostics: sorted, files, crossFile: sorted.filter((d) => !ownFindings.has(d))};
}

/**
 * Larger files are not parsed: some Markdown inputs take time that grows
 * faster than their size, and CI runs the check on strangers' files.
 */
export const MAX_FILE_BYTES = 128 * 1024;

const utf8 = new TextDecoder('utf-8', {fatal: true});

function decode(bytes: Uint8Array): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * The regular files directly in `dir`; a subfolder or a symbolic link is a
 * finding. Docusaurus would publish a subfolder's file at another route, and
 * a link could bring in any file of the machine.
 */
export function readFolder(dir: string, cwd: string): Folder {
  const sources: SourceFile[] = [];
  const findings: Diagnostic[] = [];
  const entries = fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const file = toPosix(path.relative(cwd, full));
    if (entry.isSymbolicLink()) {
      findings.push(diagnostic(file, undefined, 'folder-layout', `"${entry.name}" is a symbolic link`,
        'Replace it with the file itself: the check and the site must read the same bytes, and a link can point anywhere on the build machine.'));
    } else if (entry.isDirectory()) {
      findings.push(diagnostic(`${file}/`, undefined, 'folder-layout', `"${entry.name}/" is a subfolder of the threat-model folder`,
        `Move its files up into ${toPosix(path.relative(cwd, dir)) || '.'}/: each use case is one file, <use-case>.md, directly in the folder.`));
    } else if (entry.isFile()) {
      sources.push({file, bytes: fs.readFileSync(full)});
    }
  }
  return {sources, findings};
}

/**
 * A digest of the names and bytes of what `readFolder` found. Modification
 * times would not do: an editor can save twice within their resolution.
 */
export function folderDigest(folder: Folder): string {
  const hash = createHash('sha256');
  for (const {file, bytes} of folder.sources) hash.update(`${file}\0`).update(bytes).update('\0');
  for (const finding of folder.findings) hash.update(`${finding.file}\0\0`);
  return hash.digest('hex');
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
