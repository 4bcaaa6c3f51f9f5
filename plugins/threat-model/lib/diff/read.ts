/**
 * The two readings the diff compares: the threat-model folder at a commit,
 * and in the working tree. Both go through `analyze`, the parser and index
 * that `check` and the site use, so a change means the same thing here as
 * on the pages. Findings are not reported: the diff compares what reads.
 *
 * The configuration is the working tree's for both sides: an older
 * `threat-model.config.ts` would have to be run to be read, and the
 * current one is what the site is built with.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Config} from '../config';
import {analyze, readFolder, type SourceFile} from '../load';
import type {ParseResult} from '../parse';
import type {ParseCache} from '../parse-cache';
import {buildIndex} from '../model-index';
import type {ThreatIndex} from '../types';
import {listFolderAt, readBlobs, type TreeFile} from './git';

/** The models of the folder at `commit` (a resolved hash, see `resolveCommit`). */
export async function readIndexAt(cwd: string, commit: string, config: Config, memo?: IndexMemo): Promise<ThreatIndex> {
  const files = await listFolderAt(cwd, commit, config.dir);
  return memo ? memo.index(files, () => readFiles(cwd, files, config, memo.parsed)) : readFiles(cwd, files, config);
}

/** The models of the folder as it is on disk; an absent folder holds none. */
export function readWorkingIndex(cwd: string, config: Config): ThreatIndex {
  const dir = path.resolve(cwd, config.dir);
  if (!fs.existsSync(dir)) return buildIndex([], config);
  return indexOf(readFolder(dir, cwd).sources, config);
}

async function readFiles(cwd: string, files: TreeFile[], config: Config, cache?: ParseCache): Promise<ThreatIndex> {
  const blobs = await readBlobs(cwd, [...new Set(files.map((f) => f.oid))]);
  return indexOf(files.map((f) => ({file: f.path, bytes: blobs.get(f.oid)!})), config, cache);
}

function indexOf(sources: SourceFile[], config: Config, cache?: ParseCache): ThreatIndex {
  return analyze(sources, config, cache).index;
}

/**
 * Indexes by the blobs they were read from. Walking the history reads the
 * same folder state again and again (a commit's tree is its child's
 * parent's); this reads each state once.
 */
export class IndexMemo {
  private readonly byTree = new Map<string, Promise<ThreatIndex>>();
  /** Most commits change one file: the others are parsed once, for every folder state that holds them. */
  readonly parsed = memoryParseCache();

  index(files: TreeFile[], read: () => Promise<ThreatIndex>): Promise<ThreatIndex> {
    const key = files.map((f) => `${f.path}\0${f.oid}`).join('\n');
    let index = this.byTree.get(key);
    if (!index) {
      index = read();
      this.byTree.set(key, index);
    }
    return index;
  }
}

/** A `ParseCache` that lives as long as one walk of the history. */
function memoryParseCache(): ParseCache {
  const entries = new Map<string, ParseResult>();
  return {
    get: (file, digest) => entries.get(`${file}\0${digest}`),
    set: (file, digest, result) => void entries.set(`${file}\0${digest}`, result),
    save: () => {},
  };
}
