/**
 * The Changes page's data: for each of the last commits that touched the
 * threat-model folder, what the model diff reports between its parent and
 * it, newest first. Built from the git history at build time, so it needs
 * the clone's history; without it (no `.git`, git not installed, a shallow
 * clone that lacks the parents) the page says so and the build goes on.
 *
 * Route props become a chunk the browser loads, so each commit keeps only
 * the sentences the page shows, at most `MAX_LINES` of them.
 */
import type {Config} from './config';
import {describeUseCase, summaryText, type ChangeLine} from './diff/describe';
import {diffIndexes} from './diff/diff';
import {assertRepository, commitsTouching, GitError, isShallow, shallowBoundary, type Commit} from './diff/git';
import {IndexMemo, readIndexAt} from './diff/read';
import {buildIndex} from './model-index';
import type {ThreatIndex} from './types';

/** How many commits the page lists: enough for a year of a busy model, little enough to build fast. */
export const HISTORY_LIMIT = 50;

/** How many changes one commit shows; the rest are counted. */
export const MAX_LINES = 30;

export type ChangesLine = Pick<ChangeLine, 'kind' | 'id' | 'text' | 'breaking'> & {
  /** Label of the use case. */
  useCase: string;
};

export interface ChangesEntry {
  hash: string;
  /** Committer date, `YYYY-MM-DD`. */
  date: string;
  subject: string;
  /** The counts in one phrase (see `summaryText`). */
  summary: string;
  lines: ChangesLine[];
  /** Changes left out beyond `MAX_LINES`. */
  more: number;
}

export type ChangesData =
  | {
    available: true;
    runtime: string;
    limit: number;
    /** The folder the commits touched, e.g. `threat-models`. */
    dir: string;
    entries: ChangesEntry[];
    /** The clone is shallow: older commits, and a commit whose parent is not in it, are missing. */
    shallow: boolean;
  }
  | {available: false; runtime: string; dir: string; reason: string};

export async function buildHistory(cwd: string, config: Config, limit = HISTORY_LIMIT): Promise<ChangesData> {
  const base = {runtime: config.runtime, dir: config.dir};
  try {
    await assertRepository(cwd);
  } catch (error) {
    return {...base, available: false, reason: missingReason(error)};
  }
  const shallow = await isShallow(cwd);
  const cut = shallow ? await shallowBoundary(cwd) : new Set<string>();
  const commits = await commitsTouching(cwd, config.dir, limit);
  const memo = new IndexMemo();
  const empty = buildIndex([], config);
  const entries: ChangesEntry[] = [];
  for (const commit of commits) {
    if (cut.has(commit.hash)) continue;
    const before = await parentIndex(cwd, commit, config, memo, empty);
    if (!before) continue;
    const after = await readIndexAt(cwd, commit.hash, config, memo);
    entries.push(entry(commit, diffIndexes(before, after, config)));
  }
  if (entries.length === 0 && shallow) {
    return {...base, available: false, reason: 'This site was built from a shallow clone of its repository, which lacks the commits before the last one, so no change can be shown.'};
  }
  return {...base, available: true, limit, entries, shallow};
}

/** The first commit compares with no models; a parent that cannot be read leaves the commit out. */
async function parentIndex(cwd: string, commit: Commit, config: Config, memo: IndexMemo, empty: ThreatIndex): Promise<ThreatIndex | undefined> {
  const [parent] = commit.parents;
  if (!parent) return empty;
  try {
    return await readIndexAt(cwd, parent, config, memo);
  } catch {
    return undefined;
  }
}

function entry(commit: Commit, diff: ReturnType<typeof diffIndexes>): ChangesEntry {
  const all: ChangesLine[] = diff.useCases.flatMap((u) =>
    describeUseCase(u).map(({kind, id, text, breaking}) => ({useCase: u.label, kind, ...(id ? {id} : {}), text, breaking})))
    // What is cut off should be the details: models and breaking changes come first.
    .sort((a, b) => rank(a) - rank(b));
  return {
    hash: commit.hash,
    date: commit.date.slice(0, 10),
    subject: commit.subject,
    summary: summaryText(diff.summary),
    lines: all.slice(0, MAX_LINES),
    more: Math.max(0, all.length - MAX_LINES),
  };
}

function rank(line: ChangesLine): number {
  return line.kind === 'model' ? 0 : line.breaking ? 1 : 2;
}

function missingReason(error: unknown): string {
  if (error instanceof GitError && /not installed/.test(error.message)) {
    return 'git was not installed where this site was built, so its history could not be read.';
  }
  return 'This site was built from a copy of its files without the git history, so the changes cannot be listed.';
}
