/**
 * The Changes page's data from a temporary repository's history: newest
 * first, the first commit against no models, a shallow clone and a copy
 * without `.git` said in words instead of failing.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, {after} from 'node:test';
import {readConfigFile} from '../../plugins/threat-model/lib/cli/config-file';
import {buildHistory, MAX_LINES} from '../../plugins/threat-model/lib/history';
import {commitAll, diffConfig, remove, repoWithBefore, useModels} from './diff-repo';

async function history(dir: string, limit?: number) {
  return buildHistory(dir, await readConfigFile(diffConfig, dir), limit);
}

test('history', async (t) => {
  const repo = repoWithBefore();
  after(() => remove(repo));
  useModels(repo, 'threats');
  const second = commitAll(repo, 'Retire WEB-02 and rework WEB-01', '2026-11-02T12:00:00Z');
  fs.writeFileSync(path.join(repo, 'README.md'), 'Not a threat model.\n');
  commitAll(repo, 'A commit outside the threat models', '2026-11-03T12:00:00Z');

  await t.test('should list the commits that touched the folder, newest first, each against its parent, models and breaking changes first', async () => {
    const data = await history(repo);
    assert.ok(data.available);
    assert.equal(data.shallow, false);
    assert.deepEqual(data.entries.map((e) => [e.date, e.subject, e.summary]), [
      ['2026-11-02', 'Retire WEB-02 and rework WEB-01', '1 breaking change, 1 model status changed, 1 threat added, 2 threats removed, 2 threats changed, 4 coverage cells changed'],
      ['2026-11-01', 'Threat models as they were', '2 models added, 5 threats added'],
    ]);
    assert.equal(data.entries[0]!.hash, second);
    assert.deepEqual(data.entries[0]!.lines.slice(0, 4), [
      {useCase: 'Web server', kind: 'model', text: 'Model status: draft → review', breaking: false},
      {useCase: 'Web server', kind: 'removed', id: 'WEB-03', text: 'Removed: “Request data reaching the file system”; links to #WEB-03 stop working, and the ID is not in retiredIds', breaking: true},
      {useCase: 'Web server', kind: 'added', id: 'WEB-04', text: 'Added: “Slow clients hold connections open”', breaking: false},
      {useCase: 'Web server', kind: 'removed', id: 'WEB-02', text: 'Removed: “Slow requests exhaust the server”, a retired ID (Folded into WEB-04, which covers every slow-client attack.); links to it can point at WEB-04', breaking: false},
    ]);
    assert.equal(data.entries[0]!.more, 0);
  });

  await t.test('should stop at the limit', async () => {
    const data = await history(repo, 1);
    assert.ok(data.available);
    assert.deepEqual(data.entries.map((e) => e.subject), ['Retire WEB-02 and rework WEB-01']);
  });

  await t.test('should keep at most MAX_LINES changes per commit and count the rest', async () => {
    const big = repoWithBefore();
    after(() => remove(big));
    const web = path.join(big, 'threat-models', 'web.md');
    const extra = Array.from({length: MAX_LINES + 5}, (_, i) =>
      `### Extra threat ${i + 1} {#WEB-${i + 10}}\n\n- STRIDE: Tampering\n- Severity: low\n- Responsibility: application\n- Mitigations: none\n- References: CWE-20\n\nText.\n\n`).join('');
    fs.writeFileSync(web, fs.readFileSync(web, 'utf8').replace('## Not applicable', `${extra}## Not applicable`));
    commitAll(big, 'Many threats', '2026-11-02T12:00:00Z');
    const data = await history(big, 1);
    assert.ok(data.available);
    assert.equal(data.entries[0]!.lines.length, MAX_LINES);
    assert.equal(data.entries[0]!.more, 5);
  });

  await t.test('should say the history is missing in a shallow clone of one commit', async () => {
    const shallow = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-shallow-'));
    after(() => remove(shallow));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow], {stdio: 'ignore'});
    const data = await history(shallow);
    assert.deepEqual(data, {
      runtime: 'Node.js', dir: 'threat-models', available: false,
      reason: 'This site was built from a shallow clone of its repository, which lacks the commits before the last one, so no change can be shown.',
    });
  });

  await t.test('should list what a shallow clone can compare, and say that older commits are missing', async () => {
    const shallow = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-shallow-'));
    after(() => remove(shallow));
    execFileSync('git', ['clone', '-q', '--depth', '3', `file://${repo}`, shallow], {stdio: 'ignore'});
    // Depth 3 holds all three commits, but git no longer knows that the oldest is the first: it is left out.
    const data = await history(shallow);
    assert.ok(data.available);
    assert.equal(data.shallow, true);
    assert.deepEqual(data.entries.map((e) => e.subject), ['Retire WEB-02 and rework WEB-01']);
  });

  await t.test('should say the history is missing in a copy without .git', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-copy-'));
    after(() => remove(copy));
    fs.cpSync(path.join(repo, 'threat-models'), path.join(copy, 'threat-models'), {recursive: true});
    const data = await history(copy);
    assert.deepEqual(data, {
      runtime: 'Node.js', dir: 'threat-models', available: false,
      reason: 'This site was built from a copy of its files without the git history, so the changes cannot be listed.',
    });
  });
});
