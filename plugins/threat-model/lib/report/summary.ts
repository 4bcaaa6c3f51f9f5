import type {Diagnostic} from '../diagnostics';

export interface Summary {
  files: number;
  threats: number;
  errors: number;
  warnings: number;
  durationMs: number;
}

export function summarize(diagnostics: Diagnostic[], files: number, threats: number, durationMs: number): Summary {
  return {
    files,
    threats,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    durationMs: Math.round(durationMs),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(s: Summary): string {
  return `${plural(s.files, 'file')}, ${plural(s.threats, 'threat')}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} (${s.durationMs} ms)`;
}
