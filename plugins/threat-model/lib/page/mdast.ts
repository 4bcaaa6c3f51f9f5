/**
 * Node builders for the page generator: mdast nodes that render as the
 * given HTML element (`data.hName`), text nodes and links. Text from a
 * contributed file only ever goes in as a text or code node.
 */
import type {Link, PhrasingContent} from 'mdast';
import type {Inline} from '../types';

export type Block = {type: 'threatModelElement'; data: {hName: string; hProperties: Record<string, unknown>}; children: unknown[]};

export function el(tagName: string, className: string | undefined, children: unknown[], props: Record<string, unknown> = {}): Block {
  return {
    type: 'threatModelElement',
    data: {hName: tagName, hProperties: {...(className ? {className: className.split(' ')} : {}), ...props}},
    children,
  };
}

export const text = (value: string): PhrasingContent => ({type: 'text', value});

export function link(url: string, children: PhrasingContent[]): Link {
  return {type: 'link', url, children};
}

export function inlineToMdast(inline: Inline[]): PhrasingContent[] {
  return inline.map((item): PhrasingContent => {
    if (item.type === 'text') return text(item.value);
    if (item.type === 'code') return {type: 'inlineCode', value: item.value};
    return link(item.url, inlineToMdast(item.children));
  });
}

/** Inline content for inside a link: its own links become their text, since links do not nest. */
export function inlineWithoutLinks(inline: Inline[]): PhrasingContent[] {
  return inline.flatMap((item): PhrasingContent[] => {
    if (item.type === 'text') return [text(item.value)];
    if (item.type === 'code') return [{type: 'inlineCode', value: item.value}];
    return inlineWithoutLinks(item.children);
  });
}

export function joined<T>(items: T[], separator: () => unknown): unknown[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator(), item]));
}
