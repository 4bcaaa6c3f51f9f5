/**
 * Build settings for page-load performance, as a Docusaurus plugin: the
 * client bundle starts from clientEntry.ts (Docusaurus's entry, its heavy
 * imports evaluated in separate tasks) instead of Docusaurus's entry itself.
 * The server bundle, which renders the static HTML, is left as it is.
 */
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/** The entry Docusaurus 3.10 gives the client bundle. */
export const DOCUSAURUS_CLIENT_ENTRY = require.resolve('@docusaurus/core/lib/client/clientEntry.js');

/** The entry this plugin gives it instead. */
export const SITE_CLIENT_ENTRY = path.join(__dirname, 'clientEntry.ts');

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

export default function perfPlugin(): Plugin {
  return {
    name: 'site-perf',
    configureWebpack(config, isServer) {
      if (!isServer) replaceClientEntry(config);
      return {};
    },
  };
}
