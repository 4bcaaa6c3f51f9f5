/**
 * Rehype plugin: sanitize the HTML of contributed threat models, as defence
 * in depth behind the check's `unsafe-html` error.
 *
 * It runs after Docusaurus's rehype-raw, so raw HTML in the Markdown is
 * already parsed into elements. Docusaurus's own MDX nodes (the TOC export,
 * JSX elements it generates) are not HTML and would be dropped by the
 * sanitizer, so they are parked, and put back after it runs: a `.md` file
 * cannot create them, only Docusaurus can.
 */
import type {Element, Root} from 'hast';
import {defaultSchema, sanitize, type Schema} from 'hast-util-sanitize';

const KEEP = 'tm-keep';

export const schema: Schema = {
  ...defaultSchema,
  // Heading anchors are the threat IDs; prefixing them would break links.
  clobber: [],
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'dl', 'dt', 'dd', 'span', 'div', KEEP],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'id', 'title', 'role', 'ariaLabel', 'ariaHidden'],
    code: [...(defaultSchema.attributes?.code ?? []), 'className', 'metastring'],
    [KEEP]: ['dataKeep'],
  },
  protocols: {...defaultSchema.protocols, href: ['http', 'https', 'mailto']},
};

type AnyNode = {type: string; children?: AnyNode[]};

export default function rehypeSanitizeThreatModel() {
  return (tree: Root): Root => {
    const parked: AnyNode[] = [];
    park(tree as unknown as AnyNode, parked);
    const clean = sanitize(tree, schema) as Root;
    restore(clean as unknown as AnyNode, parked);
    return clean;
  };
}

function park(node: AnyNode, parked: AnyNode[]): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type.startsWith('mdx')) {
      parked.push(child);
      const placeholder: Element = {type: 'element', tagName: KEEP, properties: {dataKeep: String(parked.length - 1)}, children: []};
      children[i] = placeholder as unknown as AnyNode;
    } else {
      park(child, parked);
    }
  }
}

function restore(node: AnyNode, parked: AnyNode[]): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as AnyNode & Partial<Element>;
    if (child.type === 'element' && child.tagName === KEEP) {
      children[i] = parked[Number(child.properties?.dataKeep)]!;
    } else {
      restore(child, parked);
    }
  }
}
