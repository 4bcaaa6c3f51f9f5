/**
 * How a built page is marked up for Pagefind, in memory, before it is indexed
 * (the HTML on disk is not changed):
 * - only the Markdown body of docs and threat-model pages is indexed (not the
 *   navbar, sidebar, footer, home page or the search page itself);
 * - each threat-model page carries a use-case filter, taken from its URL;
 * - threat headings (`<h3 id="SRV-01">SRV-01 · …`) weigh more than the many
 *   "Related: SRV-01" mentions elsewhere, so a title word finds the threat;
 * - the terms and values of a field list (`<dt>ID<dd>SRV-01<dt>STRIDE`, as
 *   the minifier writes them), table cells and rows (`<th>Flag<th>Added in`)
 *   and list items are apart, so an excerpt does not read "IDSRV-01STRIDE"
 *   or "v22.x.--permission-auditv25.8.0".
 */
import {USE_CASE_FILTER, type SearchUseCase} from './types';

/** The Markdown body Docusaurus renders for every doc, one per page. */
const BODY = /<div class="theme-doc-markdown markdown"/;
/** A threat heading: an h3 whose id is a threat ID such as SRV-01 or CICD-12. */
const THREAT_HEADING = /<h3((?:\s[^>]*?)?\sid=(?:"?)([A-Z]+-\d+)(?:"?)[\s>])/g;
/**
 * An element whose end tag the minifier leaves out (a field list's term or
 * value, a table row or cell, a list item), and whose text Pagefind would
 * then join to the text before it.
 */
const JOINED_ITEM = /<(dt|dd|tr|th|td|li)(?=[\s>])/g;
/** How much more a threat heading counts than body text (Pagefind's h3 default is 5 or so). */
export const THREAT_HEADING_WEIGHT = 10;

/** The use case of a page from its route, e.g. `/threat-models/server` → server. */
export function useCaseOfRoute(route: string, baseUrl: string, useCases: readonly SearchUseCase[]): SearchUseCase | undefined {
  const rest = route.startsWith(baseUrl) ? route.slice(baseUrl.length) : route;
  const match = /^threat-models\/([^/#?]+)\/?$/.exec(rest.replace(/^\/+/, ''));
  return match ? useCases.find((u) => u.id === match[1]) : undefined;
}

/**
 * Marks up one built page for Pagefind, or returns undefined when the page is
 * not searchable (it has no Markdown body).
 */
export function prepareForIndex(html: string, useCase: SearchUseCase | undefined): string | undefined {
  if (!BODY.test(html)) return undefined;
  const filter = useCase ? ` data-pagefind-filter="${USE_CASE_FILTER}:${escapeAttribute(useCase.label)}"` : '';
  return html
    .replace(BODY, (body) => `${body} data-pagefind-body${filter}`)
    .replace(THREAT_HEADING, (heading) => heading.replace('<h3', `<h3 data-pagefind-weight="${THREAT_HEADING_WEIGHT}"`))
    .replace(JOINED_ITEM, ' <$1');
}

/** A label may hold `&` or `"` (it is site config); an attribute value must not end early. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
