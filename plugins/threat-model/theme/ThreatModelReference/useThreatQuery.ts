import {useCallback, useEffect, useRef, useState} from 'react';
import {useHistory} from '@docusaurus/router';
import {keepFocusAcrossPush} from './keep-focus';
import {DEFAULT_QUERY, formatQuery, parseQuery, type ThreatQuery} from './threat-query';

/** How a change reaches the history: `push` makes it a step that Back undoes, `replace` rewrites the current step. */
export type HistoryMode = 'push' | 'replace';

/**
 * The threat table's query, kept in the URL's query string so that a view
 * can be shared, survives a reload, and Back and Forward step through it.
 *
 * The state lives here, not only in the URL: Docusaurus holds a new location
 * back until the route has preloaded, so rendering from the URL would lag
 * one step behind a text field. The first render (server and hydration)
 * uses the default query, so hydration matches the static HTML; the URL's
 * query applies right after.
 */
export function useThreatQuery(useCases: readonly string[]): [ThreatQuery, (next: ThreatQuery, mode: HistoryMode) => void] {
  const history = useHistory();
  const [query, setQuery] = useState<ThreatQuery>(DEFAULT_QUERY);
  // The query string this hook last wrote: its own navigation is not news.
  const written = useRef<string | null>(null);

  useEffect(() => {
    const pathname = history.location.pathname;
    setQuery(parseQuery(history.location.search, useCases));
    return history.listen((location, action) => {
      if (location.pathname !== pathname) return;
      // Back/Forward, or a link to this page with another query.
      if (action === 'POP' || location.search !== written.current) setQuery(parseQuery(location.search, useCases));
    });
  }, [history, useCases]);

  const update = useCallback((next: ThreatQuery, mode: HistoryMode) => {
    setQuery(next);
    const {pathname, search, hash} = history.location;
    const nextSearch = formatQuery(next, search);
    if (nextSearch === search) return;
    written.current = nextSearch;
    if (mode === 'push') keepFocusAcrossPush();
    // The same hash: Docusaurus then keeps the scroll position (it scrolls only when the path or hash changes).
    history[mode]({pathname, search: nextSearch, hash});
  }, [history]);

  return [query, update];
}
