/**
 * Passes over the whole tree: positions where GFM left none, directives
 * read as the site prints them, and the raw HTML, footnotes, links and
 * images of the file, wherever they are.
 */
import type {Heading, Nodes, Parent, Root, Text} from 'mdast';
import {visitParents} from 'unist-util-visit-parents';
import {visible} from '../visible';
import {at, report, type Context} from './context';
import {checkHtml} from './html';
import {classifyUrl, type LocalLink} from './links';

/**
 * A text directive with neither label nor attributes (`node:fs` reads as
 * `node` + `:fs`) is printed back as text by Docusaurus; read it as text
 * too. Every other directive would become an element, so it is reported.
 */
export function normalizeDirectives(tree: Root, ctx: Context): void {
  visitParents(tree, (node, ancestors) => {
    if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
    const simple = node.type === 'textDirective' && node.children.length === 0 && Object.keys(node.attributes ?? {}).length === 0;
    if (simple) {
      const parent = ancestors[ancestors.length - 1] as Parent;
      const text: Text = {type: 'text', value: `:${node.name}`, ...(node.position ? {position: node.position} : {})};
      parent.children.splice(parent.children.indexOf(node), 1, text);
      return;
    }
    const written = node.type === 'textDirective' ? `:${node.name}` : node.type === 'leafDirective' ? `::${node.name}` : `:::${node.name}`;
    report(ctx, node, 'directive', `Directive \`${visible(written)}\` would render as an element, not as the text written`,
      node.type === 'textDirective'
        ? `Escape the colon (\`\\:${visible(node.name)}\`) or put the text in \`code\`.`
        : 'Remove the directive markers (`:::`); write the text as a paragraph or a quote.');
  });
  mergeText(tree);
}

/**
 * GFM's autolink literals split text nodes into new ones without positions;
 * give each the span between its neighbours, so findings in them point at
 * the right line.
 */
export function fillPositions(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  children.forEach((child, i) => {
    if (!child.position && node.position) {
      const before = children.slice(0, i).reverse().find((c) => c.position)?.position?.end;
      const after = children.slice(i + 1).find((c) => c.position)?.position?.start;
      child.position = {start: before ?? node.position.start, end: after ?? node.position.end};
    }
    fillPositions(child);
  });
}

/** Join adjacent text nodes, as a fresh parse of the printed text would give. */
function mergeText(node: Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  for (let i = children.length - 1; i > 0; i--) {
    const a = children[i - 1]!;
    const b = children[i]!;
    if (a.type === 'text' && b.type === 'text') {
      a.value += b.value;
      if (a.position && b.position) a.position = {start: a.position.start, end: b.position.end};
      children.splice(i, 1);
    }
  }
  for (const child of children) mergeText(child);
}

/** Raw HTML, footnotes, links and images, wherever they are. */
export function scanTree(tree: Root, ctx: Context): LocalLink[] {
  const links: LocalLink[] = [];
  visitParents(tree, (node, ancestors) => {
    const heading = ancestors.find((a): a is Heading => a.type === 'heading');
    switch (node.type) {
      case 'html':
        checkHtml(node, ctx, heading !== undefined);
        break;
      case 'footnoteReference':
      case 'footnoteDefinition':
        if (node.type === 'footnoteDefinition' || !ancestors.some((a) => a.type === 'footnoteDefinition')) {
          report(ctx, node, 'unsupported-markdown', node.type === 'footnoteDefinition' ? 'Footnote definition' : 'Footnote reference',
            'Cite sources in the References field, or write the note as a sentence: footnotes do not reach the reference or the export.');
        }
        break;
      case 'link':
      case 'image':
      case 'definition':
      case 'linkReference':
      case 'imageReference': {
        if (heading && node.type !== 'definition') {
          report(ctx, node, 'heading-content', `${node.type.startsWith('image') ? 'An image' : 'A link'} in a heading`,
            'Headings are plain text and `code`: the table of contents and the reference repeat them. Move it into the text below.');
        }
        if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !node.data?.threatModel?.reference) {
          const classified = classifyUrl(node.url, ctx.file, ctx.config, node.type === 'image');
          if ('rule' in classified) report(ctx, node, classified.rule, classified.message, classified.hint);
          else if (classified.ok === 'local') links.push({target: classified.target, url: node.url, image: node.type === 'image', ...at(node)});
        }
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete': {
        // The table of contents is built from the heading's HTML: it stays plain text and code.
        if (heading && !ancestors.some((a) => a.type === 'emphasis' || a.type === 'strong' || a.type === 'delete')) {
          report(ctx, node, 'heading-content', `${node.type === 'delete' ? 'Strikethrough' : 'Emphasis'} in a heading`,
            'Headings are plain text and `code`: the table of contents and the reference show them as text. Remove the `*`, `_` or `~`.');
        }
        break;
      }
      default:
        break;
    }
  });
  return links;
}
