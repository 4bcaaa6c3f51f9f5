/**
 * The site's search, as a Docusaurus plugin: it serves the search page at
 * `/search` (`@theme/SearchPage`), gives the theme the use cases a reader can
 * narrow results to, and after each production build writes a Pagefind index
 * of the built pages to `build/pagefind/`. The navbar box is
 * `@theme/SearchBar` (src/theme/SearchBar); it and the search page load the
 * index only when a reader starts to search (see `client/pagefind.ts`).
 */
import type {LoadContext, Plugin, PluginModule} from '@docusaurus/types';
import {writeSearchIndex} from './indexer';
import {SEARCH_PLUGIN_NAME, type SearchPluginData, type SearchUseCase} from './types';

/** Options of the search plugin. */
export interface SearchPluginOptions {
  /** The use cases a reader can narrow the search to, in the order shown. */
  useCases: readonly SearchUseCase[];
}

export default function searchPlugin(context: LoadContext, options: SearchPluginOptions): Plugin<unknown> {
  const useCases = options.useCases.map(({id, label}) => ({id, label}));
  return {
    name: SEARCH_PLUGIN_NAME,
    async contentLoaded({actions}) {
      actions.setGlobalData({useCases} satisfies SearchPluginData);
      actions.addRoute({path: `${context.baseUrl}search`, component: '@theme/SearchPage', exact: true});
    },
    async postBuild({outDir}) {
      const summary = await writeSearchIndex(outDir, context.baseUrl, useCases);
      console.log(`[search] Pagefind indexed ${summary.pages} pages into ${summary.outputPath}`);
    },
  };
}

/** The plugin with its options bound, for a site config's `plugins` list. */
export function searchSite(options: SearchPluginOptions): PluginModule<unknown> {
  return (context) => searchPlugin(context, options);
}
