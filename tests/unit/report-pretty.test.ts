/**
 * The report for a person at a terminal: findings grouped under their file
 * through `vfile-reporter`, each with its place or range, severity, reason,
 * rule, documentation URL and hint, the reporter's own count, then the
 * summary line. No colour unless asked for.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {diagnostic} from '../../plugins/threat-model/lib/diagnostics';
import {RULES_DOC} from '../../plugins/threat-model/lib/rules/define';
import {formatPretty} from '../../plugins/threat-model/lib/report/pretty';
import {summarize} from '../../plugins/threat-model/lib/report/summary';

const findings = [
  diagnostic('threat-models/web.md', {start: {line: 3, column: 2}, end: {line: 3, column: 9}}, 'unknown-field', 'Unknown field "Sevrity"', 'Did you mean "Severity"?'),
  diagnostic('threat-models/tool.md', undefined, 'empty-file', 'File is empty', 'Fill it.'),
  diagnostic('threat-models/web.md', {line: 5, column: 1}, 'section-order', 'Section out of order', 'Move it.'),
];

test('pretty report', async (t) => {
  await t.test('should group findings by file, with ranges, URLs and hints, then count them and summarise', () => {
    assert.equal(formatPretty(findings, summarize(findings, 2, 5, 12)), [
      'threat-models/tool.md',
      '1:1     error   File is empty           empty-file    threat-model',
      '  [url]:',
      `    ${RULES_DOC}#empty-file`,
      '  [note]:',
      '    Fill it.',
      '',
      'threat-models/web.md',
      '3:2-3:9 error   Unknown field "Sevrity" unknown-field threat-model',
      '  [url]:',
      `    ${RULES_DOC}#unknown-field`,
      '  [note]:',
      '    Did you mean "Severity"?',
      '5:1     warning Section out of order    section-order threat-model',
      '  [url]:',
      `    ${RULES_DOC}#section-order`,
      '  [note]:',
      '    Move it.',
      '',
      '3 messages (✖ 2 errors, ⚠ 1 warning)',
      '',
      '2 files, 5 threats: 2 errors, 1 warning (12 ms)',
      '',
    ].join('\n'));
  });

  await t.test('should print only the summary when there are no findings', () => {
    assert.equal(formatPretty([], summarize([], 2, 5, 4)), '2 files, 5 threats: 0 errors, 0 warnings (4 ms)\n');
  });

  await t.test('should colour the report only when asked', () => {
    const summary = summarize(findings, 2, 5, 12);
    assert.doesNotMatch(formatPretty(findings, summary), /\u001b\[/);
    assert.doesNotMatch(formatPretty(findings, summary, {color: false}), /\u001b\[/);
    const coloured = formatPretty(findings, summary, {color: true});
    assert.match(coloured, /\u001b\[/);
    assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), formatPretty(findings, summary), 'the same report, coloured');
  });

  await t.test('should not change the findings it reports', () => {
    const d = diagnostic('threat-models/web.md', {line: 5, column: 1}, 'section-order', 'Section out of order', 'Move it.');
    const before = JSON.stringify(d);
    formatPretty([d], summarize([d], 1, 0, 0));
    assert.equal(JSON.stringify(d), before);
  });
});
