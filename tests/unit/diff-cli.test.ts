/**
 * `npm run diff` on temporary repositories: every kind of change pinned in
 * the three formats (`tests/diff-fixtures/<case>/expected.*`; run with
 * `UPDATE=1` to rewrite them), and the errors for bad refs and folders.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, {after} from 'node:test';
import {runDiff} from '../../plugins/threat-model/lib/cli/diff';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {diffIndexes} from '../../plugins/threat-model/lib/diff/diff';
import {formatDiffMarkdown} from '../../plugins/threat-model/lib/diff/format-markdown';
import {buildIndex} from '../../plugins/threat-model/lib/model-index';
import {diffConfig, diffFixtures, remove, repoWithBefore, useModels} from './diff-repo';

const update = Boolean(process.env.UPDATE);
const parsedConfig = loadConfig({runtime: 'Node.js', useCases: [{id: 'web', label: 'Web server', prefix: 'WEB'}]});
const EXTENSIONS = {text: 'txt', json: 'json', markdown: 'md'} as const;

async function diff(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runDiff(['--config', diffConfig, ...args], {cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t)});
  return {code, stdout, stderr};
}

/** The commit hash is the same on every machine, but pinning it would tie the files to git's object format. */
function normalise(text: string, commit: string): string {
  return text.replaceAll(commit, '<commit>').replaceAll(commit.slice(0, 7), '<short>');
}

for (const name of ['threats', 'models']) {
  test(`diff: the ${name} case`, async (t) => {
    const repo = repoWithBefore();
    after(() => remove(repo));
    useModels(repo, name);
    const commit = fs.readFileSync(path.join(repo, '.git', 'refs', 'heads', 'main'), 'utf8').trim();
    for (const format of ['text', 'json', 'markdown'] as const) {
      await t.test(`should match ${name}/expected.${EXTENSIONS[format]}`, async () => {
        const {code, stdout, stderr} = await diff(repo, ['HEAD', '--format', format]);
        const file = path.join(diffFixtures, name, `expected.${EXTENSIONS[format]}`);
        const actual = normalise(stdout, commit);
        if (update) fs.writeFileSync(file, actual);
        assert.equal(actual, fs.readFileSync(file, 'utf8'));
        assert.equal(code, 0);
        assert.match(stderr, /^Reading threat-models\/ at HEAD \([0-9a-f]{7}\) and in the working tree…\n.+ \(\d+ ms\)\n$/);
      });
    }
    await t.test('should exit 1 with --fail-on-breaking when an ID that is not retired is gone', async () => {
      const {code} = await diff(repo, ['HEAD', '--fail-on-breaking']);
      assert.equal(code, 1);
    });
  });
}

test('diff: exit codes and errors', async (t) => {
  const repo = repoWithBefore();
  after(() => remove(repo));

  await t.test('should report no changes and exit 0, also with --fail-on-breaking, when the working tree is the commit', async () => {
    const {code, stdout} = await diff(repo, ['HEAD', '--fail-on-breaking']);
    assert.equal(code, 0);
    assert.match(stdout, /^Threat-model changes from HEAD \([0-9a-f]{7}\) to the working tree: no changes to the threat models\n$/);
  });

  await t.test('should exit 0 with --fail-on-breaking when every removed ID is retired', async () => {
    const web = path.join(repo, 'threat-models', 'web.md');
    const original = fs.readFileSync(web, 'utf8');
    after(() => fs.writeFileSync(web, original));
    fs.writeFileSync(web, original.replace('{#WEB-02}', '{#WEB-04}'));
    const {code, stdout} = await diff(repo, ['HEAD', '--fail-on-breaking']);
    assert.equal(code, 0);
    assert.match(stdout, /- WEB-02  Removed: “Slow requests exhaust the server”, a retired ID \(Folded into WEB-04, which covers every slow-client attack\.\); links to it can point at WEB-04\n/);
  });

  await t.test('should refuse a ref that git does not know', async () => {
    const {code, stdout, stderr} = await diff(repo, ['no-such-branch']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'error: Unknown ref "no-such-branch": it names no commit in this repository\n' +
      '  hint: Check the spelling with `git log --oneline`; in a shallow clone, fetch the history first (`git fetch --unshallow`, or `fetch-depth: 0` in a workflow).\n');
  });

  await t.test('should refuse a ref that starts with "-" before it reaches git', async () => {
    const {code, stderr} = await diff(repo, ['--', '--output=/tmp/x']);
    assert.equal(code, 2);
    assert.equal(stderr, 'error: Refusing the ref "--output=/tmp/x": a ref cannot start with "-"\n  hint: Pass a branch, tag or commit, e.g. `origin/main` or `HEAD~1`.\n');
  });

  await t.test('should refuse a folder that is not a git repository', async () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-plain-'));
    after(() => remove(plain));
    const {code, stderr} = await diff(plain, ['HEAD']);
    assert.equal(code, 2);
    assert.equal(stderr, `error: Not a git repository: ${plain}\n  hint: Run the command inside the clone of the site, where \`git log\` works.\n`);
  });

  await t.test('should refuse a missing ref, two refs and an unknown format', async () => {
    assert.match((await diff(repo, [])).stderr, /^error: Expected one git ref, got 0\n/);
    assert.match((await diff(repo, ['HEAD', 'main'])).stderr, /^error: Expected one git ref, got 2\n/);
    const unknown = await diff(repo, ['HEAD', '--format', 'html']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'error: Unknown format "html"\n  hint: Use one of: text, json, markdown.\n');
  });
});

test('diff: the pull-request comment keeps contributed text as text', () => {
  const diff = diffIndexes(buildIndex([], parsedConfig), buildIndex([], parsedConfig), parsedConfig);
  const title = 'Evil <img src=x onerror=alert(1)> | [link](https://example.com) @nodejs/security `code` *bold*';
  const markdown = formatDiffMarkdown({...diff, useCases: [{useCase: 'web', label: 'Web server', model: 'changed', file: 'threat-models/web.md', added: [{id: 'WEB-09', title}], removed: [], changed: [], coverage: []}]}, {from: 'origin/main', commit: '0123456789abcdef'});
  assert.equal(markdown.split('\n').at(-2),
    '| Web server | WEB-09 | Added: “Evil \\<img src=x onerror=alert\\(1\\)\\> \\| \\[link\\]\\(https://example.com\\) @\u2060nodejs/security \\`code\\` \\*bold\\*” |');
});
