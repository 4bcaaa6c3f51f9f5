/**
 * The client bundle's code block: Docusaurus's highlighted CodeBlock
 * (highlighted.tsx), fetched and evaluated from its own chunk once a page
 * with a code block has rendered.
 *
 * The main bundle used to carry Prism and evaluate its grammars on every page
 * (about 100 ms on Lighthouse's simulated mobile CPU, one long task), though
 * two pages of this site have code. Until the chunk is there:
 * - on a page being hydrated, the server-rendered block stays as it is: the
 *   stand-in is the same root element with its content left to the HTML
 *   (`dangerouslySetInnerHTML` keeps what is there while hydrating), so the
 *   reader sees the highlighted code throughout;
 * - on a client-side navigation, the code shows as plain text.
 * Then the highlighted block replaces it, as Docusaurus's CodeBlock already
 * re-mounts itself once hydrated (to apply the colour mode's Prism theme).
 * Not a Suspense boundary: React 19 streams a suspended boundary's server
 * HTML out of place, behind an inline script, which the static HTML must not
 * depend on.
 */
import React, {isValidElement, useEffect, useState, type ComponentType, type ReactNode} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import type {Props} from '@theme/CodeBlock';

type CodeBlockComponent = ComponentType<Props>;

/** The highlighted block once loaded: later code blocks render it at once. */
let loaded: CodeBlockComponent | undefined;

function loadHighlighted(): Promise<CodeBlockComponent> {
  return import(/* webpackChunkName: "code-block" */ './highlighted').then((m) => (loaded = m.default));
}

/** Docusaurus's CodeBlock renders a `<pre>` for element children and a `<div>` container for a code string. */
function rootTag(children: ReactNode): 'pre' | 'div' {
  return React.Children.toArray(children).some((child) => isValidElement(child)) ? 'pre' : 'div';
}

/** The server-rendered block kept as it is while the page hydrates. */
function ServerRendered({children}: Props): ReactNode {
  const Tag = rootTag(children);
  return <Tag suppressHydrationWarning dangerouslySetInnerHTML={{__html: ''}} />;
}

/** The code as plain text, after a client-side navigation. */
function PlainCodeBlock({children, className}: Props): ReactNode {
  return (
    <pre className={className} tabIndex={0}>
      <code>{children}</code>
    </pre>
  );
}

export default function DeferredCodeBlock(props: Props): ReactNode {
  const isBrowser = useIsBrowser();
  const [hydrating] = useState(() => !isBrowser);
  const [Highlighted, setHighlighted] = useState<CodeBlockComponent | undefined>(() => loaded);
  useEffect(() => {
    if (!Highlighted) void loadHighlighted().then((component) => setHighlighted(() => component));
  }, [Highlighted]);
  if (Highlighted) return <Highlighted {...props} />;
  return hydrating ? <ServerRendered {...props} /> : <PlainCodeBlock {...props} />;
}
