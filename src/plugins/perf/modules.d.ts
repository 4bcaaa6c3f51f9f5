/** react-dom ships without type declarations here; clientEntry.ts only evaluates it, it uses none of its exports. */
declare module 'react-dom/client';

/** The code block: highlighted (server bundle) or deferred (client bundle); see index.ts. */
declare module '@site-perf/code-block' {
  import type {ComponentType} from 'react';
  import type {Props} from '@theme/CodeBlock';
  const HighlightedCodeBlock: ComponentType<Props>;
  export default HighlightedCodeBlock;
}
