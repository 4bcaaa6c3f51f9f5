/**
 * The summary of a check: how many files and threats were read, how many
 * findings are errors and how many warnings, the time taken in whole
 * milliseconds, and the one line that every report ends with.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {diagnostic} from '../../plugins/threat-model/lib/diagnostics';
import {summarize, summaryLine} from '../../plugins/threat-model/lib/report/summary';

const error = diagnostic('threat-models/web.md', {line: 2, column: 1}, 'missing-field', 'Missing field "Severity"', 'Add it.');
const warning = diagnostic('threat-models/web.md', {line: 9, column: 1}, 'section-order', 'Section "Assets" is out of order', 'Move it.');
const demoted = diagnostic('threat-models/tool.md', undefined, 'missing-field', 'Missing field "Severity"', 'Add it.', 'warning');

test('summary', async (t) => {
  await t.test('should count errors and warnings by each finding\'s severity', () => {
    assert.deepEqual(summarize([error, warning, demoted, error], 2, 5, 10), {files: 2, threats: 5, errors: 2, warnings: 2, durationMs: 10});
  });

  await t.test('should count nothing for a clean check', () => {
    assert.deepEqual(summarize([], 0, 0, 0), {files: 0, threats: 0, errors: 0, warnings: 0, durationMs: 0});
  });

  await t.test('should round the duration to whole milliseconds', () => {
    assert.equal(summarize([], 1, 1, 12.4).durationMs, 12);
    assert.equal(summarize([], 1, 1, 12.5).durationMs, 13);
    assert.equal(summarize([], 1, 1, 0.2).durationMs, 0);
  });

  await t.test('should write counts in the plural except for exactly one', () => {
    assert.equal(summaryLine({files: 2, threats: 5, errors: 0, warnings: 3, durationMs: 17}), '2 files, 5 threats: 0 errors, 3 warnings (17 ms)');
    assert.equal(summaryLine({files: 1, threats: 1, errors: 1, warnings: 1, durationMs: 1}), '1 file, 1 threat: 1 error, 1 warning (1 ms)');
    assert.equal(summaryLine({files: 0, threats: 0, errors: 0, warnings: 0, durationMs: 0}), '0 files, 0 threats: 0 errors, 0 warnings (0 ms)');
  });
});
