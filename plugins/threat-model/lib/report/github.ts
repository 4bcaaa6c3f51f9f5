/**
 * GitHub Actions workflow commands, so findings show as annotations on the
 * pull request's changed lines.
 * See https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
import type {Diagnostic} from '../diagnostics';
import {summaryLine, type Summary} from './summary';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(diagnostics: Diagnostic[], summary: Summary): string {
  const lines = diagnostics.map((d) => {
    const end = d.place && 'end' in d.place && d.place.end.line === d.line ? `,endColumn=${d.place.end.column}` : '';
    return `::${d.severity} file=${escapeProperty(d.file)},line=${d.line},col=${d.column}${end},title=${escapeProperty(d.id)}::${escapeData(`${d.reason}\n${d.hint}`)}`;
  });
  lines.push(summaryLine(summary));
  return `${lines.join('\n')}\n`;
}
