/**
 * The JSON report: the summary's counts and every finding in its JSON form
 * (place, severity, `source` and `ruleId`, message, hint, url, and
 * `expected`/`actual` where there is a "did you mean"), indented, one
 * document ending in a line break.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {diagnostic} from '../../plugins/threat-model/lib/diagnostics';
import {RULES_DOC} from '../../plugins/threat-model/lib/rules/define';
import {formatJson} from '../../plugins/threat-model/lib/report/json';
import {summarize} from '../../plugins/threat-model/lib/report/summary';

test('JSON report', async (t) => {
  await t.test('should hold the summary and every finding in its JSON form', () => {
    const findings = [
      diagnostic('threat-models/web.md', {start: {line: 3, column: 2}, end: {line: 3, column: 9}}, 'unknown-field',
        'Unknown field "Sevrity"', 'Did you mean "Severity"?', {expected: ['Severity'], actual: 'Sevrity'}),
      diagnostic('threat-models/tool.md', {line: 5, column: 1}, 'section-order', 'Section "Assets" is out of order', 'Move it.'),
    ];
    const report = JSON.parse(formatJson(findings, summarize(findings, 2, 5, 9.6)));
    assert.deepEqual(report, {
      files: 2, threats: 5, errors: 1, warnings: 1, durationMs: 10,
      diagnostics: [
        {
          file: 'threat-models/web.md', line: 3, column: 2, endLine: 3, endColumn: 9, severity: 'error',
          source: 'threat-model', ruleId: 'unknown-field', message: 'Unknown field "Sevrity"', hint: 'Did you mean "Severity"?',
          url: `${RULES_DOC}#unknown-field`, expected: ['Severity'], actual: 'Sevrity',
        },
        {
          file: 'threat-models/tool.md', line: 5, column: 1, severity: 'warning',
          source: 'threat-model', ruleId: 'section-order', message: 'Section "Assets" is out of order', hint: 'Move it.',
          url: `${RULES_DOC}#section-order`,
        },
      ],
    });
  });

  await t.test('should indent by two spaces and end with a line break', () => {
    assert.equal(formatJson([], summarize([], 0, 0, 0)),
      '{\n  "files": 0,\n  "threats": 0,\n  "errors": 0,\n  "warnings": 0,\n  "durationMs": 0,\n  "diagnostics": []\n}\n');
  });

  await t.test('should keep control characters a finding quotes as escapes', () => {
    const d = diagnostic('threat-models/web.md', undefined, 'control-character', 'Control character "\u001b[31m"', 'Remove it.');
    const text = formatJson([d], summarize([d], 1, 0, 0));
    assert.doesNotMatch(text, /\u001b/);
    assert.equal(JSON.parse(text).diagnostics[0].message, 'Control character "\\u001b[31m"');
  });
});
