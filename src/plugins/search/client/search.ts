/**
 * One search as the navbar box and the search page run it: Pagefind's pages,
 * the first `pages` of them loaded, up to `sectionsPerPage` sections each, ranked into sections (see `rank.ts`).
 */
import {rankResults, type SearchHit} from './rank';
import type {FilterCounts, Pagefind} from './pagefind';
import {USE_CASE_FILTER} from '../types';

/** The outcome of one search. */
export interface SearchOutcome {
  hits: SearchHit[];
  /** How many pages match, with the filter applied. */
  pageCount: number;
  /** Per use case, how many pages match the words alone. */
  useCaseCounts: Record<string, number>;
}

/** Runs `query`, narrowed to `useCase` (a use case label) when given; undefined when a newer search replaced it. */
export async function runSearch(
  pagefind: Pagefind,
  query: string,
  useCase: string | undefined,
  pages: number,
  sectionsPerPage?: number,
): Promise<SearchOutcome | undefined> {
  const search = await pagefind.search(query, useCase ? {filters: {[USE_CASE_FILTER]: useCase}} : {});
  if (!search) return undefined;
  const data = await Promise.all(search.results.slice(0, pages).map((r) => r.data()));
  return {hits: rankResults(query, data, sectionsPerPage), pageCount: search.results.length, useCaseCounts: countsOf(search.totalFilters)};
}

function countsOf(filters: FilterCounts | undefined): Record<string, number> {
  return filters?.[USE_CASE_FILTER] ?? {};
}
