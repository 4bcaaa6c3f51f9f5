import {useEffect} from 'react';
import {useLocation} from '@docusaurus/router';

/**
 * Opens the `<details>` element that the URL's hash names and scrolls it
 * into view: a link to `#use-case-<id>` lands on that use case's trust
 * entry even though entries start closed. Runs on load and on every hash
 * change (a click on an in-page link, Back, Forward).
 */
export function useOpenOnHash(): void {
  const {hash} = useLocation();
  useEffect(() => {
    if (hash.length < 2) return;
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return;
    }
    const target = document.getElementById(id);
    if (!(target instanceof HTMLDetailsElement) || target.open) return;
    target.open = true;
    target.scrollIntoView();
  }, [hash]);
}
