/** Machine output for scripts: the summary and every finding. */
import type {Diagnostic} from '../diagnostics';
import type {Summary} from './summary';

export function formatJson(diagnostics: Diagnostic[], summary: Summary): string {
  return `${JSON.stringify({...summary, diagnostics}, null, 2)}\n`;
}
