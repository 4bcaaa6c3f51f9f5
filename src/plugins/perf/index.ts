/**
 * Build settings for page-load performance, as a Docusaurus plugin.
 *
 * - The client bundle starts from clientEntry.ts (Docusaurus's entry, its
 *   heavy imports evaluated in separate tasks) instead of Docusaurus's entry.
 * - `@theme/CodeBlock` is Docusaurus's in the server bundle and, in the
 *   client bundle, a stand-in that loads it from its own chunk
 *   (codeBlock/deferred.tsx), so Prism leaves the main bundle; for that, theme-classic's client module that registers
 *   Prism's extra languages is replaced, in the client bundle's list of
 *   client modules only, by an empty module: the lazy code block registers
 *   them itself before it first highlights.
 *
 * The server bundle, which renders the static HTML, keeps its entry.
 */
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/** The entry Docusaurus 3.10 gives the client bundle. */
export const DOCUSAURUS_CLIENT_ENTRY = require.resolve('@docusaurus/core/lib/client/clientEntry.js');

/** The entry this plugin gives it instead. */
export const SITE_CLIENT_ENTRY = path.join(__dirname, 'clientEntry.ts');

/** theme-classic's client module that imports Prism to register `prism.additionalLanguages`. */
export const PRISM_LANGUAGES_MODULE = require.resolve('@docusaurus/theme-classic/lib/prism-include-languages.js');

/** What theme/CodeBlock renders inside its Suspense boundary: the highlighted block itself (server) or a stand-in that loads it (client). */
export const CODE_BLOCK_ALIAS = '@site-perf/code-block';
export const CODE_BLOCK_HIGHLIGHTED = path.join(__dirname, 'codeBlock', 'highlighted.tsx');
export const CODE_BLOCK_DEFERRED = path.join(__dirname, 'codeBlock', 'deferred.tsx');

/** What stands in for it in the list of client modules. */
export const EMPTY_MODULE = path.join(__dirname, 'empty.ts');

/**
 * The client webpack config's entry, replaced; a config whose entry is not
 * Docusaurus's is an error (a Docusaurus upgrade that moved it should be seen,
 * not silently build the site without its own entry).
 */
export function replaceClientEntry(config: {entry?: unknown}): void {
  if (config.entry !== DOCUSAURUS_CLIENT_ENTRY) {
    throw new Error(`site-perf: expected the client entry to be ${DOCUSAURUS_CLIENT_ENTRY}, found ${JSON.stringify(config.entry)}`);
  }
  config.entry = SITE_CLIENT_ENTRY;
}

/** What webpack's NormalModuleReplacementPlugin passes for a module about to be resolved. */
export interface ModuleRequest {
  request: string;
  contextInfo: {issuer: string};
}

/**
 * The Prism languages module, when the generated list of client modules
 * imports it, becomes the empty module; imported from anywhere else (the lazy
 * code block) it stays itself.
 */
export function replaceEagerPrism(resource: ModuleRequest): void {
  const request = resource.request.replace(/\.js$/, '');
  if (request === PRISM_LANGUAGES_MODULE.replace(/\.js$/, '') && /[\\/]client-modules\.js$/.test(resource.contextInfo.issuer)) resource.request = EMPTY_MODULE;
}

export default function perfPlugin(): Plugin {
  return {
    name: 'site-perf',
    getThemePath() {
      return path.join(__dirname, 'theme');
    },
    configureWebpack(config, isServer, utils) {
      const codeBlock = {resolve: {alias: {[CODE_BLOCK_ALIAS]: isServer ? CODE_BLOCK_HIGHLIGHTED : CODE_BLOCK_DEFERRED}}};
      if (isServer) return codeBlock;
      replaceClientEntry(config);
      const {NormalModuleReplacementPlugin} = utils.currentBundler.instance;
      return {...codeBlock, plugins: [new NormalModuleReplacementPlugin(/prism-include-languages(\.js)?$/, replaceEagerPrism)]};
    },
  };
}
