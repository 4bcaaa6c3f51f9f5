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
import {FLOW_ID_PATTERN} from './ids';

const KEEP = 'tm-keep';

/** Classes the page generator writes; contributed HTML may carry none (the check refuses `class`). */
const GENERATED_CLASS = /^tm-[a-z0-9_-]+$/;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

type Definitions = NonNullable<Schema['attributes']>[string];

/** An element's own `className` definition replaces the one for `*`: let it take `tm-` classes too. */
function withGeneratedClasses(definitions: Definitions): Definitions {
  return definitions.map((definition) =>
    Array.isArray(definition) && definition[0] === 'className' ? [...definition, GENERATED_CLASS] : definition,
  ) as Definitions;
}

const tagAttributes = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).filter(([tag]) => tag !== '*').map(([tag, definitions]) => [tag, withGeneratedClasses(definitions)]),
);

export const schema: Schema = {
  ...defaultSchema,
  // Heading anchors are the threat IDs; prefixing them would break links.
  clobber: [],
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'dl', 'dt', 'dd', 'span', 'div', KEEP],
  attributes: {
    ...tagAttributes,
    // No `id` and no free `class` on any element: only headings carry an id
    // (their anchor), and the rows of the data-flow tables theirs (a zone,
    // element or flow ID); only the generator's `tm-` classes pass.
    '*': [...(defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'id'), ['className', GENERATED_CLASS], 'role', 'ariaLabel', 'ariaHidden'],
    ...Object.fromEntries(HEADINGS.map((h) => [h, [...(tagAttributes[h] ?? []), 'id']])),
    tr: [...(tagAttributes.tr ?? []), ['id', FLOW_ID_PATTERN]],
    code: [...(tagAttributes.code ?? []), 'metastring'],
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
