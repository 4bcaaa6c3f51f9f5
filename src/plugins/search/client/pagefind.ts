/**
 * Loads Pagefind's browser API (`build/pagefind/pagefind.js`, written after
 * the build) the first time a reader focuses or types in a search box, never
 * with the page: the index is not needed to read the site, and Lighthouse
 * measures the load. `webpackIgnore` keeps the bundler from resolving the
 * file, which does not exist at build time; the browser imports it as an ES
 * module from the site.
 */
import type {PageResult} from './rank';

/** Counts per filter value, e.g. `{use_case: {Server: 4}}`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** What one Pagefind search returns; a result's data loads on demand. */
export interface PagefindSearch {
  results: {id: string; score: number; data: () => Promise<PageResult>}[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/** The part of Pagefind's browser API this site uses. */
export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string, options?: {filters?: Record<string, string | string[]>}) => Promise<PagefindSearch | null>;
  filters: () => Promise<FilterCounts>;
}

/** Why a search could not run: the index is not there (as under `npm start`). */
export class SearchIndexMissing extends Error {
  constructor(cause: unknown) {
    super('The search index is not available.', {cause});
    this.name = 'SearchIndexMissing';
  }
}

let loading: Promise<Pagefind> | undefined;

/** The URL of Pagefind's entry file under the site's base URL. */
export function pagefindUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/?$/, '/')}pagefind/pagefind.js`;
}

/**
 * Pagefind, loaded once per page view. A failed load is not kept, so a later
 * focus tries again (the index may have been built since).
 */
export function loadPagefind(baseUrl: string): Promise<Pagefind> {
  loading ??= (async () => {
    try {
      const pagefind = (await import(/* webpackIgnore: true */ pagefindUrl(baseUrl))) as Pagefind;
      // Excerpts of about 24 words: two lines in the dropdown.
      await pagefind.options({excerptLength: 24});
      await pagefind.init();
      return pagefind;
    } catch (error) {
      loading = undefined;
      throw new SearchIndexMissing(error);
    }
  })();
  return loading;
}
