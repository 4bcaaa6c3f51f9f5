/**
 * Accessibility repairs for the local search's autocomplete, which renders
 * ARIA 1.0 markup that axe (ARIA 1.2) rejects:
 * - the combobox input names its listbox with aria-owns but not aria-controls;
 * - the listbox wraps its options in unlabelled containers, and its "See all
 *   results" link is neither an option nor inside one.
 * A MutationObserver applies the repairs whenever the dropdown re-renders.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

function repair(root: ParentNode): void {
  for (const input of root.querySelectorAll<HTMLInputElement>('input.navbar__search-input[aria-owns]')) {
    const owns = input.getAttribute('aria-owns')!;
    if (input.getAttribute('aria-controls') !== owns) input.setAttribute('aria-controls', owns);
  }
  for (const listbox of root.querySelectorAll<HTMLElement>('.navbar__search [role="listbox"]')) {
    for (const element of listbox.querySelectorAll<HTMLElement>('*')) {
      if (element.closest('[role="option"]')) continue;
      if (element.tagName === 'A') {
        element.setAttribute('role', 'option');
      } else if (!element.hasAttribute('role') && element.querySelector('[role="option"], a')) {
        element.setAttribute('role', 'presentation');
      }
    }
  }
}

if (ExecutionEnvironment.canUseDOM) {
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      repair(document);
    });
  });
  const start = () => observer.observe(document.body, {childList: true, subtree: true, attributes: true, attributeFilter: ['aria-owns']});
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}

export {repair};
