/**
 * The format's lists (Trust, Assets, Not applicable, Out of scope, a
 * threat's fields): one paragraph per item. Whatever else an item holds
 * would appear on the page and vanish from the reference and the export,
 * so it is reported instead.
 */
import type {List, ListItem, Paragraph, RootContent} from 'mdast';
import type {Inline} from '../types';
import {report, type Context} from './context';
import {toInline} from './inline';

/** The item's one paragraph; reports nested lists, more paragraphs and task boxes. */
export function itemParagraph(item: ListItem, where: string, ctx: Context): Paragraph | undefined {
  const [first, ...rest] = item.children;
  if (item.checked !== null && item.checked !== undefined) {
    report(ctx, item, 'unsupported-markdown', `Task-list box in ${where}`,
      'Remove the `[ ]` or `[x]`: the reference and the export do not carry it.');
  }
  for (const extra of rest) {
    report(ctx, extra, 'lost-content',
      extra.type === 'list' ? `Nested list in ${where}` : `A second ${extra.type === 'paragraph' ? 'paragraph' : 'block'} in one item of ${where}`,
      extra.type === 'list'
        ? 'Make each entry its own top-level item: the reference and the export keep one paragraph per item.'
        : 'Keep each item to one paragraph: the reference and the export keep one paragraph per item.');
  }
  if (first?.type !== 'paragraph') {
    if (first) {
      report(ctx, first, 'lost-content', `An item of ${where} does not start with text`,
        'Write each item as one line of text.');
    }
    return undefined;
  }
  return first;
}

/** Blocks another rule already reported (directives, footnotes). */
const SKIP = new Set(['containerDirective', 'leafDirective', 'footnoteDefinition']);

/** Items of the lists among `nodes`; any other block is reported. */
export function readList(nodes: RootContent[], where: string, ctx: Context): Inline[][] {
  const items: Inline[][] = [];
  for (const node of nodes) {
    if ((node.type === 'html' && node.value.startsWith('<!--')) || node.type === 'definition' || SKIP.has(node.type)) continue;
    if (node.type !== 'list') {
      report(ctx, node, 'lost-content', `${blockName(node)} in ${where}, which holds only a list`,
        'Make it a list item, or move it to a section that holds prose (Scope, or a threat\'s description).');
      continue;
    }
    for (const item of (node as List).children) {
      const paragraph = itemParagraph(item, where, ctx);
      if (paragraph) items.push(toInline(paragraph.children));
    }
  }
  return items;
}

export function blockName(node: RootContent): string {
  switch (node.type) {
    case 'paragraph': return 'A paragraph';
    case 'list': return 'A list';
    case 'code': return 'A code block';
    case 'blockquote': return 'A block quote';
    case 'table': return 'A table';
    case 'heading': return `A level-${node.depth} heading`;
    case 'html': return 'Raw HTML';
    case 'thematicBreak': return 'A thematic break';
    default: return `A ${node.type} block`;
  }
}
