/**
 * Fixture cases: `tests/fixtures/<case>/` holds the files the case changes
 * in the shared valid set (`tests/fixtures/shared/`), and, in `without.txt`,
 * the shared files it leaves out; `tests/fixtures/<case>/expected.txt` is the
 * exact text report of `check`. A case with its own `threat-model.config.ts`
 * is checked with it (the evidence cases name the shared excerpt of the CVE
 * database); every other case with `tests/fixtures/threat-model.config.ts`.
 * `valid` must be clean; every other case is named after the one rule it
 * triggers. Every rule has a case here or in the contributed corpus
 * (`contributed.test.ts` checks that). Run with `UPDATE=1` to rewrite the
 * expected files.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test, {after} from 'node:test';
import {runCheck} from '../../plugins/threat-model/lib/cli/check';
import {RULES, type DiagnosticJson} from '../../plugins/threat-model/lib/diagnostics';
import {RULE_LIST} from '../../plugins/threat-model/lib/rules/registry';
import {FIXTURE_TODAY, materialise} from './corpus';

const root = path.join(__dirname, '..', 'fixtures');
const config = path.join(root, 'threat-model.config.ts');
const update = Boolean(process.env.UPDATE);

/**
 * `shared/` and `contributed/` belong to the corpus of contributed files
 * (`contributed.test.ts`); `diagram/` holds the renderer's cases (`diagram.test.ts`).
 */
const OTHER = new Set(['shared', 'contributed', 'diagram']);
const cases = fs
  .readdirSync(root, {withFileTypes: true})
  .filter((entry) => entry.isDirectory() && !OTHER.has(entry.name))
  .map((entry) => entry.name)
  .sort();

async function check(name: string, format = 'text') {
  let stdout = '';
  let stderr = '';
  const cwd = materialise(path.join(root, name));
  after(() => fs.rmSync(cwd, {recursive: true, force: true}));
  const own = path.join(root, name, 'threat-model.config.ts');
  const code = await runCheck(['threat-models', '--config', fs.existsSync(own) ? own : config, '--format', format], {
    cwd,
    today: FIXTURE_TODAY,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return {code, stdout, stderr};
}

/** The duration is the only part of the report that changes between runs. */
function normalise(report: string): string {
  return report.replace(/\(\d+ ms\)\n$/, '(0 ms)\n');
}

test('fixtures', async (t) => {
  await t.test('should name every fixture after a rule, or `valid`', () => {
    const stray = cases.filter((name) => name !== 'valid' && !(name in RULES));
    assert.deepEqual(stray, []);
  });

  await t.test('should give every fixture an expected report, and a change to the shared set unless it is `valid`', () => {
    for (const name of cases) {
      assert.ok(update || fs.existsSync(path.join(root, name, 'expected.txt')), `${name}/expected.txt (run with UPDATE=1)`);
      const changes = fs.existsSync(path.join(root, name, 'threat-models')) || fs.existsSync(path.join(root, name, 'without.txt'));
      assert.equal(changes, name !== 'valid', name);
    }
  });

  for (const name of cases) {
    await t.test(`should match ${name}/expected.txt`, async () => {
      const {code, stdout, stderr} = await check(name);
      const actual = normalise(stdout);
      const expectedFile = path.join(root, name, 'expected.txt');
      if (update) fs.writeFileSync(expectedFile, actual);
      assert.equal(stderr, '');
      assert.equal(actual, fs.readFileSync(expectedFile, 'utf8'));

      const {stdout: json} = await check(name, 'json');
      const report = JSON.parse(json) as {errors: number; warnings: number; diagnostics: DiagnosticJson[]};
      if (name === 'valid') {
        assert.equal(code, 0);
        assert.deepEqual(report.diagnostics, []);
        assert.match(actual, /^\d+ files, \d+ threats: 0 errors, 0 warnings \(0 ms\)\n$/);
        return;
      }
      // Each case shows its own rule and nothing else, so a new cascade shows up here.
      assert.ok(report.diagnostics.length > 0, 'a failing fixture needs a finding');
      assert.deepEqual([...new Set(report.diagnostics.map((d) => `${d.source}:${d.ruleId}`))], [`threat-model:${name}`]);
      assert.equal(code, report.errors > 0 ? 1 : 0);
      // Every finding: file:line:column, severity, message, rule id, then its hint.
      const lines = actual.split('\n');
      for (const d of report.diagnostics) {
        const head = `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  threat-model:${name}`;
        const at = lines.indexOf(head);
        assert.notEqual(at, -1, `missing line: ${head}`);
        assert.match(lines[at + 1] ?? '', /^ {2}hint: \S/);
      }
    });
  }
});

test('the contributing page lists every rule', () => {
  const page = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'contributing.md'), 'utf8');
  const rows = [...page.matchAll(/^\| `threat-model:([a-z-]+)` \| (.*) \|$/gm)].map((m) => [m[1], m[2]!.replace(/\\\|/g, '|')]);
  assert.deepEqual(rows, RULE_LIST.map((rule) => [rule.id, rule.description]));
});
