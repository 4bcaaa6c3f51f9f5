/**
 * Findings are unified `VFileMessage`s: place as a range, `source` and
 * `ruleId` apart, the hint as `note`, "did you mean" as `expected`/`actual`,
 * the rule's documentation as `url`; every reporter reads them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import {VFileMessage} from 'vfile-message';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {Diagnostic, diagnostic, type DiagnosticJson} from '../../plugins/threat-model/lib/diagnostics';
import {parseThreatModel} from '../../plugins/threat-model/lib/parse';
import {formatPretty} from '../../plugins/threat-model/lib/report/pretty';
import {summarize} from '../../plugins/threat-model/lib/report/summary';
import {formatDiagnostic} from '../../plugins/threat-model/lib/report/text';

const config = loadConfig(fixtureConfig);
const web = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models', 'web.md'), 'utf8');
const file = 'threat-models/web.md';

test('findings as VFileMessages', async (t) => {
  await t.test('should carry the place, source, rule, note and url of a finding', () => {
    const d = diagnostic(file, {start: {line: 3, column: 5}, end: {line: 3, column: 12}}, 'invalid-value', 'Invalid Severity "hgh"', 'Allowed values: low, high.');
    assert.ok(d instanceof VFileMessage);
    assert.deepEqual(
      [d.file, d.line, d.column, d.place, d.source, d.ruleId, d.id, d.fatal, d.severity, d.reason, d.note, d.hint],
      [file, 3, 5, {start: {line: 3, column: 5}, end: {line: 3, column: 12}}, 'threat-model', 'invalid-value', 'threat-model:invalid-value', true, 'error', 'Invalid Severity "hgh"', 'Allowed values: low, high.', 'Allowed values: low, high.'],
    );
    assert.equal(d.url, 'https://github.com/threat-model-site/threat-model-site/blob/main/plugins/threat-model/RULES.md#invalid-value');
    assert.equal(d.stack, '', 'no trace: a finding is data');
  });

  await t.test('should take the rule\'s default severity, and a finding\'s own', () => {
    assert.equal(diagnostic(file, undefined, 'section-order', 'm', 'h').severity, 'warning');
    assert.equal(diagnostic(file, undefined, 'section-order', 'm', 'h').fatal, false);
    assert.equal(diagnostic(file, undefined, 'invalid-value', 'm', 'h').severity, 'error');
    assert.equal(diagnostic(file, undefined, 'invalid-value', 'm', 'h', 'warning').severity, 'warning');
  });

  await t.test('should give "did you mean" as expected and actual, from the reader', () => {
    const source = web.replace(/^- Severity: high$/m, '- Severity: hgh');
    const [d] = parseThreatModel(source, file, config).diagnostics;
    assert.deepEqual([d?.id, d?.actual, d?.expected], ['threat-model:invalid-value', 'hgh', ['high']]);
  });

  await t.test('should report a node\'s whole range', () => {
    const source = web.replace('## Scope', '## Scpoe');
    const d = parseThreatModel(source, file, config).diagnostics.find((x) => x.ruleId === 'unknown-section')!;
    assert.deepEqual(d.place, {start: {line: d.line, column: 1}, end: {line: d.line, column: 9}});
    assert.deepEqual([d.actual, d.expected], ['Scpoe', ['Scope']]);
    assert.match(formatDiagnostic(d), /^threat-models\/web\.md:\d+:1 {2}error {2}Unknown section "## Scpoe" \(did you mean "Scope"\?\) {2}threat-model:unknown-section\n {2}hint: /);
  });

  await t.test('should survive its JSON form (the parse cache, the JSON report)', () => {
    const d = diagnostic(file, {start: {line: 3, column: 5}, end: {line: 4, column: 1}}, 'unknown-field', 'Unknown field "Serverity"', 'Rename it.', {expected: ['Severity'], actual: 'Serverity'});
    const json = JSON.parse(JSON.stringify(d)) as DiagnosticJson;
    assert.deepEqual(json, {
      file, line: 3, column: 5, endLine: 4, endColumn: 1, severity: 'error', source: 'threat-model', ruleId: 'unknown-field',
      message: 'Unknown field "Serverity"', hint: 'Rename it.', url: d.url, expected: ['Severity'], actual: 'Serverity',
    });
    const back = Diagnostic.fromJSON(json);
    assert.ok(back instanceof Diagnostic);
    assert.deepEqual(back.toJSON(), d.toJSON());
  });

  await t.test('should print grouped by file through vfile-reporter in the pretty format', () => {
    const d = diagnostic(file, {start: {line: 37, column: 13}, end: {line: 37, column: 16}}, 'invalid-value', 'Invalid Severity "hgh" in WEB-01', 'Allowed values: low, medium, high, critical.');
    assert.equal(
      formatPretty([d], summarize([d], 2, 5, 12)),
      'threat-models/web.md\n' +
        '37:13-37:16 error Invalid Severity "hgh" in WEB-01 invalid-value threat-model\n' +
        '  [url]:\n    https://github.com/threat-model-site/threat-model-site/blob/main/plugins/threat-model/RULES.md#invalid-value\n' +
        '  [note]:\n    Allowed values: low, medium, high, critical.\n\n' +
        '✖ 1 error\n\n2 files, 5 threats: 1 error, 0 warnings (12 ms)\n',
    );
    assert.equal(formatPretty([], summarize([], 2, 5, 12)), '2 files, 5 threats: 0 errors, 0 warnings (12 ms)\n');
  });
});
