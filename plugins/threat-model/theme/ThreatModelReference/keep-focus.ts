/**
 * Docusaurus moves focus to its "Skip to main content" region after every
 * history push without a hash (so that the next Tab after a page change
 * reaches the skip link). A push that only changes the query string is not
 * a page change: the focused control (a select, the text field) must keep
 * the focus, or the next keystroke is lost.
 */

/** Whether `el` is Docusaurus's skip-to-content region, the target of that focus move. */
export function isSkipRegion(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && el.getAttribute('role') === 'region' && el.querySelector('a[href^="#__docusaurus_skipToContent"]') !== null;
}

/** Call before a push: if the skip region takes the focus within a second, give it back to the element that had it. */
export function keepFocusAcrossPush(): void {
  const owner = document.activeElement;
  if (!(owner instanceof HTMLElement) || owner === document.body) return;
  const restore = (event: FocusEvent) => {
    if (!isSkipRegion(event.target) || !owner.isConnected) return;
    document.removeEventListener('focusin', restore, true);
    owner.focus({preventScroll: true});
  };
  document.addEventListener('focusin', restore, true);
  setTimeout(() => document.removeEventListener('focusin', restore, true), 1000);
}
