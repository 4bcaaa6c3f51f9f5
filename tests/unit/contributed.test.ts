/**
 * The contributed-file corpus: `tests/fixtures/contributed/<case>/` holds
 * the files a case changes (the rest come from `tests/fixtures/shared/`),
 * `case.json` what a safe generator must do, and `expected.txt` the exact
 * report of `check`. Run with `UPDATE=1` to rewrite the expected reports;
 * `case.json` is written by hand and is never rewritten.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {runCheck} from '../../plugins/threat-model/lib/cli/check';
import {readConfigFile} from '../../plugins/threat-model/lib/cli/config-file';
import {RULES, type DiagnosticJson} from '../../plugins/threat-model/lib/diagnostics';
import {buildExport} from '../../plugins/threat-model/lib/export';
import {loadThreatModels} from '../../plugins/threat-model/lib/load';
import {cases, CLASSES, FIXTURE_TODAY, materialise, readCase} from './corpus';

const fixtures = path.join(__dirname, '..', 'fixtures');
const corpus = path.join(fixtures, 'contributed');
const configFile = path.join(fixtures, 'threat-model.config.ts');
const update = Boolean(process.env.UPDATE);

async function check(dir: string, format = 'text') {
  let stdout = '';
  let stderr = '';
  const code = await runCheck(['--config', configFile, '--format', format], {
    cwd: dir,
    today: FIXTURE_TODAY,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  });
  return {code, stdout, stderr};
}

const normalise = (report: string) => report.replace(/\(\d+ ms\)\n$/, '(0 ms)\n');

test('contributed corpus', async (t) => {
  const specs = new Map(cases.map((name) => [name, readCase(name)]));
  const seenRules = new Set<string>();

  await t.test('should cover every class of the threat model of contributed files, at least 60 cases in all', () => {
    assert.ok(cases.length >= 60, `${cases.length} cases`);
    for (const cls of CLASSES) {
      assert.ok([...specs.values()].filter((s) => s.class === cls).length >= 3, `class ${cls}`);
    }
    for (const [name, spec] of specs) {
      assert.ok(CLASSES.includes(spec.class), `${name}: class ${spec.class}`);
      assert.ok(name.startsWith(`${spec.class}-`) || spec.class === 'build', `${name} is named after its class`);
      assert.ok(spec.expect === 'rejected' || Number.isInteger(spec.threats), `${name}: an accepted case gives its threat count`);
    }
  });

  for (const name of cases) {
    await t.test(`${name}: ${specs.get(name)!.expect}`, async () => {
      const spec = specs.get(name)!;
      const dir = materialise(name);
      try {
        const text = await check(dir);
        const expectedFile = path.join(corpus, name, 'expected.txt');
        const actual = normalise(text.stdout);
        if (update) fs.writeFileSync(expectedFile, actual);
        assert.equal(text.stderr, '');
        assert.equal(actual, fs.readFileSync(expectedFile, 'utf8'));
        const report = JSON.parse((await check(dir, 'json')).stdout) as {errors: number; threats: number; diagnostics: DiagnosticJson[]};
        for (const d of report.diagnostics) seenRules.add(`${d.source}:${d.ruleId}`);
        // Every finding names file:line:column and has a hint, and no line carries a raw control character.
        for (const d of report.diagnostics) {
          assert.ok(d.line >= 1 && d.column >= 1, `${d.file}:${d.line}:${d.column}`);
          assert.match(d.hint, /\S/);
        }
        assert.doesNotMatch(actual, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        if (spec.expect === 'rejected') {
          assert.equal(text.code, 1, 'a rejected case fails the check');
          assert.ok(report.errors > 0);
          return;
        }
        assert.equal(text.code, 0, `an accepted case passes:\n${actual}`);
        assert.equal(report.threats, spec.threats, 'threats read');
        const config = await readConfigFile(configFile, dir);
        const {index} = loadThreatModels(config.dir, config, dir);
        const exported = buildExport(index, config, {});
        assert.equal(exported.counts.threats, spec.threats, 'threats in the export');
        assert.equal(exported.models.flatMap((m) => m.threats).length, spec.threats);
      } finally {
        fs.rmSync(dir, {recursive: true, force: true});
      }
    });
  }

  await t.test('should exercise every rule, here or in a rule fixture', () => {
    const ruleFixtures = fs.readdirSync(fixtures).filter((name) => name in RULES).map((name) => `threat-model:${name}`);
    const missing = Object.keys(RULES).map((r) => `threat-model:${r}`).filter((r) => !seenRules.has(r) && !ruleFixtures.includes(r));
    assert.deepEqual(missing, []);
  });
});

test('folder layout', async (t) => {
  await t.test('should refuse a symbolic link to a file or a folder, and a subfolder, without following them', async () => {
    const dir = materialise('links-site-pages');
    try {
      fs.symlinkSync('/etc/passwd', path.join(dir, 'threat-models', 'passwd.md'));
      fs.symlinkSync('/etc', path.join(dir, 'threat-models', 'etc'));
      fs.mkdirSync(path.join(dir, 'threat-models', 'drafts'));
      const {code, stdout} = await check(dir);
      assert.equal(code, 1);
      assert.deepEqual(stdout.split('\n').filter((l) => l.includes('folder-layout')), [
        'threat-models/drafts/:1:1  error  "drafts/" is a subfolder of the threat-model folder  threat-model:folder-layout',
        'threat-models/etc:1:1  error  "etc" is a symbolic link  threat-model:folder-layout',
        'threat-models/passwd.md:1:1  error  "passwd.md" is a symbolic link  threat-model:folder-layout',
      ]);
      assert.doesNotMatch(stdout, /root:|EISDIR/);
    } finally {
      fs.rmSync(dir, {recursive: true, force: true});
    }
  });

  await t.test('should refuse a static file reached through a symbolic link', async () => {
    const dir = materialise('links-site-pages');
    try {
      fs.rmSync(path.join(dir, 'static', 'img', 'logo.svg'));
      fs.symlinkSync('/etc/hostname', path.join(dir, 'static', 'img', 'logo.svg'));
      const {code, stdout} = await check(dir);
      assert.equal(code, 1);
      assert.match(stdout, /web\.md:\d+:\d+ {2}error {2}Image "\/img\/logo\.svg" is neither a page of the site nor a file in static {2}threat-model:broken-link/);
    } finally {
      fs.rmSync(dir, {recursive: true, force: true});
    }
  });
});

test('no contributed front matter is evaluated', async (t) => {
  const payloads = cases.filter((name) => readCase(name).class === 'exec');
  const markers = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('tm-marker-'));

  await t.test('the payloads do run under a front-matter parser that picks an engine (positive control)', async () => {
    const {DEFAULT_PARSE_FRONT_MATTER} = await import('@docusaurus/utils');
    const marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'control-')), 'ran');
    const source = fs.readFileSync(path.join(corpus, 'exec-js-engine', 'threat-models', 'web.md'), 'utf8')
      .replace('/tmp/tm-marker-exec-js-engine', marker);
    assert.notEqual(source.indexOf(marker), -1);
    await DEFAULT_PARSE_FRONT_MATTER({filePath: 'web.md', fileContent: source}).catch(() => undefined);
    assert.equal(fs.existsSync(marker), true, 'gray-matter evaluates `---js`: without the reader, this payload runs');
    fs.rmSync(path.dirname(marker), {recursive: true, force: true});
  });

  await t.test('check and the site\'s front-matter hook read every payload without running it', async () => {
    for (const marker of markers()) fs.rmSync(path.join(os.tmpdir(), marker), {force: true});
    const {parseFrontMatter} = await import('../../plugins/threat-model/lib/front-matter-hook');
    for (const name of payloads) {
      const dir = materialise(name);
      try {
        assert.equal((await check(dir)).code, 1, name);
        for (const file of fs.readdirSync(path.join(corpus, name, 'threat-models'))) {
          const fileContent = fs.readFileSync(path.join(corpus, name, 'threat-models', file), 'utf8');
          if (fileContent.replace(/^\ufeff/, '').startsWith('---')) {
            await assert.rejects(parseFrontMatter({filePath: file, fileContent}), /threat-model:(front-matter-fence|yaml-feature)/, name);
          } else {
            // `+++` and `;;;` blocks are no front matter at all to the site: text of the page.
            assert.deepEqual((await parseFrontMatter({filePath: file, fileContent})).frontMatter, {}, name);
          }
        }
      } finally {
        fs.rmSync(dir, {recursive: true, force: true});
      }
    }
    assert.ok(payloads.length >= 10);
    assert.deepEqual(markers(), []);
  });
});
