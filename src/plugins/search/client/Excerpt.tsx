/**
 * A Pagefind excerpt as text, its matched words in `<mark>`: the excerpt is
 * parsed into runs (see `parseExcerpt.ts`), each rendered as a React text node.
 */
import type {ReactNode} from 'react';
import {parseExcerpt} from './parseExcerpt';

export default function Excerpt({html, className}: {html: string; className?: string}): ReactNode {
  return (
    <span className={className}>
      {parseExcerpt(html).map((span, i) => (span.mark ? <mark key={i}>{span.text}</mark> : <span key={i}>{span.text}</span>))}
    </span>
  );
}
