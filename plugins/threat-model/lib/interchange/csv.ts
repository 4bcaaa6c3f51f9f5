/**
 * CSV, one row per threat, for spreadsheets and issue trackers (RFC 4180:
 * CRLF line ends, a field quoted when it holds a comma, a quote or a line
 * break, quotes doubled inside).
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`,
 * `-` or `@` (and some also after a tab or carriage return) as a formula, so
 * a threat title could become a command on the reader's machine. Such a
 * cell gets a leading apostrophe, which spreadsheets show as text; the
 * cost is that a feature such as `--permission` reads `'--permission` there.
 */
import {allThreats, type InterchangeInput, plain, threatUrl, useCaseLabel} from './common';

/** Columns in order; list cells join their items with "; ", mitigations with a line break. */
export const CSV_COLUMNS = [
  'id', 'title', 'use_case', 'model', 'stride', 'severity', 'responsibility', 'status', 'owner', 'review_by',
  'summary', 'mitigations', 'features', 'related', 'flows', 'references', 'url',
] as const;

/** First characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(input: InterchangeInput): string {
  const rows = allThreats(input).map((t) => [
    t.id,
    t.title,
    t.useCase,
    useCaseLabel(input, t.useCase),
    t.stride.join('; '),
    t.severity,
    t.responsibility,
    t.status ?? '',
    t.owner ?? '',
    t.reviewBy ?? '',
    oneLine(t.summary),
    t.mitigations.map(plain).join('\n'),
    t.features.join('; '),
    t.related.join('; '),
    (t.flows ?? []).join('; '),
    t.references.map((r) => r.url).join('; '),
    threatUrl(input, t),
  ]);
  return [[...CSV_COLUMNS], ...rows].map(csvRow).join('');
}

/** The file's soft line breaks are not the author's: a cell shows the paragraph on one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Guard, then quote when RFC 4180 requires it. */
export function csvCell(value: string): string {
  const guarded = guardFormula(value);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
