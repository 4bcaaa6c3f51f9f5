/**
 * The 404 page's content (swizzled from `@theme/NotFound/Content`): says
 * plainly that there is no page here, then offers the two ways on: search,
 * and the list of threat models. The search form is a plain GET form to the
 * local search's page (`/search?q=…`, which reads `q`), so it also works
 * before the page's JavaScript has loaded, or without it.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useLocation} from '@docusaurus/router';
import Heading from '@theme/Heading';
import type {Props} from '@theme/NotFound/Content';
import {useThreatModelData} from 'docusaurus-plugin-threat-model/client';
import styles from './styles.module.css';

export default function NotFoundContent({className}: Props): ReactNode {
  return (
    <main className={clsx('container margin-vert--xl', className)}>
      <div className="row">
        <div className="col col--8 col--offset-2">
          <Heading as="h1" className="hero__title">
            Page not found
          </Heading>
          <MissingPath />
          <SearchForm />
          <UseCaseLinks />
        </div>
      </div>
    </main>
  );
}

/**
 * Which address was not found. Only in the browser: the same 404.html
 * answers every missing address, so the server-rendered HTML cannot know it
 * (and rendering it there would not match on hydration).
 */
function MissingPath(): ReactNode {
  const isBrowser = useIsBrowser();
  const {pathname} = useLocation();
  return (
    <p className={styles.lead}>
      There is no page at {isBrowser ? <code className={styles.path}>{pathname}</code> : 'this address'}. It may have
      moved, or the link that brought you here may be mistyped.
    </p>
  );
}

function SearchForm(): ReactNode {
  const action = useBaseUrl('/search');
  return (
    <form className={styles.search} action={action} method="get" role="search" aria-labelledby="not-found-search">
      <Heading as="h2" id="not-found-search" className={styles.sectionTitle}>
        Search the site
      </Heading>
      <label htmlFor="not-found-q" className={styles.label}>
        Words or a threat ID (such as SRV-01)
      </label>
      <div className={styles.field}>
        <input id="not-found-q" className={styles.input} type="search" name="q" required autoComplete="off" />
        <button type="submit" className="button button--primary">
          Search
        </button>
      </div>
    </form>
  );
}

/** Every configured use case's page, from the plugin's data, and the reference page. */
function UseCaseLinks(): ReactNode {
  const data = useThreatModelData();
  return (
    <nav aria-labelledby="not-found-models">
      <Heading as="h2" id="not-found-models" className={styles.sectionTitle}>
        Threat models by use case
      </Heading>
      <ul className={styles.models}>
        {data.useCases.map((u) => (
          <li key={u.id}>
            {u.permalink ? <Link to={u.permalink}>{u.label}</Link> : <>{u.label} (no page yet)</>}
          </li>
        ))}
      </ul>
      <p>
        Every threat of every use case in one table: <Link to={data.referencePath}>the reference</Link>. What Node.js
        trusts and why: <Link to="/docs/">the security model</Link>.
      </p>
    </nav>
  );
}
