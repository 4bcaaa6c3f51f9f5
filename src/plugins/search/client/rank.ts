/**
 * The order search results are shown in, as a pure function of the query and
 * what Pagefind returned, so that it can be tested without a browser.
 *
 * Pagefind ranks pages; a reader wants sections. Each page's sections (its
 * sub-results, one per heading with an id) are listed by how much of the
 * match they hold. A query that is exactly a threat ID (`SRV-01`, `cicd-03`)
 * puts that threat's own section first, however the pages ranked: the other
 * pages that only mention the ID ("Related: SRV-01") come after. A URL is
 * listed once, where it ranks best.
 */

/** A matched place in a section, as Pagefind reports it. */
export interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

/** One section of a page that matched (Pagefind's `sub_results`). */
export interface SectionResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: WeightedLocation[];
  locations?: number[];
}

/** One page that matched, in the fields of Pagefind's result data that ranking reads. */
export interface PageResult {
  url: string;
  excerpt: string;
  meta: {title?: string};
  sub_results?: SectionResult[];
}

/** One line of results: a section of a page. */
export interface SearchHit {
  url: string;
  pageTitle: string;
  sectionTitle: string;
  excerpt: string;
}

/** How many sections of one page are listed by default, so one page does not fill the list. */
export const SECTIONS_PER_PAGE = 3;

const THREAT_ID = /^[A-Za-z]+-\d+$/;
/** The zero-width space Docusaurus puts in each heading's "#" link, which Pagefind keeps in the title. */
const INVISIBLE = /[\u200b\u200c\u200d\ufeff]/g;

/** The threat ID a query is, upper-cased (`srv-01` → `SRV-01`), or undefined. */
export function threatIdOfQuery(query: string): string | undefined {
  const trimmed = query.trim();
  return THREAT_ID.test(trimmed) ? trimmed.toUpperCase() : undefined;
}

function sectionScore(section: SectionResult): number {
  if (section.weighted_locations) return section.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0);
  return section.locations?.length ?? 0;
}

function cleanTitle(title: string): string {
  return title.replace(INVISIBLE, '').trim();
}

/** A URL without a trailing slash before its hash, so `/a/#x` and `/a#x` count as one. */
function normalUrl(url: string): string {
  return url.replace(/\/(?=#|$)/, '') || '/';
}

function isSectionOf(section: SectionResult, id: string): boolean {
  return decodeURIComponent(section.url.split('#')[1] ?? '').toUpperCase() === id;
}

/** Each page's best sections, best first; a page with no sections stands for itself. */
function hitsOfPage(page: PageResult, sectionsPerPage: number): SearchHit[] {
  const pageTitle = cleanTitle(page.meta.title ?? page.url);
  const sections = [...(page.sub_results ?? [])].sort((a, b) => sectionScore(b) - sectionScore(a)).slice(0, sectionsPerPage);
  if (sections.length === 0) return [{url: page.url, pageTitle, sectionTitle: pageTitle, excerpt: page.excerpt}];
  return sections.map((s) => ({url: s.url, pageTitle, sectionTitle: cleanTitle(s.title), excerpt: s.excerpt}));
}

/** The section of a threat, from any page Pagefind returned. */
function threatSection(pages: readonly PageResult[], id: string): SearchHit | undefined {
  for (const page of pages) {
    const section = page.sub_results?.find((s) => isSectionOf(s, id));
    if (section) {
      return {url: section.url, pageTitle: cleanTitle(page.meta.title ?? page.url), sectionTitle: cleanTitle(section.title), excerpt: section.excerpt};
    }
  }
  return undefined;
}

/**
 * The hits to show for `query`, given Pagefind's pages in its order; at most
 * `sectionsPerPage` of each page (the search page lists more than the dropdown).
 */
export function rankResults(query: string, pages: readonly PageResult[], sectionsPerPage = SECTIONS_PER_PAGE): SearchHit[] {
  const id = threatIdOfQuery(query);
  const first = id ? threatSection(pages, id) : undefined;
  const hits = [...(first ? [first] : []), ...pages.flatMap((page) => hitsOfPage(page, sectionsPerPage))];
  const seen = new Set<string>();
  return hits.filter((hit) => {
    const key = normalUrl(hit.url);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
