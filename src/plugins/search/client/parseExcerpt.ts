/**
 * Pagefind excerpts are HTML: the page's text, escaped, with the matched words
 * wrapped in `<mark>`. They are never put into the page as HTML. Instead this
 * splits an excerpt into plain-text runs, marked or not, which React renders
 * as text nodes: any other tag, or an entity, comes out as the characters it
 * spells, so an excerpt cannot add markup to the page even if it held some.
 */

/** A run of excerpt text; `mark` when Pagefind matched it. */
export interface ExcerptSpan {
  text: string;
  mark: boolean;
}

const MARK_TAG = /<(\/?)mark>/gi;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};

/** Turns the escapes Pagefind writes back into the characters they stand for. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (entity, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()]!;
    const code = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/**
 * Splits an excerpt at its `<mark>` and `</mark>` tags. Only those two tags
 * mean anything; unbalanced ones just switch marking on or off, and adjacent
 * runs with the same marking are joined, empty ones dropped.
 */
export function parseExcerpt(excerpt: string): ExcerptSpan[] {
  const spans: ExcerptSpan[] = [];
  let marked = false;
  let last = 0;
  const push = (raw: string) => {
    const text = decodeEntities(raw);
    if (text === '') return;
    const previous = spans.at(-1);
    if (previous && previous.mark === marked) previous.text += text;
    else spans.push({text, mark: marked});
  };
  for (const match of excerpt.matchAll(MARK_TAG)) {
    push(excerpt.slice(last, match.index));
    marked = match[1] !== '/';
    last = match.index + match[0].length;
  }
  push(excerpt.slice(last));
  return spans;
}
