/**
 * The GitHub Actions report: one workflow command per finding
 * (`::error file=…,line=…,col=…::reason%0Ahint`), with an end column when
 * the finding's range ends on its own line, values escaped so a file name
 * or a message cannot end the command early, then the summary line.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {diagnostic} from '../../plugins/threat-model/lib/diagnostics';
import {formatGithub} from '../../plugins/threat-model/lib/report/github';
import {summarize} from '../../plugins/threat-model/lib/report/summary';

const summary = summarize([], 2, 5, 7);

test('GitHub report', async (t) => {
  await t.test('should write one command per finding, at its severity and place, then the summary', () => {
    const findings = [
      diagnostic('threat-models/web.md', {line: 5, column: 1}, 'section-order', 'Section "Assets" is out of order', 'Move it.'),
      diagnostic('threat-models/tool.md', undefined, 'empty-file', 'File is empty', 'Fill it.'),
    ];
    assert.equal(formatGithub(findings, summarize(findings, 2, 5, 7)), [
      '::warning file=threat-models/web.md,line=5,col=1,title=threat-model%3Asection-order::Section "Assets" is out of order%0AMove it.',
      '::error file=threat-models/tool.md,line=1,col=1,title=threat-model%3Aempty-file::File is empty%0AFill it.',
      '2 files, 5 threats: 1 error, 1 warning (7 ms)',
      '',
    ].join('\n'));
  });

  await t.test('should give the end column of a range on one line, and none for a range over lines', () => {
    const oneLine = diagnostic('threat-models/web.md', {start: {line: 3, column: 2}, end: {line: 3, column: 9}}, 'unknown-field', 'Unknown field', 'Remove it.');
    const overLines = diagnostic('threat-models/web.md', {start: {line: 3, column: 2}, end: {line: 4, column: 9}}, 'unknown-field', 'Unknown field', 'Remove it.');
    assert.equal(formatGithub([oneLine], summary).split('\n')[0], '::error file=threat-models/web.md,line=3,col=2,endColumn=9,title=threat-model%3Aunknown-field::Unknown field%0ARemove it.');
    assert.equal(formatGithub([overLines], summary).split('\n')[0], '::error file=threat-models/web.md,line=3,col=2,title=threat-model%3Aunknown-field::Unknown field%0ARemove it.');
  });

  await t.test('should escape percent signs, line breaks, colons and commas in properties', () => {
    const d = diagnostic('threat-models/a,b:c%d\r\ne.md', {line: 1, column: 1}, 'file-name', 'Name has 100% of "a:b,c"', 'Rename it.');
    assert.equal(formatGithub([d], summary).split('\n')[0],
      '::error file=threat-models/a%2Cb%3Ac%25d%0D%0Ae.md,line=1,col=1,title=threat-model%3Afile-name::Name has 100%25 of "a:b,c"%0ARename it.');
  });

  await t.test('should write only the summary when there are no findings', () => {
    assert.equal(formatGithub([], summary), '2 files, 5 threats: 0 errors, 0 warnings (7 ms)\n');
  });
});
