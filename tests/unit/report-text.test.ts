/**
 * The text report, the one that scripts and the fixtures read: one line per
 * finding (`file:line:column  severity  reason  threat-model:<rule>`), its
 * hint indented below, a blank line, then the summary. Nothing a finding
 * quotes can break a finding across lines.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {diagnostic} from '../../plugins/threat-model/lib/diagnostics';
import {formatDiagnostic, formatText} from '../../plugins/threat-model/lib/report/text';
import {summarize} from '../../plugins/threat-model/lib/report/summary';

const unknownField = diagnostic('threat-models/web.md', {start: {line: 3, column: 2}, end: {line: 3, column: 9}}, 'unknown-field',
  'Unknown field "Sevrity"', 'Did you mean "Severity"?');
const order = diagnostic('threat-models/tool.md', {line: 12, column: 1}, 'section-order', 'Section "Assets" is out of order', 'Move it after "Trust".');

test('text report', async (t) => {
  await t.test('should print a finding as its place, severity, reason and rule, with the hint below', () => {
    assert.equal(formatDiagnostic(unknownField), 'threat-models/web.md:3:2  error  Unknown field "Sevrity"  threat-model:unknown-field\n  hint: Did you mean "Severity"?');
    assert.equal(formatDiagnostic(order), 'threat-models/tool.md:12:1  warning  Section "Assets" is out of order  threat-model:section-order\n  hint: Move it after "Trust".');
  });

  await t.test('should place a finding without a place at the start of the file', () => {
    const empty = diagnostic('threat-models/web.md', undefined, 'empty-file', 'File is empty', 'Fill it.');
    assert.equal(formatDiagnostic(empty), 'threat-models/web.md:1:1  error  File is empty  threat-model:empty-file\n  hint: Fill it.');
  });

  await t.test('should keep a line break in a quoted value from splitting the finding', () => {
    const d = diagnostic('threat-models/we\nb.md', {line: 1, column: 1}, 'file-name', 'Bad name "a\r\nb"', 'Rename\rit.');
    const lines = formatDiagnostic(d).split('\n');
    assert.equal(lines.length, 2);
    assert.ok(lines[0]!.startsWith('threat-models/we b.md:1:1  error  '), lines[0]);
    assert.doesNotMatch(lines[0]!, /\r/);
    assert.doesNotMatch(lines[1]!, /\r/);
  });

  await t.test('should list the findings in the order given, a blank line, then the summary', () => {
    const findings = [unknownField, order];
    assert.equal(formatText(findings, summarize(findings, 2, 5, 8)), [
      'threat-models/web.md:3:2  error  Unknown field "Sevrity"  threat-model:unknown-field',
      '  hint: Did you mean "Severity"?',
      'threat-models/tool.md:12:1  warning  Section "Assets" is out of order  threat-model:section-order',
      '  hint: Move it after "Trust".',
      '',
      '2 files, 5 threats: 1 error, 1 warning (8 ms)',
      '',
    ].join('\n'));
  });

  await t.test('should print only the summary when there are no findings', () => {
    assert.equal(formatText([], summarize([], 2, 5, 3)), '2 files, 5 threats: 0 errors, 0 warnings (3 ms)\n');
  });
});
