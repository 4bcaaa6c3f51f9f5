/**
 * Checks on the raw text, before any Markdown is read: line endings and
 * characters that a terminal, an annotation or a reader's eye would take
 * for something else.
 */
import {unwrapMdxCodeBlocks} from '@docusaurus/utils';
import {locate} from './front-matter';
import {report, type Context} from './context';

/** C0 controls but tab, LF and CR; DEL; C1 controls; zero-width characters; bidirectional overrides and isolates; line separators. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** At most this many control-character findings per file. */
const MAX_CONTROL_FINDINGS = 5;

/**
 * @returns false when the file cannot be read further: with lone CRs, every
 *   later line number would be wrong.
 */
export function checkSource(ctx: Context): boolean {
  const {text} = ctx;
  const cr = /\r(?!\n)/.exec(text);
  if (cr) {
    report(ctx, locate(text, cr.index), 'line-ending',
      'The file uses a lone carriage return (CR) as a line ending',
      'Save it with LF (or CRLF) line endings; lone CRs are read differently by the site, the check and editors.');
    return false;
  }
  // Docusaurus unwraps `mdx-code-block` fences with a pattern on the raw text
  // before it parses anything: their content would be published as Markdown.
  if (unwrapMdxCodeBlocks(text) !== text) {
    report(ctx, locate(text, Math.max(0, text.search(/`{3,4}\x20*mdx-code-block/))), 'unsupported-markdown',
      'An `mdx-code-block` fence, which the site unwraps into the page before reading it',
      'Use another language name for the code block (e.g. `md`): the check reads it as code, the site would render its content.');
  }
  let count = 0;
  for (const match of text.matchAll(CONTROL)) {
    if (count++ === MAX_CONTROL_FINDINGS) break;
    const code = match[0].charCodeAt(0).toString(16).padStart(4, '0');
    const bidi = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(match[0]);
    const invisible = /[\u200b-\u200d\u2060\ufeff]/.test(match[0]);
    report(ctx, locate(text, match.index), 'control-character',
      `${bidi ? 'Bidirectional-text control' : invisible ? 'Zero-width character' : 'Control character'} \\u${code} in the text`,
      bidi
        ? 'Remove it: it reorders how the text is displayed, so readers and reviewers would see something else than what is written.'
        : invisible
          ? 'Remove it: it is invisible, so an ID or a value that holds it looks like another one.'
          : 'Remove it: control characters are invisible on the page and can drive a terminal that prints the report.');
  }
  return true;
}
