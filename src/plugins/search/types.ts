/**
 * What the search's build side (the plugin, the indexer) and its browser side
 * (the navbar box, the search page) must agree on. No Node.js imports here:
 * the browser bundle imports this file.
 */

/** A use case as the content config names it: `{id: 'server', label: 'Server'}`. */
export interface SearchUseCase {
  id: string;
  label: string;
}

/** The plugin's name, which `usePluginData` looks its global data up by. */
export const SEARCH_PLUGIN_NAME = 'search-pagefind';

/**
 * The Pagefind filter that holds a threat-model page's use case. Its values
 * are the use cases' labels, which is also what the search page's URL
 * carries (`/search?q=…&use_case=Server`), so a shared link reads plainly.
 */
export const USE_CASE_FILTER = 'use_case';

/** What the theme components read with `usePluginData(SEARCH_PLUGIN_NAME)`. */
export interface SearchPluginData {
  useCases: readonly SearchUseCase[];
}
