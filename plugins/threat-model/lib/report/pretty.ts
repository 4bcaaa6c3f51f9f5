/**
 * Output for a person at a terminal: findings grouped by file with their
 * ranges, hints and rule links, through unified's `vfile-reporter`, then the
 * summary. The `text` format stays the one that scripts and the fixtures
 * read: one finding per line.
 */
import {VFile} from 'vfile';
import {reporter} from 'vfile-reporter';
import type {Diagnostic} from '../diagnostics';
import {summaryLine, type Summary} from './summary';

export function formatPretty(diagnostics: Diagnostic[], summary: Summary, options: {color?: boolean} = {}): string {
  const files = new Map<string, VFile>();
  for (const d of diagnostics) {
    let file = files.get(d.file);
    if (!file) files.set(d.file, (file = new VFile({path: d.file})));
    file.messages.push(d);
  }
  const report = files.size > 0 ? `${reporter([...files.values()], {color: options.color ?? false, verbose: true})}\n\n` : '';
  return `${report}${summaryLine(summary)}\n`;
}
