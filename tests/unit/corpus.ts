/**
 * The contributed-file corpus under `tests/fixtures/contributed/`: its
 * cases, what each expects, and a site folder for one (the shared set with
 * the case's files laid over it). Used by the unit tests and the build test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const fixtures = path.join(__dirname, '..', 'fixtures');
export const corpus = path.join(fixtures, 'contributed');
export const configFile = path.join(fixtures, 'threat-model.config.ts');

export interface CaseSpec {
  class: string;
  description: string;
  expect: 'rejected' | 'accepted';
  threats?: number;
}

export const CLASSES = ['exec', 'files', 'xss', 'yaml', 'loss', 'html', 'build', 'rewrite', 'message', 'advice'];

export const cases = fs
  .readdirSync(corpus, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

export function readCase(name: string): CaseSpec {
  return JSON.parse(fs.readFileSync(path.join(corpus, name, 'case.json'), 'utf8')) as CaseSpec;
}

/**
 * A site folder: the shared set with the case's files laid over it, less
 * the shared files its `without.txt` lists (one path a line).
 * @param name A case of the corpus, or a path to any fixture folder.
 */
export function materialise(name: string, into = fs.mkdtempSync(path.join(os.tmpdir(), `case-${path.basename(name)}-`))): string {
  const source = path.isAbsolute(name) ? name : path.join(corpus, name);
  fs.cpSync(path.join(fixtures, 'shared'), into, {recursive: true});
  fs.cpSync(source, into, {recursive: true, filter: (src) => !/(case\.json|expected\.txt|without\.txt)$/.test(src)});
  const without = path.join(source, 'without.txt');
  if (fs.existsSync(without)) {
    for (const line of fs.readFileSync(without, 'utf8').split('\n').filter(Boolean)) fs.rmSync(path.join(into, line));
  }
  return into;
}

/**
 * The date the fixture reports measure review ages against, so that they do
 * not change with the calendar (the stale-review fixture is older than it by
 * more than the 365 days allowed; every other fixture is younger).
 */
export const FIXTURE_TODAY = '2026-12-01';
