/**
 * The `check` and `new` commands, called in-process through `runCheck` and
 * `runNew` with a fake terminal. Anything written goes to a temp dir.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, {after} from 'node:test';
import {FIXTURE_TODAY, materialise} from './corpus';
import Ajv from 'ajv';
import {runCheck, type Io} from '../../plugins/threat-model/lib/cli/check';
import {runNew} from '../../plugins/threat-model/lib/cli/new';
import {diagnostic, RULES, type DiagnosticJson} from '../../plugins/threat-model/lib/diagnostics';
import {formatGithub} from '../../plugins/threat-model/lib/report/github';
import {summarize} from '../../plugins/threat-model/lib/report/summary';
import {formatText} from '../../plugins/threat-model/lib/report/text';

const fixtures = path.join(__dirname, '..', 'fixtures');

/** A rule fixture laid over the shared valid set, in a temporary folder removed after the tests. */
function fixtureSite(name: string): string {
  const dir = materialise(path.join(fixtures, name));
  after(() => fs.rmSync(dir, {recursive: true, force: true}));
  return dir;
}
const config = path.join(fixtures, 'threat-model.config.ts');
const sarifSchemaFile = path.join(__dirname, '..', '..', 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function terminal(cwd: string): {io: Io; out: () => Omit<Run, 'code'>} {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      cwd,
      today: FIXTURE_TODAY,
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    },
    out: () => ({stdout, stderr}),
  };
}

async function check(argv: string[], cwd = path.join(fixtures, 'shared')): Promise<Run> {
  const {io, out} = terminal(cwd);
  const code = await runCheck(argv, io);
  return {code, ...out()};
}

async function scaffold(argv: string[], cwd: string, today = '2026-01-02'): Promise<Run> {
  const {io, out} = terminal(cwd);
  const code = await runNew(argv, io, today);
  return {code, ...out()};
}

function tempDir(t: {after: (fn: () => void) => void}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threat-model-cli-'));
  t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
  return dir;
}

const STACK = /^\s+at /m;

test('runCheck', async (t) => {
  await t.test('should exit 0 on a clean folder and print only the summary', async () => {
    const run = await check(['threat-models', '--config', config]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^2 files, 5 threats: 0 errors, 0 warnings \(\d+ ms\)\n$/);
    assert.equal(run.stderr, '');
  });

  await t.test('should exit 0 when there are only warnings', async () => {
    const run = await check(['threat-models', '--config', config], fixtureSite('section-order'));
    assert.equal(run.code, 0);
    assert.match(run.stdout, /0 errors, 1 warning /);
  });

  await t.test('should exit 1 when there is an error', async () => {
    const run = await check(['threat-models', '--config', config], fixtureSite('invalid-value'));
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^threat-models\/web\.md:36:32 {2}error {2}Invalid STRIDE "Elevation of privlege"/);
  });

  await t.test('should take the folder from the configuration when none is given', async () => {
    const run = await check(['--config', config], fixtureSite('missing-use-case'));
    assert.equal(run.code, 1);
    assert.match(run.stdout, /Missing threat model for use case "web"/);
  });

  await t.test('should print the usage for --help and exit 0', async () => {
    const run = await check(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: npm run check -- \[dir\]/);
  });

  const usageErrors: Array<[string, string[], RegExp]> = [
    ['an unknown flag', ['--frmat', 'json', '--config', config], /^error: Unknown option '--frmat'/],
    ['an unknown format', ['--format', 'xml', '--config', config], /^error: Unknown format "xml"\n {2}hint: Use one of: text, pretty, json, github, sarif\.\n$/],
    ['a missing folder', ['no-such-folder', '--config', config], /^error: Not a folder: no-such-folder\n {2}hint: /],
    ['a file instead of a folder', ['expected.txt', '--config', config], /^error: Not a folder: expected\.txt\n/],
    ['two folders', ['threat-models', 'threat-models', '--config', config], /^error: Expected at most one folder, got 2\n/],
    ['a missing configuration file', ['threat-models', '--config', 'no-such.config.ts'], /^error: Configuration file not found: no-such\.config\.ts\n {2}hint: .*--config/],
    ['a missing default configuration file', ['threat-models'], /^error: Configuration file not found: threat-model\.config\.ts\n/],
  ];
  for (const [what, argv, stderr] of usageErrors) {
    await t.test(`should exit 2 on ${what}, without a stack trace`, async () => {
      const run = await check(argv);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, stderr);
      assert.doesNotMatch(run.stderr, STACK);
    });
  }

  await t.test('should exit 2 on an invalid configuration, naming every problem', async (t) => {
    const dir = tempDir(t);
    fs.mkdirSync(path.join(dir, 'threat-models'));
    fs.writeFileSync(
      path.join(dir, 'bad.config.ts'),
      `export default {runtime: 'X', useCases: [{id: 'web', label: 'A', prefix: 'WEB'}, {id: 'web', label: 'B', prefix: 'WEB'}]};\n`,
    );
    const run = await check(['threat-models', '--config', 'bad.config.ts'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^error: Invalid threat-model configuration in bad\.config\.ts:\n {2}- use case id "web" appears twice\n {2}- ID prefix "WEB" appears twice\n$/);
    assert.doesNotMatch(run.stderr, STACK);
  });

  await t.test('should report an unreadable file as a finding, not a crash', async (t) => {
    const dir = tempDir(t);
    fs.mkdirSync(path.join(dir, 'threat-models'));
    fs.writeFileSync(path.join(dir, 'threat-models', 'web.md'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const run = await check(['threat-models', '--config', config], dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^threat-models\/web\.md:1:1 {2}error {2}File is not UTF-8 text {2}threat-model:binary-file$/m);
    assert.doesNotMatch(run.stdout + run.stderr, STACK);
  });

  await t.test('should print JSON with the summary counts and every finding', async () => {
    const run = await check(['threat-models', '--config', config, '--format', 'json'], fixtureSite('invalid-reference'));
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as {files: number; threats: number; errors: number; warnings: number; durationMs: number; diagnostics: DiagnosticJson[]};
    assert.equal(report.files, 2);
    assert.equal(report.threats, 5);
    assert.equal(report.errors, 3);
    assert.equal(report.warnings, 0);
    assert.equal(report.diagnostics.length, report.errors + report.warnings);
    assert.ok(Number.isInteger(report.durationMs));
    assert.deepEqual(report.diagnostics[0], {
      file: 'threat-models/web.md',
      line: 53,
      column: 24,
      severity: 'error',
      source: 'threat-model',
      ruleId: 'invalid-reference',
      message: 'Reference "ftp://nodejs.org/api/http.html" in WEB-02 is not a CVE ID, a CWE ID or an http(s) URL',
      hint: 'Write CVE-YYYY-NNNN, CWE-NNN, https://… or [text](https://…), separated by commas.',
      url: 'https://github.com/threat-model-site/threat-model-site/blob/main/plugins/threat-model/RULES.md#invalid-reference',
    });
  });

  await t.test('should count warnings apart from errors in JSON', async () => {
    const run = await check(['threat-models', '--config', config, '-f', 'json'], fixtureSite('not-applicable-covered'));
    const report = JSON.parse(run.stdout) as {errors: number; warnings: number; diagnostics: DiagnosticJson[]};
    assert.equal(run.code, 0);
    assert.equal(report.errors, 0);
    assert.equal(report.warnings, 1);
    assert.equal(report.diagnostics[0]?.severity, 'warning');
  });

  await t.test('should print GitHub workflow annotations', async () => {
    const run = await check(['threat-models', '--config', config, '--format', 'github'], fixtureSite('duplicate-field'));
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.equal(
      lines[0],
      '::error file=threat-models/web.md,line=53,col=3,endColumn=16,title=threat-model%3Aduplicate-field::' +
        'Field "Severity" appears twice in WEB-02%0AKeep one "Severity" line: a threat has one Severity.',
    );
    assert.match(lines[1]!, /^2 files, 5 threats: 1 error, 0 warnings \(\d+ ms\)$/);
  });

  await t.test('should print warnings as ::warning annotations', async () => {
    const run = await check(['threat-models', '--config', config, '--format', 'github'], fixtureSite('section-order'));
    assert.match(run.stdout, /^::warning file=threat-models\/web\.md,line=28,col=1,endColumn=\d+,title=threat-model%3Asection-order::/);
  });

  await t.test('should escape `%`, `,`, `:` and newlines in annotations', () => {
    // Raw line breaks, as if a finding had not been through `visible()`: the annotation must still be one line.
    const d = Object.assign(diagnostic('odd,name:100%.md', {line: 3, column: 7}, 'unsafe-html', '', ''), {reason: 'Line one, 50% done:\nline two\r', note: 'Fix it: now'});
    const [line] = formatGithub([d], summarize([d], 1, 0, 0)).split('\n');
    assert.equal(
      line,
      '::error file=odd%2Cname%3A100%25.md,line=3,col=7,title=threat-model%3Aunsafe-html::Line one, 50%25 done:%0Aline two%0D%0AFix it: now',
    );
  });

  await t.test('should keep each finding of the text report on one line, above its hint', () => {
    const d = Object.assign(diagnostic('threat-models/web.md', {line: 36, column: 11}, 'invalid-value', '', ''), {
      reason: 'Invalid STRIDE "Information disclosure\n- Severity: high" in WEB-01',
      note: 'Allowed values:\r\nSpoofing, Tampering.',
    });
    assert.equal(
      formatText([d], summarize([d], 1, 1, 5)),
      'threat-models/web.md:36:11  error  Invalid STRIDE "Information disclosure - Severity: high" in WEB-01  threat-model:invalid-value\n' +
        '  hint: Allowed values: Spoofing, Tampering.\n\n1 file, 1 threat: 1 error, 0 warnings (5 ms)\n',
    );
  });

  await t.test('should print SARIF 2.1.0 that validates against the official schema', async () => {
    const run = await check(['threat-models', '--config', config, '--format', 'sarif'], fixtureSite('unsafe-html'));
    assert.equal(run.code, 1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: Array<{tool: {driver: {rules: Array<{id: string}>}}; results: Array<{ruleId: string; ruleIndex: number; level: string; message: {text: string}; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number; startColumn: number}}}>}>}>;
    };
    // The schema is draft-04, which Ajv 8 does not know; what it uses is
    // draft-04/07 compatible (`definitions`, `$ref`, no boolean exclusive
    // bounds), so validate it as draft-07 without its `$schema` and `id`.
    const {$schema, id, ...schema} = JSON.parse(fs.readFileSync(sarifSchemaFile, 'utf8')) as Record<string, unknown>;
    assert.equal($schema, 'http://json-schema.org/draft-04/schema#');
    assert.equal(typeof id, 'string');
    // `unicodeRegExp: false`: the schema's language pattern has a stray `]`,
    // which is valid only without the `u` flag.
    const ajv = new Ajv({strict: false, allErrors: true, unicodeRegExp: false});
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'https://example.com/'));
    ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    const validate = ajv.compile(schema);
    assert.ok(validate(sarif), ajv.errorsText(validate.errors));
    // The validator does reject a broken log, so the check above means something.
    assert.equal(validate({...sarif, version: '2.0.0'}), false);

    const [sarifRun] = sarif.runs;
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarifRun!.tool.driver.rules.length, Object.keys(RULES).length);
    assert.equal(sarifRun!.results.length, 3);
    for (const result of sarifRun!.results) {
      assert.equal(sarifRun!.tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
      assert.equal(result.level, 'error');
      assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uri, 'threat-models/web.md');
    }
    assert.deepEqual(sarifRun!.results[0]!.locations[0]!.physicalLocation.region, {startLine: 67, startColumn: 51, endLine: 67, endColumn: 95});
  });

  await t.test('should write the report to --output and the summary to stderr', async (t) => {
    const dir = tempDir(t);
    const output = path.join(dir, 'report.json');
    const run = await check(['threat-models', '--config', config, '--format', 'json', '--output', output], fixtureSite('missing-reference'));
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^2 files, 5 threats: 1 error, 0 warnings \(\d+ ms\)\nWrote json report to .*report\.json\n$/);
    const report = JSON.parse(fs.readFileSync(output, 'utf8')) as {diagnostics: DiagnosticJson[]};
    assert.deepEqual(report.diagnostics.map((d) => `${d.source}:${d.ruleId}`), ['threat-model:missing-reference']);
  });

  await t.test('should create the folders of --output that do not exist yet', async (t) => {
    const dir = tempDir(t);
    const output = path.join(dir, 'missing', 'dir', 'report.txt');
    const run = await check(['threat-models', '--config', config, '--output', output]);
    assert.equal(run.code, 0);
    assert.match(fs.readFileSync(output, 'utf8'), /^2 files, 5 threats: 0 errors/);
  });

  await t.test('should exit 2 when --output cannot be written, print the findings instead, and show no stack trace', async (t) => {
    const dir = tempDir(t);
    fs.writeFileSync(path.join(dir, 'file'), '');
    const output = path.join(dir, 'file', 'report.txt');
    const run = await check(['threat-models', '--config', config, '--format', 'json', '--output', output], fixtureSite('missing-reference'));
    assert.equal(run.code, 2);
    assert.match(run.stderr, new RegExp(`^error: Cannot write the report to ${output.replace(/[/.]/g, '\\$&')}: ENOTDIR\n {2}hint: Pass a path in a folder you can write to`));
    assert.match(run.stdout, /threat-models\/web\.md:\d+:\d+ {2}error {2}.*threat-model:missing-reference/);
    assert.doesNotMatch(run.stderr, STACK);
  });
});

test('runNew', async (t) => {
  await t.test('should write the file from the template', async (t) => {
    const dir = tempDir(t);
    const run = await scaffold(['web', '--config', config], dir);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, 'Wrote threat-models/web.md. Fill it in, then run `npm run check`.\n');
    const text = fs.readFileSync(path.join(dir, 'threat-models', 'web.md'), 'utf8');
    assert.match(text, /^---\nuse_case: web\ntitle: Node\.js — Web server\n/);
    assert.match(text, /\nlast_reviewed: "2026-01-02"\n/);
    assert.match(text, /\n### First threat title \{#WEB-01\}\n/);
    assert.match(text, /\n- References: TODO\n/);
  });

  await t.test('should refuse to overwrite an existing file', async (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, 'threat-models', 'web.md');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, 'mine\n');
    const run = await scaffold(['web', '--config', config], dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^error: threat-models\/web\.md already exists\n {2}hint: edit it instead/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'mine\n');
  });

  await t.test('should refuse an unknown use case and say how to add it', async (t) => {
    const dir = tempDir(t);
    const run = await scaffold(['wbe', '--config', config], dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^error: "wbe" is not a configured use case \(did you mean "web"\?\)\n/);
    assert.match(run.stderr, /hint: configured use cases: web, tool\. To add one, append \{id: 'wbe', .*\} to useCases in threat-model\.config\.ts/);
    assert.equal(fs.existsSync(path.join(dir, 'threat-models')), false);
  });

  await t.test('should refuse an id that is not a use-case id before reading the configuration', async (t) => {
    const dir = tempDir(t);
    for (const id of ['../x', 'Web', 'a/b']) {
      const run = await scaffold([id, '--config', config], dir);
      assert.equal(run.code, 2, id);
      assert.match(run.stderr, new RegExp(`^error: "${id.replace(/[./]/g, '\\$&')}" is not a use-case id\n {2}hint: A use-case id is lowercase letters, digits and dashes`));
    }
    assert.equal(fs.existsSync(path.join(dir, 'threat-models')), false);
    assert.equal(fs.existsSync(path.join(dir, 'x.md')), false);
  });

  await t.test('should exit 2 on a missing or extra argument, without a stack trace', async (t) => {
    const dir = tempDir(t);
    for (const argv of [[], ['web', 'tool'], ['--nope', 'web']]) {
      const run = await scaffold([...argv, '--config', config], dir);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, /^error: .*\n {2}hint: Usage: npm run new -- <use-case>/);
      assert.doesNotMatch(run.stderr, STACK);
    }
  });

  await t.test('should scaffold files whose only findings are their placeholders, the TODO reference and coverage', async (t) => {
    const dir = tempDir(t);
    assert.equal((await scaffold(['web', '--config', config], dir)).code, 0);
    assert.equal((await scaffold(['tool', '-c', config], dir)).code, 0);
    const run = await check(['--config', config, '--format', 'json'], dir);
    assert.equal(run.code, 1);
    const {diagnostics} = JSON.parse(run.stdout) as {diagnostics: DiagnosticJson[]};
    // Every placeholder of the scaffold is reported until it is replaced.
    const placeholders = diagnostics.filter((d) => d.ruleId === 'placeholder');
    assert.equal(placeholders.length, 2 * 12);
    assert.deepEqual(placeholders.filter((d) => d.file.endsWith('web.md')).map((d) => d.line), [4, 7, 14, 20, 24, 28, 44, 49, 53, 59, 63, 72]);
    const summary = diagnostics.filter((d) => !placeholders.includes(d)).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
    const perFile = (file: string) => [
      `${file}:61:15 invalid-reference`,
      `${file}:61:15 missing-reference`,
      ...Array.from({length: 5}, () => `${file}:66:1 stride-coverage`),
    ];
    assert.deepEqual(summary, [...perFile('threat-models/tool.md'), ...perFile('threat-models/web.md')]);
    assert.match(diagnostics.find((d) => d.ruleId === 'invalid-reference')!.message, /^Reference "TODO" in TOOL-01 /);
    // Tampering is the template's one category; the five others are gaps.
    assert.deepEqual(
      diagnostics.filter((d) => d.ruleId === 'stride-coverage' && d.file.endsWith('web.md')).map((d) => /"(.*)"/.exec(d.message)![1]),
      ['Spoofing', 'Repudiation', 'Information disclosure', 'Denial of service', 'Elevation of privilege'],
    );
  });
});
