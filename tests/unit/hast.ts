/** Queries on a rendered page's hast tree, for tests that read what a page shows. */
import type {Element} from 'hast';

/** Every element under `tree` that passes `test`, in document order. */
export function all(tree: unknown, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (node: {children?: unknown[]}) => {
    for (const child of (node.children ?? []) as Array<Element & {children?: unknown[]}>) {
      if (child.type === 'element' && test(child)) out.push(child);
      walk(child);
    }
  };
  walk(tree as {children?: unknown[]});
  return out;
}

/** A test for `all`: the element has the class `name`. */
export const hasClass = (name: string) => (el: Element) => ((el.properties?.className as string[] | undefined) ?? []).includes(name);

/** The text of a node and everything under it. */
export function textOf(node: unknown): string {
  const n = node as {type: string; value?: string; children?: unknown[]};
  return n.type === 'text' ? n.value ?? '' : (n.children ?? []).map(textOf).join('');
}
