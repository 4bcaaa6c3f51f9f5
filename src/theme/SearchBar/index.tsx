/**
 * The navbar search box: a WAI-ARIA 1.2 combobox (an input with a listbox
 * popup). Typing shows the best sections (see
 * src/plugins/search/client/rank.ts); ↓/↑ move through them, Enter opens the
 * active one, or the search page when none is active, and Escape closes the
 * list (a second Escape clears the box).
 *
 * It is a plain GET form to `/search?q=…`, so it also works before the
 * bundle hydrates. Pagefind loads on the first focus or keystroke only.
 */
import {useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import {useHistory} from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Excerpt from '../../plugins/search/client/Excerpt';
import {loadPagefind} from '../../plugins/search/client/pagefind';
import {runSearch} from '../../plugins/search/client/search';
import type {SearchHit} from '../../plugins/search/client/rank';
import styles from './styles.module.css';

/** How many pages' sections the dropdown lists at most. */
const DROPDOWN_PAGES = 5;
/** How many options the dropdown shows. */
const DROPDOWN_OPTIONS = 8;

type Status = 'idle' | 'loading' | 'ready' | 'missing';

/** Pagefind results for what is typed; `hits` belong to `query`. */
function useDropdownSearch(baseUrl: string) {
  const [status, setStatus] = useState<Status>('idle');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const latest = useRef('');

  const prepare = useCallback(() => {
    loadPagefind(baseUrl).then(
      () => setStatus((s) => (s === 'missing' ? s : 'ready')),
      () => setStatus('missing'),
    );
  }, [baseUrl]);

  const search = useCallback(
    async (text: string) => {
      latest.current = text;
      if (text.trim() === '') {
        setQuery(text);
        setHits([]);
        return;
      }
      try {
        const pagefind = await loadPagefind(baseUrl);
        const outcome = await runSearch(pagefind, text, undefined, DROPDOWN_PAGES);
        if (!outcome || latest.current !== text) return;
        setStatus('ready');
        setQuery(text);
        setHits(outcome.hits.slice(0, DROPDOWN_OPTIONS));
      } catch {
        setStatus('missing');
      }
    },
    [baseUrl],
  );
  return {status, query, hits, prepare, search};
}

export default function SearchBar(): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  const history = useHistory();
  const searchPage = useBaseUrl('/search');
  const {status, query, hits, prepare, search} = useDropdownSearch(siteConfig.baseUrl);
  const [value, setValue] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const rootRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const listboxId = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const typed = value.trim() !== '';
  const current = typed && query === value;
  const expanded = open && typed && (current || status === 'missing');
  const allResults = `${searchPage}?q=${encodeURIComponent(value.trim())}`;

  useEffect(() => setActive(-1), [hits]);

  // Words typed before the page hydrated are in the input but not in state yet.
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const early = inputRef.current?.value ?? '';
    if (early === '') return;
    setValue(early);
    void search(early);
    if (document.activeElement === inputRef.current) {
      prepare();
      setOpen(true);
    }
  }, []); // Once, on hydration.

  const go = (url: string) => {
    setOpen(false);
    setActive(-1);
    history.push(url);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = expanded ? hits.length : 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i === -1 ? (step === 1 ? 0 : count - 1) : (i + step + count) % count));
    } else if (event.key === 'Enter' && expanded && active >= 0 && hits[active]) {
      event.preventDefault();
      go(hits[active].url);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (expanded) setOpen(false);
      else setValue('');
      setActive(-1);
    }
  };

  return (
    <form
      ref={rootRef}
      role="search"
      aria-label="Site"
      action={searchPage}
      method="get"
      className={styles.search}
      onSubmit={(event) => {
        event.preventDefault();
        if (typed) go(allResults);
      }}
      onBlur={(event) => {
        if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}>
      <input
        ref={inputRef}
        type="search"
        name="q"
        className={clsx('navbar__search-input', styles.input)}
        placeholder="Search"
        aria-label="Search the site"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onFocus={() => {
          prepare();
          setOpen(true);
        }}
        onChange={(event) => {
          prepare();
          setValue(event.target.value);
          setOpen(true);
          void search(event.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <div className={styles.popup} hidden={!expanded}>
        <ul id={listboxId} role="listbox" aria-label="Search results" className={styles.listbox}>
          {expanded &&
            hits.map((hit, i) => (
              <li
                key={hit.url}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={clsx(styles.option, i === active && styles.active)}
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => setActive(i)}
                onClick={() => go(hit.url)}>
                <span className={styles.page}>{hit.pageTitle}</span>
                <span className={styles.section}>{hit.sectionTitle}</span>
                <Excerpt html={hit.excerpt} className={styles.excerpt} />
              </li>
            ))}
        </ul>
        {expanded && <DropdownFooter status={status} count={hits.length} href={allResults} onFollow={go} />}
      </div>
    </form>
  );
}

/** Below the options: why there are none, and the link to every result. */
function DropdownFooter({status, count, href, onFollow}: {status: Status; count: number; href: string; onFollow: (url: string) => void}): ReactNode {
  if (status === 'missing') {
    return (
      <p className={styles.note} role="status">
        Search works on the built site: <code>npm run build &amp;&amp; npm run serve</code>
      </p>
    );
  }
  return (
    <div className={styles.footer}>
      <span role="status" className={styles.note}>
        {count === 0 ? 'No results' : `${count} result${count === 1 ? '' : 's'}`}
      </span>
      <a href={href} className={styles.all} onClick={(event) => {
          event.preventDefault();
          onFollow(href);
        }}>
        See all results
      </a>
    </div>
  );
}
