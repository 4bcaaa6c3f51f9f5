/**
 * `## Threats`: one `### Title {#PREFIX-NN}` per threat, its field list
 * right under the heading, then free prose. The reader marks the nodes it
 * read (`data.threatModel`), and the page generator decorates exactly
 * those: it never looks for threats a second time.
 */
import type {Heading, List, Paragraph, PhrasingContent, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {ID_PATTERN, suggestId} from '../ids';
import {THREAT_FIELDS} from '../schema';
import type {Threat} from '../types';
import {at, report, type Context} from './context';
import {readFields} from './fields';
import {explicitId} from './headings';
import {visible} from '../visible';
import {blockName} from './lists';
import type {Section} from './sections';

/** What the reader marks on the nodes it read, for the page generator. */
export interface ThreatMark {
  /** On a threat's heading. */
  threat?: string;
  /** On a threat's field list, which the generator replaces by its field table. */
  fields?: string;
  /** On a link of a References field: checked as a source, not as a link. */
  reference?: true;
  /** On a table of `## Data flows`: which one, for the generator to replace by its own. */
  dataFlowTable?: 'zone' | 'element' | 'flow';
}

declare module 'mdast' {
  interface Data {
    threatModel?: ThreatMark;
  }
}

const PROSE = new Set(['paragraph', 'list', 'code', 'blockquote', 'table', 'html', 'thematicBreak', 'heading', 'definition']);

/** Blocks another rule already reported (directives, footnotes). */
export const REPORTED_ELSEWHERE = new Set(['containerDirective', 'leafDirective', 'footnoteDefinition']);

export interface ReadThreats {
  threats: Threat[];
  /** Threat headings that could not be read; coverage cannot be judged then. */
  refused: number;
}

export function readThreats(section: Section, useCase: string, ctx: Context): ReadThreats {
  const threats: Threat[] = [];
  let refused = 0;
  let heading: Heading | undefined;
  let body: RootContent[] = [];
  const flush = () => {
    if (heading) {
      const threat = readThreat(heading, body, useCase, ctx);
      if (threat) threats.push(threat);
      else refused++;
    } else {
      for (const node of body) {
        if (node.type === 'html' && node.value.startsWith('<!--')) continue;
        report(ctx, node, 'lost-content', `${blockName(node)} before the first threat`,
          'Move it into a threat\'s description, or into `## Scope`: the Threats section holds only threats.');
      }
    }
    body = [];
  };
  for (const node of section.nodes) {
    if (node.type === 'heading' && node.depth === 3) {
      flush();
      heading = node;
    } else {
      body.push(node);
    }
  }
  flush();
  if (threats.length === 0 && !section.nodes.some((n) => n.type === 'heading' && n.depth === 3)) {
    report(ctx, section.heading, 'no-threats', 'The Threats section has no threat',
      'Add one `### Title {#PREFIX-01}` heading per threat, each followed by its field list.');
  }
  return {threats, refused};
}

function readThreat(heading: Heading, body: RootContent[], useCase: string, ctx: Context): Threat | undefined {
  const prefix = ctx.config.useCases.find((u) => u.id === useCase)?.prefix;
  const explicit = explicitId(heading);
  const text = toString(heading).trim();
  if (!explicit) {
    report(ctx, heading, 'missing-id', `Threat "${visible(text)}" has no ID`,
      `End the heading with a stable ID, e.g. \`### ${visible(text)} {#${prefix ?? 'PREFIX'}-01}\`.`);
    return undefined;
  }
  const {id} = explicit;
  const last = heading.children[heading.children.length - 1];
  if (last?.type !== 'text' || !/\{#[^}]*\}\s*$/.test(last.value)) {
    report(ctx, heading, 'heading-id', `The ID {#${visible(id)}} is inside formatting or a link`,
      `Write \`{#${visible(id)}}\` as plain text at the very end of the heading, outside any emphasis, code or link.`);
    return undefined;
  }
  if (!ID_PATTERN.test(id)) {
    const guess = suggestId(id, prefix);
    report(ctx, heading, 'malformed-id', `Malformed threat ID "${visible(id)}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
      `Use <PREFIX>-<NN>: two digits from 01 to 99, then 100 and up without leading zeros, e.g. ${prefix ?? 'PREFIX'}-01.`);
    return undefined;
  }
  if (prefix && !id.startsWith(`${prefix}-`)) {
    report(ctx, heading, 'id-prefix', `Threat ID "${id}" does not use this use case's prefix "${prefix}"`,
      `Rename it to ${prefix}-${id.split('-').pop()} (IDs of use case "${useCase}" start with ${prefix}-).`);
  }
  const title = explicit.text.trim();
  if (title === '') {
    report(ctx, heading, 'empty-title', `Threat ${id} has no title`,
      `Write what can go wrong before the ID: \`### Title of the threat {#${id}}\`.`);
    return undefined;
  }
  heading.data = {...heading.data, threatModel: {threat: id}};

  const first = body.find((n) => !(n.type === 'html' && n.value.startsWith('<!--')));
  const fieldList = first?.type === 'list' ? (first as List) : undefined;
  if (!fieldList && first) {
    report(ctx, first, 'lost-content', `${blockName(first)} between the heading of ${id} and its field list`,
      'Put the field list (`- STRIDE: …`) right under the heading, and the prose after it.');
  }
  if (fieldList) fieldList.data = {...fieldList.data, threatModel: {fields: id}};
  const fields = readFields(fieldList, heading, id, ctx);

  const kept: RootContent[] = [];
  for (const node of body) {
    if (node === fieldList || (node.type === 'html' && node.value.startsWith('<!--'))) continue;
    if ((!fieldList && node === first) || REPORTED_ELSEWHERE.has(node.type)) continue;
    if (node.type === 'list' && looksLikeFields(node as List)) {
      report(ctx, node, 'lost-content', `A second field list in ${id}, after its description`,
        `Move these fields into the list right under the heading of ${id}: here they would be read as prose.`);
      continue;
    }
    if (!PROSE.has(node.type)) {
      report(ctx, node, 'lost-content', `${blockName(node)} in the description of ${id}`,
        'Use paragraphs, lists, code blocks, quotes and tables in a threat\'s description.');
      continue;
    }
    kept.push(node);
  }
  const summary = kept.find((n): n is Paragraph => n.type === 'paragraph');

  return {
    id,
    title,
    useCase,
    file: ctx.file,
    position: at(heading),
    stride: fields.stride ?? [],
    severity: fields.severity ?? 'medium',
    responsibility: fields.responsibility ?? 'application',
    mitigations: fields.mitigations ?? [],
    features: fields.features ?? [],
    related: fields.related ?? [],
    relatedAt: fields.relatedAt ?? {},
    flows: fields.flows ?? [],
    ...(fields.flowsAt ? {flowsAt: fields.flowsAt} : {}),
    references: fields.references ?? [],
    summary: summary ? plain(summary.children) : '',
    details: kept.map((n) => toString(n)).join('\n\n'),
  };
}

function plain(nodes: PhrasingContent[]): string {
  return nodes.map((n) => toString(n)).join('');
}

/** A list whose first item reads `Field: value` with a known field name. */
function looksLikeFields(list: List): boolean {
  const paragraph = list.children[0]?.children[0];
  if (paragraph?.type !== 'paragraph' || paragraph.children[0]?.type !== 'text') return false;
  const name = /^([A-Za-z][A-Za-z ]*):/.exec(paragraph.children[0].value)?.[1]?.trim().toLowerCase();
  return name !== undefined && Object.values(THREAT_FIELDS).some((f) => f.name.toLowerCase() === name);
}
