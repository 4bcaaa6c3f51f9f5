/**
 * Headings as Docusaurus reads them: the explicit `{#id}` syntax through
 * Docusaurus's own `parseMarkdownHeadingId`, and every other heading's
 * anchor through its own slugger, in the order its `headings` plugin visits
 * them. So the anchors the check validates are the ones the page will have.
 */
import type {Heading, Nodes, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {visit} from 'unist-util-visit';
import {createSlugger, parseMarkdownHeadingId} from '@docusaurus/utils';
import type {DataFlows} from '../types';

/** The id of the "At a glance" heading that the page generator adds first. */
export const SUMMARY_ANCHOR = 'at-a-glance';

/** Any threat-shaped ID, configured prefix or not. */
export const ID_LIKE = /^[A-Za-z][A-Za-z0-9]*-?\d+$/;

/** The heading's text as Docusaurus's `headings` plugin computes it. */
export function headingText(heading: Heading): string {
  const textNodes = heading.children.filter((child) => child.type !== 'html');
  return toString(textNodes.length > 0 ? textNodes : heading);
}

/** The explicit `{#id}` of a heading, read by Docusaurus's own parser. */
export function explicitId(heading: Heading): {id: string; text: string} | undefined {
  const parsed = parseMarkdownHeadingId(headingText(heading));
  return parsed.id === undefined ? undefined : {id: parsed.id, text: parsed.text};
}

/**
 * Every anchor the page will have: the summary heading's (on threat-model
 * pages), then each heading's explicit id or slug, deduplicated as
 * Docusaurus does.
 */
export function pageAnchors(tree: Root, {summary = true}: {summary?: boolean} = {}): string[] {
  const slugger = createSlugger();
  const anchors = summary ? [slugger.slug(SUMMARY_ANCHOR, {maintainCase: true})] : [];
  visit(tree, 'heading', (heading: Heading) => {
    const explicit = explicitId(heading);
    anchors.push(explicit ? explicit.id : slugger.slug(headingText(heading), {maintainCase: false}));
  });
  return anchors;
}

/**
 * The anchors the page's data-flow tables give: one per zone, element and
 * flow row (`#SRV-F1`), so links to them are checked like heading links.
 */
export function dataFlowAnchors(dataFlows: DataFlows | undefined): string[] {
  if (!dataFlows) return [];
  return [...dataFlows.zones, ...dataFlows.elements, ...dataFlows.flows].map((row) => row.id);
}

export function isHeading(node: Nodes): node is Heading {
  return node.type === 'heading';
}
