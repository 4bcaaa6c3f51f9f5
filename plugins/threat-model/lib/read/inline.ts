/** Inline Markdown kept for display: text, code spans and links. */
import type {PhrasingContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import type {Inline} from '../types';

/**
 * Text, code spans and links; emphasis and other wrappers are flattened to
 * their text. The readers report beforehand what this would drop (raw HTML,
 * images), so nothing reaches here that would vanish.
 */
export function toInline(nodes: PhrasingContent[]): Inline[] {
  const out: Inline[] = [];
  const push = (item: Inline) => {
    const last = out[out.length - 1];
    if (item.type === 'text' && last?.type === 'text') last.value += item.value;
    else out.push(item);
  };
  for (const node of nodes) {
    if (node.type === 'text') push({type: 'text', value: node.value.replace(/\s*\n\s*/g, ' ')});
    else if (node.type === 'inlineCode') push({type: 'code', value: node.value});
    else if (node.type === 'link') out.push({type: 'link', url: node.url, children: toInline(node.children)});
    else if (node.type === 'break') push({type: 'text', value: ' '});
    else if ('children' in node) for (const child of toInline(node.children as PhrasingContent[])) push(child);
    else if (node.type !== 'html') push({type: 'text', value: toString(node)});
  }
  return out;
}
