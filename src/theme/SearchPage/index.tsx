/**
 * The search page, `/search?q=…&use_case=…`: every result for the words,
 * narrowable to one use case. The URL is the state (the box and the filter
 * follow it on Back/Forward and reload, and a link to it shares the search);
 * typing replaces the history entry, a new filter or a submit adds one.
 *
 * Before hydration it is a plain GET form, so the 404 page's form and a
 * reader without JavaScript land on a page that keeps their words.
 */
import {useEffect, useMemo, useState, type ReactNode} from 'react';
import {useHistory, useLocation} from '@docusaurus/router';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import useIsBrowser from '@docusaurus/useIsBrowser';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import Excerpt from '../../plugins/search/client/Excerpt';
import {loadPagefind} from '../../plugins/search/client/pagefind';
import {runSearch, type SearchOutcome} from '../../plugins/search/client/search';
import {useSearchUseCases} from '../../plugins/search/client/useSearchUseCases';
import {USE_CASE_FILTER} from '../../plugins/search/types';
import styles from './styles.module.css';

/** How many matching pages load at first, and with each "More results". */
const PAGE_STEP = 10;
/** How many sections of one page are listed: a model has up to about 20 threats. */
const SECTIONS_PER_PAGE = 20;

/** The search in the URL. */
interface SearchState {
  q: string;
  useCase: string;
}

function stateOf(search: string): SearchState {
  const params = new URLSearchParams(search);
  return {q: params.get('q') ?? '', useCase: params.get(USE_CASE_FILTER) ?? ''};
}

function searchOf({q, useCase}: SearchState): string {
  const params = new URLSearchParams();
  if (q !== '') params.set('q', q);
  if (useCase !== '') params.set(USE_CASE_FILTER, useCase);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

type Results = {kind: 'none'} | {kind: 'loading'} | {kind: 'missing'} | {kind: 'done'; outcome: SearchOutcome; of: SearchState};

/** Runs the URL's search whenever it changes. */
function useResults(baseUrl: string, {q, useCase}: SearchState, pages: number): Results {
  const [results, setResults] = useState<Results>({kind: 'none'});
  useEffect(() => {
    if (q.trim() === '') {
      setResults({kind: 'none'});
      return;
    }
    let stale = false;
    setResults((r) => (r.kind === 'done' ? r : {kind: 'loading'}));
    loadPagefind(baseUrl)
      .then((pagefind) => runSearch(pagefind, q, useCase || undefined, pages, SECTIONS_PER_PAGE))
      .then(
        (outcome) => {
          if (!stale && outcome) setResults({kind: 'done', outcome, of: {q, useCase}});
        },
        () => {
          if (!stale) setResults({kind: 'missing'});
        },
      );
    return () => {
      stale = true;
    };
  }, [baseUrl, q, useCase, pages]);
  return results;
}

export default function SearchPage(): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  const location = useLocation();
  const history = useHistory();
  const useCases = useSearchUseCases();
  // The built HTML has no query in it: the first render matches it, then the URL applies.
  const isBrowser = useIsBrowser();
  const state = useMemo(() => stateOf(isBrowser ? location.search : ''), [isBrowser, location.search]);
  const [draft, setDraft] = useState(state.q);
  const [pages, setPages] = useState(PAGE_STEP);
  const results = useResults(siteConfig.baseUrl, state, pages);

  // Back/Forward and links change the URL: the box follows it.
  useEffect(() => setDraft(state.q), [state.q]);
  useEffect(() => setPages(PAGE_STEP), [state.q, state.useCase]);

  const navigate = (next: SearchState, how: 'push' | 'replace') => {
    history[how]({pathname: location.pathname, search: searchOf(next)});
  };

  const title = state.q === '' ? 'Search the site' : `Search results for "${state.q}"`;
  return (
    <Layout title={title} description="Search the security model and the threat models, by words or a threat ID.">
      <main className="container margin-vert--lg">
        <Heading as="h1">{title}</Heading>
        <form
          className={styles.form}
          role="search"
          aria-label="Search results"
          method="get"
          onSubmit={(event) => {
            event.preventDefault();
            navigate({...state, q: draft.trim()}, 'push');
          }}>
          <div className={styles.field}>
            <label htmlFor="search-page-q">Words or a threat ID</label>
            <input
              id="search-page-q"
              className={styles.input}
              type="search"
              name="q"
              autoComplete="off"
              spellCheck={false}
              value={draft}
              onFocus={() => void loadPagefind(siteConfig.baseUrl).catch(() => undefined)}
              onChange={(event) => {
                setDraft(event.target.value);
                navigate({...state, q: event.target.value}, 'replace');
              }}
            />
          </div>
          <div className={styles.field}>
            <label htmlFor="search-page-use-case">Use case</label>
            <select
              id="search-page-use-case"
              className={styles.input}
              name={USE_CASE_FILTER}
              value={state.useCase}
              onChange={(event) => navigate({q: draft.trim(), useCase: event.target.value}, 'push')}>
              <option value="">All pages</option>
              {useCases.map((u) => (
                <option key={u.id} value={u.label}>
                  {u.label}
                  {results.kind === 'done' ? ` (${results.outcome.useCaseCounts[u.label] ?? 0})` : ''}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary">
            Search
          </button>
        </form>
        <ResultList results={results} state={state} onMore={() => setPages((p) => p + PAGE_STEP)} />
      </main>
    </Layout>
  );
}

function ResultList({results, state, onMore}: {results: Results; state: SearchState; onMore: () => void}): ReactNode {
  if (results.kind === 'missing') {
    return (
      <p role="status" className={styles.status}>
        The search index is not here. Search works on the built site: <code>npm run build &amp;&amp; npm run serve</code>
      </p>
    );
  }
  if (results.kind !== 'done') {
    return (
      <p role="status" className={styles.status}>
        {results.kind === 'loading' ? 'Searching…' : 'Type words or a threat ID such as SRV-01.'}
      </p>
    );
  }
  const {hits, pageCount} = results.outcome;
  // Shown until the results of a newer search arrive, marked busy meanwhile.
  const stale = results.of.q !== state.q || results.of.useCase !== state.useCase;
  const where = results.of.useCase === '' ? '' : ` in ${results.of.useCase}`;
  return (
    <section aria-label="Results" aria-busy={stale}>
      <p role="status" className={styles.status}>
        {pageCount === 0
          ? `No pages match "${results.of.q}"${where}.`
          : `${pageCount} page${pageCount === 1 ? '' : 's'} match${pageCount === 1 ? 'es' : ''}${where}: ${hits.length} section${hits.length === 1 ? '' : 's'} shown.`}
      </p>
      <ol className={styles.results}>
        {hits.map((hit) => (
          <li key={hit.url}>
            <article className={styles.result}>
              <p className={styles.page}>{hit.pageTitle}</p>
              <Heading as="h2" className={styles.section}>
                <Link to={hit.url}>{hit.sectionTitle}</Link>
              </Heading>
              <p className={styles.excerpt}>
                <Excerpt html={hit.excerpt} />
              </p>
            </article>
          </li>
        ))}
      </ol>
      {hits.length > 0 && pageCount > hitsPages(results) && (
        <button type="button" className="button button--secondary" onClick={onMore}>
          More results
        </button>
      )}
    </section>
  );
}

/** How many pages the shown hits come from. */
function hitsPages(results: Extract<Results, {kind: 'done'}>): number {
  return new Set(results.outcome.hits.map((h) => h.url.split('#')[0])).size;
}
