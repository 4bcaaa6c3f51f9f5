/**
 * CSV: RFC 4180 quoting, one row per threat with the same IDs, and the
 * formula-injection guard.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {INTERCHANGE_FORMATS} from '../../plugins/threat-model/lib/interchange';
import {allThreats} from '../../plugins/threat-model/lib/interchange/common';
import {CSV_COLUMNS, csvCell, guardFormula, toCsv} from '../../plugins/threat-model/lib/interchange/csv';
import {copyOf, fixtureInput, inputs} from './interchange';

/** A strict RFC 4180 reader, written here so that the test does not trust the writer's own rules. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && cell === '') {
      i += 1;
      for (;;) {
        assert.ok(i < text.length, 'unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
        if (text[i] === '"') { i += 1; break; }
        cell += text[i]; i += 1;
      }
      assert.ok(text[i] === ',' || text.startsWith('\r\n', i), `a quoted field must end at a comma or CRLF, at ${i}`);
    } else if (text[i] === ',') {
      row.push(cell); cell = ''; i += 1;
    } else if (text.startsWith('\r\n', i)) {
      row.push(cell); rows.push(row); row = []; cell = ''; i += 2;
    } else {
      assert.ok(text[i] !== '"' && text[i] !== '\r' && text[i] !== '\n', `an unquoted field may not hold ${JSON.stringify(text[i])}, at ${i}`);
      cell += text[i]; i += 1;
    }
  }
  assert.equal(cell, '', 'the file ends with CRLF');
  return rows;
}

test('toCsv', async (t) => {
  for (const [name, input] of inputs()) {
    await t.test(`should have a header and one row per threat with the same IDs for ${name}`, () => {
      const rows = parseCsv(INTERCHANGE_FORMATS.csv.render(input));
      assert.deepEqual(rows[0], [...CSV_COLUMNS]);
      const threats = allThreats(input);
      assert.equal(rows.length - 1, threats.length);
      assert.deepEqual(rows.slice(1).map((r) => r[0]), threats.map((x) => x.id));
      for (const [i, row] of rows.slice(1).entries()) {
        const threat = threats[i]!;
        assert.equal(row.length, CSV_COLUMNS.length);
        const cell = (column: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(column)];
        assert.equal(cell('title'), guardFormula(threat.title));
        assert.equal(cell('stride'), threat.stride.join('; '));
        assert.equal(cell('severity'), threat.severity);
        assert.equal(cell('responsibility'), threat.responsibility);
        assert.equal(cell('mitigations')!.split('\n').length, threat.mitigations.length || 1);
        assert.equal(cell('url'), `https://example.org/threat-models/${threat.useCase}#${threat.id}`);
      }
    });
  }

  await t.test('should quote a field with a comma, a quote or a line break and double its quotes', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a, b'), '"a, b"');
    assert.equal(csvCell('say "no"'), '"say ""no"""');
    assert.equal(csvCell('one\ntwo'), '"one\ntwo"');
    assert.equal(csvCell('one\r\ntwo'), '"one\r\ntwo"');
  });

  await t.test('should put an apostrophe before a cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      assert.equal(guardFormula(`${start}SUM(A1)`), `'${start}SUM(A1)`, JSON.stringify(start));
    }
    assert.equal(guardFormula('SUM(A1)'), 'SUM(A1)');
    assert.equal(guardFormula('a=b'), 'a=b');
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
  });

  await t.test('should guard a title that starts with a formula and a feature that starts with a dash', () => {
    const input = copyOf(fixtureInput());
    const threat = input.index.models[0]!.threats[0]!;
    threat.title = '=cmd|\' /C calc\'!A0';
    threat.features = ['--permission'];
    const row = parseCsv(toCsv(input))[1]!;
    assert.equal(row[CSV_COLUMNS.indexOf('title')], '\'=cmd|\' /C calc\'!A0');
    assert.equal(row[CSV_COLUMNS.indexOf('features')], '\'--permission');
  });

  await t.test('should write the summary on one line', () => {
    const input = copyOf(fixtureInput());
    input.index.models[0]!.threats[0]!.summary = 'first line\nsecond line';
    assert.equal(parseCsv(toCsv(input))[1]![CSV_COLUMNS.indexOf('summary')], 'first line second line');
  });
});
