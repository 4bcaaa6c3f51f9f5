/**
 * Machine output for scripts: the summary and every finding in its JSON
 * form (`DiagnosticJson`: place, `source` and `ruleId`, message, hint, url,
 * and `expected`/`actual` where there is a "did you mean").
 */
import type {Diagnostic} from '../diagnostics';
import type {Summary} from './summary';

export function formatJson(diagnostics: Diagnostic[], summary: Summary): string {
  return `${JSON.stringify({...summary, diagnostics}, null, 2)}\n`;
}
