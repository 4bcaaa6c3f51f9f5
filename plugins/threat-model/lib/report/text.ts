/** Human output: one line per finding, its hint below, then a summary. */
import type {Diagnostic} from '../diagnostics';
import {summaryLine, type Summary} from './summary';

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}\n  hint: ${d.hint}`;
}

export function formatText(diagnostics: Diagnostic[], summary: Summary): string {
  const lines = diagnostics.map(formatDiagnostic);
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(summary));
  return `${lines.join('\n')}\n`;
}
