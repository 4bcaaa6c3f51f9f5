/**
 * The site's search, as a Docusaurus theme: it serves the search page at
 * `/search` (`@theme/SearchPage`), and after each production build writes a
 * Pagefind index of the built pages to `build/pagefind/`. The navbar box is
 * `@theme/SearchBar` (src/theme/SearchBar); both load the index only when a
 * reader starts to search.
 *
 * Not wired into docusaurus.config.ts yet: `@theme/SearchBar` and
 * `@theme/SearchPage` must exist first, and the easyops theme removed (it
 * also owns `/search`).
 */
import type {LoadContext, Plugin} from '@docusaurus/types';
import {writeSearchIndex, type SearchUseCase} from './search-index';

/** Options of the search theme. */
export interface SearchPluginOptions {
  /** The use cases a reader can narrow the search to, in the order shown. */
  useCases: readonly SearchUseCase[];
}

/** What the theme components read with `usePluginData('search-pagefind')`. */
export interface SearchPluginData {
  useCases: readonly SearchUseCase[];
}

export default function searchPlugin(context: LoadContext, options: SearchPluginOptions): Plugin<void> {
  const useCases = options.useCases.map(({id, label}) => ({id, label}));
  return {
    name: 'search-pagefind',
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
