/**
 * `@theme/CodeBlock`: what `@site-perf/code-block` is in each bundle (see
 * ../../index.ts). In the server bundle, Docusaurus's own highlighted code
 * block, so the static HTML is what it was; in the client bundle, a stand-in
 * that loads it from a separate chunk (../../codeBlock/deferred.tsx), so that
 * Prism is no longer in the main bundle of every page.
 */
export {default} from '@site-perf/code-block';
