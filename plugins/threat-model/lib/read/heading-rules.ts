/**
 * Headings outside the threats: a threat-shaped ID on any heading, or hidden
 * in raw HTML or an indented code block, is a threat the index would miss;
 * other explicit ids are not for contributors to choose. Same-page anchors
 * must exist.
 */
import type {Heading, Nodes, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {visitParents} from 'unist-util-visit-parents';
import {anchorHint} from '../rules/links';
import type {ThreatModel} from '../types';
import {visible} from '../visible';
import {report, type Context} from './context';
import {explicitId, ID_LIKE} from './headings';
import type {LocalLink} from './links';
import {ownerOf} from '../ids';

/**
 * Every heading that carries a threat-shaped ID is a threat of the index or
 * an error; other explicit ids are not for contributors to choose.
 */
export function checkHeadings(tree: Root, ctx: Context): void {
  let section = '';
  visitParents(tree, 'heading', (heading: Heading, ancestors) => {
    const nested = ancestors.length > 1;
    if (!nested && heading.depth <= 2) section = toString(heading).trim();
    if (heading.data?.threatModel?.threat) return;
    // A threat heading the reader refused has its own finding already.
    if (heading.depth === 3 && !nested && section.toLowerCase() === 'threats') return;
    const explicit = explicitId(heading);
    if (!explicit) return;
    const threatLike = ID_LIKE.test(explicit.id) || ownerOf(ctx.config, explicit.id) !== undefined;
    if (!threatLike) {
      report(ctx, heading, 'heading-id', `Explicit heading id {#${visible(explicit.id)}} on a heading that is not a threat`,
        'Remove it: the site derives the anchor from the heading text, and explicit ids are reserved for threat IDs.');
      return;
    }
    const container = ancestors.slice(1).map((a) => a.type).find((t) => t === 'blockquote' || t === 'listItem' || t === 'containerDirective');
    const where = container === 'blockquote' ? 'inside a block quote'
      : container === 'listItem' ? 'inside a list'
      : container ? 'inside a directive'
      : heading.depth !== 3 ? `a level-${heading.depth} heading`
      : `under \`## ${section}\``;
    report(ctx, heading, 'misplaced-threat', `Heading with threat ID ${visible(explicit.id)} is ${where}, so it is not read as a threat`,
      'Make it a `###` heading directly under `## Threats`, or remove the `{#…}` ID.');
  });
}

/** A line that would be a threat heading if it were Markdown. */
const HIDDEN_THREAT = /^[ \t]*(?:#{1,6}[ \t].*)?\{#([A-Za-z][A-Za-z0-9]*-\d+)\}[ \t]*$/m;

/**
 * A threat heading inside raw HTML or an indented code block is text to
 * the site: readers see it (or, in a comment, do not) but it is no threat.
 */
export function checkHiddenThreats(tree: Root, ctx: Context): void {
  visitParents(tree, (node) => {
    if (node.type !== 'html' && !(node.type === 'code' && !node.lang && !/^\s*(```|~~~)/.test(sourceOf(node, ctx)))) return;
    const match = HIDDEN_THREAT.exec(node.value);
    if (!match) return;
    const where = node.type === 'code' ? 'an indented code block' : node.value.startsWith('<!--') ? 'an HTML comment' : 'a raw HTML block';
    report(ctx, node, 'misplaced-threat', `Threat ID ${visible(match[1]!)} is inside ${where}, so it is not read as a threat`,
      node.type === 'code'
        ? 'Remove the indentation: four leading spaces make a code block. To show an example, use a fenced code block with a language.'
        : 'Move the threat out of the HTML (leave a blank line after an HTML block), or delete it.');
  });
}

function sourceOf(node: Nodes, ctx: Context): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : ctx.text.slice(start, end);
}

/** Same-page anchors are checked here; links to other pages go to the cross-file rule. */
export function checkAnchors(links: LocalLink[], model: ThreatModel, ctx: Context): LocalLink[] {
  const anchors = new Set(model.anchors);
  const rest: LocalLink[] = [];
  for (const link of links) {
    if (link.target.kind !== 'anchor') {
      rest.push(link);
      continue;
    }
    if (!anchors.has(link.target.anchor)) {
      report(ctx, link, 'broken-anchor', `Anchor "#${visible(link.target.anchor)}" does not exist on this page`, anchorHint(link.target.anchor, model));
    }
  }
  return rest;
}
