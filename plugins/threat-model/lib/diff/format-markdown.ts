/**
 * The diff as a pull-request comment: a summary line, the breaking changes
 * first with a warning in words, then one table of every change. Titles
 * come from contributed files, so every text is escaped: Markdown
 * punctuation cannot make links, tables or HTML, and an `@` cannot notify.
 */
import {describeDiff, summaryText} from './describe';
import type {ModelDiff} from './types';

/** A marker the workflow finds the comment by, to update it rather than add another. */
export const COMMENT_MARKER = '<!-- threat-model-diff -->';

export interface MarkdownSides {
  /** The ref as given. */
  from: string;
  commit: string;
}

export function formatDiffMarkdown(diff: ModelDiff, sides: MarkdownSides): string {
  const labels = new Map(diff.useCases.map((u) => [u.useCase, u.label]));
  const out = [
    COMMENT_MARKER,
    '### Threat-model changes',
    '',
    `Compared with \`${code(sides.from)}\` (${sides.commit.slice(0, 7)}): ${diff.summary.breaking > 0 ? '⚠ ' : ''}${summaryText(diff.summary)}.`,
  ];
  const lines = describeDiff(diff);
  if (diff.breaking.length > 0) {
    out.push('', '#### ⚠ Breaking changes', '');
    for (const b of diff.breaking) out.push(`- ⚠ **Breaking:** ${escape(b.message)}. ${escape(b.hint)}`);
  }
  if (lines.length > 0) {
    out.push('', '| Use case | Threat | Change |', '| --- | --- | --- |');
    for (const line of lines) {
      const text = `${line.breaking ? '⚠ **Breaking:** ' : ''}${escape(line.text)}`;
      out.push(`| ${escape(labels.get(line.useCase) ?? line.useCase)} | ${line.id ? escape(line.id) : ''} | ${text} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Backslash before the punctuation that makes emphasis, code, links, HTML or cells, a word joiner after `@`, no line breaks: the text stays text in a table cell. */
export function escape(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>|~&]/g, '\\$&')
    .replace(/@/g, '@\u2060');
}

/** Inside a code span only a backtick needs care; a ref never has one once resolved, but be sure. */
function code(text: string): string {
  return text.replace(/`/g, "'");
}
