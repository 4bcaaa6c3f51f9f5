/**
 * The few git commands the diff and the Changes page need. Every call is
 * `execFile` with an argument array, never a shell string, and a ref is
 * checked before it reaches any command: a pull request's branch name is
 * attacker input, and a ref that starts with `-` would be read as an option.
 */
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Something git could not do, said so that the person who asked can act on it. */
export class GitError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'GitError';
  }
}

/** Output of a blob, a tree entry or a log line can be large; a threat-model folder is not. */
const MAX_BUFFER = 64 * 1024 * 1024;

/** Run git in `cwd`; resolves with standard output, rejects with the process's error and standard error. */
export function git(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, {cwd, encoding: 'buffer', maxBuffer: MAX_BUFFER, env: {...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0'}},
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, {stderr: stderr.toString('utf8').trim()}));
        else resolve(stdout);
      });
    if (input !== undefined) child.stdin!.end(input);
  });
}

/** Whether `cwd` is inside a git work tree; says why not when git itself is missing. */
export async function assertRepository(cwd: string): Promise<void> {
  try {
    await git(cwd, ['rev-parse', '--is-inside-work-tree']);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new GitError('git is not installed (or not on PATH)', 'Install git: the diff reads the threat models at a ref from the repository.');
    }
    throw new GitError(`Not a git repository: ${cwd}`, 'Run the command inside the clone of the site, where `git log` works.');
  }
}

/**
 * The commit a ref names, as a full hash. Refuses a ref that starts with `-`
 * before calling git, and any ref that `git rev-parse --verify` does not
 * resolve to a commit.
 */
export async function resolveCommit(cwd: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) {
    throw new GitError(`Refusing the ref "${ref}": a ref cannot start with "-"`, 'Pass a branch, tag or commit, e.g. `origin/main` or `HEAD~1`.');
  }
  if (ref === '' || /[\0\n]/.test(ref)) {
    throw new GitError('The ref is empty or has a line break', 'Pass a branch, tag or commit, e.g. `origin/main` or `HEAD~1`.');
  }
  await assertRepository(cwd);
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).toString('utf8').trim();
  } catch {
    throw new GitError(`Unknown ref "${ref}": it names no commit in this repository`,
      'Check the spelling with `git log --oneline`; in a shallow clone, fetch the history first (`git fetch --unshallow`, or `fetch-depth: 0` in a workflow).');
  }
}

/** A file of a commit's tree: blob hash and path relative to `cwd`. */
export interface TreeFile {
  oid: string;
  path: string;
}

/**
 * The regular files directly in `dir` at `commit` (no subfolders, no
 * symbolic links: the check refuses both, see `readFolder`). Paths are
 * relative to `cwd`, as `analyze` expects them.
 */
export async function listFolderAt(cwd: string, commit: string, dir: string): Promise<TreeFile[]> {
  const out = (await git(cwd, ['ls-tree', '-z', commit, '--', `${dir.replace(/\/+$/, '')}/`])).toString('utf8');
  const files: TreeFile[] = [];
  for (const entry of out.split('\0').filter(Boolean)) {
    const tab = entry.indexOf('\t');
    const [mode, type, oid] = entry.slice(0, tab).split(' ') as [string, string, string];
    if (type === 'blob' && mode !== '120000') files.push({oid, path: entry.slice(tab + 1)});
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** The bytes of many blobs through one `git cat-file --batch`, rather than one process per file. */
export async function readBlobs(cwd: string, oids: readonly string[]): Promise<Map<string, Uint8Array>> {
  const blobs = new Map<string, Uint8Array>();
  if (oids.length === 0) return blobs;
  const out = await git(cwd, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const [oid, type, size] = out.subarray(at, eol).toString('utf8').split(' ') as [string, string, string];
    if (type !== 'blob') throw new Error(`git cat-file: ${oid} is ${type ?? 'missing'}`);
    const length = Number(size);
    blobs.set(oid, out.subarray(eol + 1, eol + 1 + length));
    at = eol + 1 + length + 1;
  }
  return blobs;
}

/** One commit of `git log`. */
export interface Commit {
  hash: string;
  /** Parent hashes; none for the first commit. */
  parents: string[];
  /** Committer date, strict ISO 8601. */
  date: string;
  subject: string;
}

/** The last `limit` commits that touched `dir`, newest first. */
export async function commitsTouching(cwd: string, dir: string, limit: number): Promise<Commit[]> {
  const out = (await git(cwd, ['log', `--max-count=${limit}`, '-z', '--format=%H%x1f%P%x1f%cI%x1f%s', '--', dir])).toString('utf8');
  return out.split('\0').filter(Boolean).map((record) => {
    const [hash, parents, date, subject] = record.split('\x1f') as [string, string, string, string];
    return {hash, parents: parents.split(' ').filter(Boolean), date, subject};
  });
}

/** Whether the clone is shallow: its oldest commits then have parents that are not there. */
export async function isShallow(cwd: string): Promise<boolean> {
  return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).toString('utf8').trim() === 'true';
}

/**
 * The commits where a shallow clone's history is cut. `git log` shows them
 * without parents, like a first commit; they are not one.
 */
export async function shallowBoundary(cwd: string): Promise<Set<string>> {
  const file = path.resolve(cwd, (await git(cwd, ['rev-parse', '--git-path', 'shallow'])).toString('utf8').trim());
  if (!fs.existsSync(file)) return new Set();
  return new Set(fs.readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean));
}
