/** Human output: one line per finding, its hint below, then a summary. */
import type {Diagnostic} from '../diagnostics';
import {summaryLine, type Summary} from './summary';

/** A quoted value can hold a line break, which would split the finding's line. */
const oneLine = (text: string) => text.replace(/\r\n|\r|\n/g, ' ');

/** `file:line:column  severity  reason  source:ruleId`, then `  hint: note`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${oneLine(d.file)}:${d.line}:${d.column}  ${d.severity}  ${oneLine(d.reason)}  ${d.id}\n  hint: ${oneLine(d.hint)}`;
}

export function formatText(diagnostics: Diagnostic[], summary: Summary): string {
  const lines = diagnostics.map(formatDiagnostic);
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(summary));
  return `${lines.join('\n')}\n`;
}
