/**
 * The CVE database as evidence: reading a snapshot (and refusing one that is
 * missing or not in the vuln/core shape, naming the path), the rules on
 * cited CVEs, the check without a database (as before), the declaration of
 * other products' CVEs, and the refresh script on a tiny fake clone.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, {after} from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {runCheck} from '../../plugins/threat-model/lib/cli/check';
import {EvidenceError, parseCveDatabase, patchedVersions, readCveDatabase, shorten} from '../../plugins/threat-model/lib/evidence';
import {analyze, loadThreatModels} from '../../plugins/threat-model/lib/load';
import {afterSnapshot, checkEvidence, impossibility} from '../../plugins/threat-model/lib/rules/evidence';
import {refreshCveDatabase} from '../../scripts/refresh-cve-database';
import {FIXTURE_TODAY, materialise} from './corpus';

const fixtures = path.join(__dirname, '..', 'fixtures');
const shared = path.join(fixtures, 'shared');
const withEvidence = (extra: object = {}) => loadConfig({...fixtureConfig, evidence: {cveDatabase: 'cve-database', ...extra}});
const SNAPSHOT = JSON.stringify({repository: 'https://github.com/nodejs/security-wg', commit: 'a'.repeat(40), date: '2025-03-01T12:00:00+00:00'});
const ADVISORY = JSON.stringify({cve: ['CVE-2024-27982'], vulnerable: '18.x || 20.x || 21.x', patched: '^21.7.2 || ^18.20.1 || ^20.12.1', severity: 'medium', overview: 'Line one\nline two.'});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-'));
  after(() => fs.rmSync(dir, {recursive: true, force: true}));
  return dir;
}

/** The shared fixture site with one line of web.md changed. */
function sources(from: string, to: string) {
  const web = fs.readFileSync(path.join(shared, 'threat-models', 'web.md'), 'utf8');
  assert.ok(web.includes(from));
  return [
    {file: 'threat-models/tool.md', bytes: fs.readFileSync(path.join(shared, 'threat-models', 'tool.md'))},
    {file: 'threat-models/web.md', bytes: Buffer.from(web.replace(from, to))},
  ];
}
const REFS = '- References: CVE-2024-27982, CWE-444';

test('reading the CVE database', async (t) => {
  await t.test('should index the shared excerpt by CVE ID, with severity, fixed releases lowest first and the overview on one line', () => {
    const db = readCveDatabase(shared, 'cve-database');
    assert.deepEqual(Object.keys(db.records).sort(), ['CVE-2024-27980', 'CVE-2024-27982', 'CVE-2025-23084']);
    const record = db.records['CVE-2024-27982']!;
    const upstream = JSON.parse(fs.readFileSync(path.join(shared, 'cve-database', '140.json'), 'utf8')) as {severity: string; patched: string};
    assert.equal(record.severity, upstream.severity);
    assert.deepEqual(record.patched, ['18.20.1', '20.12.1', '21.7.2']);
    assert.equal(upstream.patched, '^18.20.1 || ^20.12.1 || ^21.7.2');
    assert.equal(record.advisory, 140);
    assert.doesNotMatch(record.overview, /\n/);
    assert.deepEqual(db.highest, {year: 2025, number: 23084});
    assert.equal(db.snapshot.date, '2025-03-01T12:00:00+00:00');
  });

  await t.test('should name the path when the folder is missing', () => {
    assert.throws(() => readCveDatabase(tempDir(), 'data/missing'), (error: unknown) => {
      assert.ok(error instanceof EvidenceError);
      assert.match(error.message, /^Cannot read the CVE database "data\/missing" \(evidence\.cveDatabase\): no such folder under /);
      assert.match(error.hint, /npm run refresh-cve-db/);
      return true;
    });
  });

  await t.test('should refuse a folder without snapshot.json, without advisories, or with an advisory of another shape', () => {
    assert.throws(() => parseCveDatabase([{name: '1.json', text: ADVISORY}], 'db'), {message: 'db is not a CVE database snapshot: it has no snapshot.json'});
    assert.throws(() => parseCveDatabase([{name: 'snapshot.json', text: SNAPSHOT}], 'db'), {message: 'db is not in the shape of vuln/core: it holds no <n>.json advisory'});
    assert.throws(() => parseCveDatabase([{name: 'snapshot.json', text: SNAPSHOT}, {name: '7.json', text: JSON.stringify({cve: 'CVE-2024-1', patched: 1, severity: 'severe'})}], 'db'),
      {message: /^db\/7\.json is not in the shape of vuln\/core: cve: Invalid input: expected array, received string; vulnerable: .*; patched: .*; severity: Invalid option/});
    assert.throws(() => parseCveDatabase([{name: 'snapshot.json', text: SNAPSHOT}, {name: '7.json', text: '{'}], 'db'), {message: /^db\/7\.json is not JSON: /});
    assert.throws(() => parseCveDatabase([{name: 'snapshot.json', text: '{"commit": "abc"}'}, {name: '1.json', text: ADVISORY}], 'db'), {message: /^db\/snapshot\.json is not in the shape of vuln\/core: repository: .*commit: use the full 40-character commit hash/});
  });

  await t.test('should show each fixed release of a patched range', () => {
    assert.deepEqual(patchedVersions('^8.1.4 || ^7.10.1 || ^4.8.4 || ^6.11.1'), ['4.8.4', '6.11.1', '7.10.1', '8.1.4']);
    assert.deepEqual(patchedVersions(' ^12.19.1 || ^14.15.1 || 15.2.1'), ['12.19.1', '14.15.1', '15.2.1']);
    assert.deepEqual(patchedVersions('^6.14.4 || ^8.11.4 || >= 10.9.0'), ['6.14.4', '8.11.4', '10.9.0 and later']);
  });

  await t.test('should cut an overview at a word, with an ellipsis, to at most 140 characters', () => {
    const long = 'word '.repeat(60).trim();
    const cut = shorten(long);
    assert.ok(cut.length <= 140, String(cut.length));
    assert.match(cut, /word…$/);
    assert.equal(shorten('short'), 'short');
  });
});

test('the configuration option', async (t) => {
  await t.test('should default to no evidence', () => {
    assert.equal(loadConfig(fixtureConfig).evidence, undefined);
  });

  await t.test('should refuse an absolute path, an empty product and a key that is not a CVE ID', () => {
    assert.throws(() => loadConfig({...fixtureConfig, evidence: {cveDatabase: '/srv/db'}}), {message: /evidence\.cveDatabase: use a path relative to the site root/});
    assert.throws(() => loadConfig({...fixtureConfig, evidence: {cveDatabase: 'db', otherProducts: {'CVE-2025-30066': ' '}}}), {message: /evidence\.otherProducts\.CVE-2025-30066: name the product the CVE belongs to/});
    assert.throws(() => loadConfig({...fixtureConfig, evidence: {cveDatabase: 'db', otherProducts: {'GHSA-1': 'x'}}}), {message: /evidence\.otherProducts\.GHSA-1: use a CVE ID, CVE-YYYY-NNNN/});
  });
});

test('the CVE rules', async (t) => {
  const db = readCveDatabase(shared, 'cve-database');

  await t.test('should find a CVE ID impossible by its year, a zero number or a leading zero', () => {
    assert.equal(impossibility('CVE-1998-0001', 2026), 'its year is before 1999, when CVE IDs began');
    assert.equal(impossibility('CVE-2027-1234', 2026), 'its year is after 2026');
    assert.equal(impossibility('CVE-2024-0000', 2026), 'its sequence number is 0');
    assert.equal(impossibility('CVE-2024-01234', 2026), 'a sequence number of five or more digits has no leading zero');
    assert.equal(impossibility('CVE-2024-0123', 2026), undefined);
    assert.equal(impossibility('CVE-1999-0001', 2026), undefined);
  });

  await t.test('should count an ID above the snapshot\'s highest as after it, and no other', () => {
    assert.equal(afterSnapshot('CVE-2025-23085', db), true);
    assert.equal(afterSnapshot('CVE-2026-0001', db), true);
    assert.equal(afterSnapshot('CVE-2025-23084', db), false);
    assert.equal(afterSnapshot('CVE-2025-1000', db), false);
    assert.equal(afterSnapshot('CVE-2016-99999', db), false);
  });

  await t.test('should report each CVE once per threat, at the ID, and skip declared products and listed CVEs', () => {
    const {index} = analyze(sources(REFS, '- References: CVE-2021-44228, CVE-2024-27982, CVE-2021-44228, CVE-2025-30066, CVE-2026-21717'), withEvidence());
    const findings = checkEvidence(index.models, withEvidence({otherProducts: {'CVE-2025-30066': 'tj-actions/changed-files'}}), db, FIXTURE_TODAY);
    assert.deepEqual(findings.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`), [
      '42:15 error unknown-cve CVE-2021-44228 in WEB-01 is not in the Node.js vulnerability database (snapshot of 2025-03-01): it belongs to another product',
      '42:79 warning cve-after-snapshot CVE-2026-21717 in WEB-01 is not in the Node.js vulnerability database: the snapshot of 2025-03-01 predates it',
    ]);
  });

  await t.test('should work as before without a database: no CVE is looked up, and nothing is kept for the pages', () => {
    const result = analyze(sources(REFS, '- References: CVE-2021-44228, CVE-2026-21717'), loadConfig(fixtureConfig), undefined, undefined, [], undefined, FIXTURE_TODAY);
    assert.deepEqual(result.diagnostics, []);
    assert.equal('evidence' in result, false);
  });

  await t.test('should still refuse an impossible ID without a database', () => {
    const result = analyze(sources(REFS, '- References: CVE-2031-1234'), loadConfig(fixtureConfig), undefined, undefined, [], undefined, FIXTURE_TODAY);
    assert.deepEqual(result.diagnostics.map((d) => d.ruleId), ['impossible-cve']);
  });

  await t.test('should load the database with the folder and hand it on with the result', () => {
    const site = materialise(path.join(fixtures, 'valid'));
    after(() => fs.rmSync(site, {recursive: true, force: true}));
    const result = loadThreatModels('threat-models', withEvidence(), site, {today: FIXTURE_TODAY});
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.evidence?.records['CVE-2024-27982']?.severity, 'medium');
  });

  await t.test('should refuse a declaration of another product for a CVE the database lists', () => {
    const site = materialise(path.join(fixtures, 'valid'));
    after(() => fs.rmSync(site, {recursive: true, force: true}));
    assert.throws(() => loadThreatModels('threat-models', withEvidence({otherProducts: {'CVE-2024-27982': 'llhttp'}}), site),
      {name: 'EvidenceError', message: 'evidence.otherProducts declares CVE-2024-27982 (cve-database/140.json) as another product\'s, but the Node.js vulnerability database lists it'});
  });

  await t.test('should make check exit 2 with the path and a hint when the configured folder is missing', async () => {
    const site = materialise(path.join(fixtures, 'valid'));
    after(() => fs.rmSync(site, {recursive: true, force: true}));
    const config = path.join(site, 'evidence.config.cjs');
    fs.writeFileSync(config, `module.exports = ${JSON.stringify({...fixtureConfig, evidence: {cveDatabase: 'data/none'}})};`);
    let stderr = '';
    const code = await runCheck(['threat-models', '--config', config], {cwd: site, stdout: () => {}, stderr: (text) => { stderr += text; }});
    assert.equal(code, 2);
    assert.match(stderr, /^error: Cannot read the CVE database "data\/none" \(evidence\.cveDatabase\): no such folder under .*\n {2}hint: Give a folder relative to the site root/);
  });
});

test('npm run refresh-cve-db', async (t) => {
  /** A fake clone: two advisories, a licence and an index that is not copied. */
  function fakeClone(): string {
    const clone = tempDir();
    fs.mkdirSync(path.join(clone, 'vuln', 'core'), {recursive: true});
    fs.writeFileSync(path.join(clone, 'vuln', 'core', '1.json'), ADVISORY);
    fs.writeFileSync(path.join(clone, 'vuln', 'core', '2.json'), JSON.stringify({cve: [], vulnerable: '4.x', patched: '^4.8.4', severity: 'unknown', description: 'No CVE'}));
    fs.writeFileSync(path.join(clone, 'vuln', 'core', 'index.json'), '{}');
    fs.writeFileSync(path.join(clone, 'LICENSE.md'), 'The MIT License (MIT)\n');
    return clone;
  }

  await t.test('should copy the advisories and the licence verbatim, replace stale ones, and record the commit and date', () => {
    const clone = fakeClone();
    const out = tempDir();
    fs.writeFileSync(path.join(out, '99.json'), ADVISORY);
    const result = refreshCveDatabase(clone, out, {commit: 'b'.repeat(40), date: '2026-04-08T23:26:49+02:00'});
    assert.deepEqual(fs.readdirSync(out).sort(), ['1.json', '2.json', 'LICENSE.md', 'README.md', 'snapshot.json']);
    assert.equal(fs.readFileSync(path.join(out, '1.json'), 'utf8'), ADVISORY);
    assert.equal(fs.readFileSync(path.join(out, 'LICENSE.md'), 'utf8'), 'The MIT License (MIT)\n');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, 'snapshot.json'), 'utf8')), {repository: 'https://github.com/nodejs/security-wg', commit: 'b'.repeat(40), date: '2026-04-08T23:26:49+02:00'});
    assert.match(fs.readFileSync(path.join(out, 'README.md'), 'utf8'), /- Commit: b{40}\n- Date: 2026-04-08T23:26:49\+02:00\n- 2 advisories, 1 CVE IDs/);
    assert.deepEqual({advisories: result.advisories, cves: result.cves}, {advisories: 2, cves: 1});
    // What it wrote, the check reads.
    assert.deepEqual(Object.keys(readCveDatabase(out, '.').records), ['CVE-2024-27982']);
  });

  await t.test('should take the commit and date from git for a clone', () => {
    const clone = fakeClone();
    const git = (...args: string[]) => execFileSync('git', ['-C', clone, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {encoding: 'utf8'});
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'advisories');
    const out = tempDir();
    const {snapshot} = refreshCveDatabase(clone, out);
    assert.equal(snapshot.commit, git('rev-parse', 'HEAD').trim());
  });

  await t.test('should refuse a folder that is not a clone without --commit and --date, and leave the old snapshot', () => {
    const clone = fakeClone();
    const out = tempDir();
    fs.writeFileSync(path.join(out, '99.json'), ADVISORY);
    assert.throws(() => refreshCveDatabase(path.join(clone, 'vuln', 'core'), out), {message: /is not a git clone: pass --commit <sha> --date <iso date>/});
    fs.writeFileSync(path.join(clone, 'vuln', 'core', '3.json'), '{"cve": "x"}');
    assert.throws(() => refreshCveDatabase(clone, out, {commit: 'c'.repeat(40), date: '2026-04-08T23:26:49+02:00'}), {message: /3\.json is not in the shape of vuln\/core/});
    assert.deepEqual(fs.readdirSync(out), ['99.json']);
  });

  await t.test('should refuse a clone without a licence', () => {
    const clone = fakeClone();
    fs.rmSync(path.join(clone, 'LICENSE.md'));
    assert.throws(() => refreshCveDatabase(clone, tempDir(), {commit: 'c'.repeat(40), date: '2026-04-08T23:26:49+02:00'}), {message: /^No licence file \(LICENSE\.md, LICENSE, LICENSE\.txt\) in /});
  });
});
