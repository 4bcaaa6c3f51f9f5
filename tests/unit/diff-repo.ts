/**
 * Temporary git repositories for the diff and history tests: the `before`
 * models of `tests/diff-fixtures/` committed, then a case's models laid
 * into the working tree (or committed too). Fixed names and dates make the
 * commits the same on every machine; `git` runs through `execFileSync` with
 * argument arrays, as the code under test does.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const diffFixtures = path.join(__dirname, '..', 'diff-fixtures');
export const diffConfig = path.join(diffFixtures, 'threat-model.config.ts');

const IDENTITY = ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];

export function run(cwd: string, args: string[], date = '2026-11-01T12:00:00Z'): string {
  return execFileSync('git', [...IDENTITY, ...args], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd},
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** A repository whose one commit holds `tests/diff-fixtures/before/`. */
export function repoWithBefore(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-repo-'));
  run(dir, ['init', '-q']);
  useModels(dir, 'before');
  commitAll(dir, 'Threat models as they were', '2026-11-01T12:00:00Z');
  return dir;
}

/** Replace the working tree's threat models with a case's. */
export function useModels(dir: string, name: string): void {
  fs.rmSync(path.join(dir, 'threat-models'), {recursive: true, force: true});
  fs.cpSync(path.join(diffFixtures, name, 'threat-models'), path.join(dir, 'threat-models'), {recursive: true});
}

export function commitAll(dir: string, subject: string, date: string): string {
  run(dir, ['add', '-A']);
  run(dir, ['commit', '-q', '--allow-empty', '-m', subject], date);
  return run(dir, ['rev-parse', 'HEAD']);
}

export function remove(dir: string): void {
  fs.rmSync(dir, {recursive: true, force: true});
}
