/**
 * A threat's field list: `- Name: value`, one per line. `Mitigations` may
 * instead hold a nested list, one item per mitigation:
 *
 *     - Mitigations:
 *       - Keep Node.js on a patched release.
 *       - Reject ambiguous requests at the proxy.
 */
import type {Heading, List, ListItem, Paragraph, PhrasingContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {diagnostic, didYouMean, nearest, propose, type Point} from '../diagnostics';
import {flowId, flowIdKind, ID_PATTERN, suggestFlowId, suggestId, threatId} from '../ids';
import {RESPONSIBILITIES, SEVERITIES, STRIDE, THREAT_FIELDS, type Responsibility, type Severity, type Stride, type ThreatFieldKey} from '../schema';
import type {Inline, Reference} from '../types';
import {at, report, type Context} from './context';
import {visible} from '../visible';
import {toInline} from './inline';
import {classifyUrl} from './links';
import {itemParagraph} from './lists';

const CVE = /^CVE-\d{4}-\d{4,}$/;
const CWE = /^CWE-(\d+)$/;

/** Links for reference IDs: the CVE record and the CWE definition. */
export function cveUrl(id: string): string {
  return `https://www.cve.org/CVERecord?id=${id}`;
}
export function cweUrl(id: string): string {
  return `https://cwe.mitre.org/data/definitions/${id.slice(4)}.html`;
}

export interface Fields {
  stride?: Stride[];
  severity?: Severity;
  responsibility?: Responsibility;
  /** One entry per mitigation. */
  mitigations?: Inline[][];
  features?: string[];
  related?: string[];
  relatedAt?: Record<string, Point>;
  flows?: string[];
  flowsAt?: Record<string, Point>;
  references?: Reference[];
}

const FIELD_NAMES = Object.values(THREAT_FIELDS).map((f) => f.name);
const FIELD_KEYS = Object.keys(THREAT_FIELDS) as ThreatFieldKey[];

export function readFields(list: List | undefined, heading: Heading, id: string, ctx: Context): Fields {
  const fields: Fields = {};
  const seen = new Set<ThreatFieldKey>();
  // Fields a misspelt name was taken for: reported once, as the misspelling.
  const proposed = new Set<ThreatFieldKey>();
  for (const entry of list?.children ?? []) {
    const {item, nested} = mitigationList(entry);
    const paragraph = itemParagraph(item, `the fields of ${id}`, ctx);
    if (!paragraph) continue;
    const split = splitField(paragraph);
    if (!split) {
      report(ctx, paragraph, 'unknown-field', `List item under ${id} is not a \`Field: value\` pair`,
        `Write fields as \`- Name: value\`; fields are ${FIELD_NAMES.join(', ')}. Put prose after the list.`);
      continue;
    }
    const key = FIELD_KEYS.find((k) => THREAT_FIELDS[k].name.toLowerCase() === split.name.toLowerCase());
    if (!key) {
      const guess = propose(split.name, FIELD_NAMES);
      const guessed = FIELD_KEYS.find((k) => THREAT_FIELDS[k].name === guess);
      if (guessed) proposed.add(guessed);
      report(ctx, paragraph, 'unknown-field', `Unknown field "${visible(split.name)}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        guess ? `Rename it to "${guess}".` : `Fields are ${FIELD_NAMES.join(', ')}.`, {expected: guess ? [guess] : [...FIELD_NAMES], actual: split.name});
      continue;
    }
    if (seen.has(key)) {
      const name = THREAT_FIELDS[key].name;
      report(ctx, paragraph, 'duplicate-field', `Field "${name}" appears twice in ${id}`,
        key === 'severity' || key === 'responsibility' ? `Keep one "${name}" line: a threat has one ${name}.`
        : key === 'mitigations' ? 'Merge them into one `- Mitigations:` line with one nested item per mitigation.'
        : 'Merge the values into one line, separated by commas.');
      continue;
    }
    seen.add(key);
    if (reportLostInline(split.value, THREAT_FIELDS[key].name, id, ctx)) continue;
    if (nested) {
      readMitigationList(nested, split, fields, id, ctx);
      continue;
    }
    readField(key, split, fields, id, ctx);
  }
  for (const key of FIELD_KEYS) {
    const field = THREAT_FIELDS[key];
    if (field.required && !seen.has(key) && !proposed.has(key)) {
      const rule = key === 'references' ? 'missing-reference' : 'missing-field';
      const hint = key === 'references'
        ? `Add \`- References: ...\` with at least one source: a CVE ID, a CWE ID or a link to the runtime's docs or advisory.`
        : `Add \`- ${field.name}: ...\` to the list under the heading.`;
      report(ctx, heading, rule, key === 'references' ? `Threat ${id} has no reference` : `Threat ${id} has no "${field.name}" field`, hint);
    }
  }
  return fields;
}

const MITIGATIONS = new RegExp(`^\\s*${THREAT_FIELDS.mitigations.name}\\s*:`, 'i');

/**
 * The `Mitigations` item split into its first paragraph and the nested list
 * after it, when it has exactly that shape. Any other item goes to
 * `itemParagraph` whole, which reports what it would drop.
 */
function mitigationList(item: ListItem): {item: ListItem; nested?: List} {
  const [first, second, ...rest] = item.children;
  if (first?.type !== 'paragraph' || second?.type !== 'list' || rest.length > 0) return {item};
  const lead = first.children[0];
  if (lead?.type !== 'text' || !MITIGATIONS.test(lead.value)) return {item};
  return {item: {...item, children: [first]}, nested: second};
}

/** `- Mitigations:` followed by one nested item per mitigation. */
function readMitigationList(list: List, split: SplitField, fields: Fields, id: string, ctx: Context): void {
  if (split.value.map((n) => toString(n)).join('').trim() !== '') {
    ctx.diagnostics.push(diagnostic(ctx.file, split.point, 'duplicate-field', `Field "Mitigations" of ${id} has a value on its line and a list below it`,
      'Move the value into the list as its first item: each mitigation is one item.'));
    return;
  }
  const where = `the mitigations of ${id}`;
  const items: Inline[][] = [];
  for (const item of list.children) {
    const paragraph = itemParagraph(item, where, ctx);
    if (!paragraph || reportLostInline(paragraph.children, 'Mitigations', id, ctx)) continue;
    items.push(toInline(paragraph.children));
  }
  fields.mitigations = items;
}

/** Inline content a field's value cannot carry to the page, the reference or the export. */
export function reportLostInline(nodes: PhrasingContent[], name: string, id: string, ctx: Context,
  hint = 'Field values are text, `code` and links; move it into the threat\'s description.'): boolean {
  let lost = false;
  const walk = (list: PhrasingContent[]) => {
    for (const node of list) {
      if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference' || node.type === 'footnoteReference') {
        const what = node.type === 'html' ? 'Raw HTML' : node.type === 'footnoteReference' ? 'A footnote' : 'An image';
        report(ctx, node, 'lost-content', `${what} in the ${name} field of ${id}`, hint);
        lost = true;
      } else if ('children' in node) {
        walk(node.children as PhrasingContent[]);
      }
    }
  };
  walk(nodes);
  return lost;
}

interface SplitField {
  name: string;
  /** Inline content after `Name:`. */
  value: PhrasingContent[];
  /** Where the value starts, for precise diagnostics. */
  point: Point;
  /** Last line of the field's paragraph. */
  endLine: number;
}

function splitField(paragraph: Paragraph): SplitField | undefined {
  const first = paragraph.children[0];
  if (first?.type !== 'text') return undefined;
  const colon = first.value.indexOf(':');
  if (colon <= 0 || first.value.slice(0, colon).includes('\n')) return undefined;
  const name = first.value.slice(0, colon).trim();
  if (!/^[A-Za-z][A-Za-z ]*$/.test(name)) return undefined;
  const rest = first.value.slice(colon + 1);
  const lead = rest.length - rest.trimStart().length;
  const start = first.position?.start ?? {line: 1, column: 1};
  const value: PhrasingContent[] = [];
  if (rest.trim() !== '') value.push({type: 'text', value: rest.trimStart(), position: first.position});
  value.push(...paragraph.children.slice(1));
  return {name, value, point: {line: start.line, column: start.column + colon + 1 + lead}, endLine: paragraph.position?.end.line ?? start.line};
}

/** Where `token` is written in a field's value; the value's start if it is not there verbatim. */
function tokenPoint(split: SplitField, token: string, ctx: Context): Point {
  const boundary = /[\s,`*_]/;
  const lines = (ctx.lines ??= ctx.text.split('\n'));
  for (let line = split.point.line; line <= split.endLine; line++) {
    const source = lines[line - 1] ?? '';
    const from = line === split.point.line ? split.point.column - 1 : 0;
    for (let index = source.indexOf(token, from); index !== -1; index = source.indexOf(token, index + 1)) {
      const before = index === from ? ' ' : (source[index - 1] ?? ' ');
      const after = source[index + token.length] ?? ' ';
      if (boundary.test(before) && (boundary.test(after) || after === '\r')) return {line, column: index + 1};
    }
  }
  return split.point;
}

function readField(key: ThreatFieldKey, split: SplitField, fields: Fields, id: string, ctx: Context): void {
  const point = split.point;
  const locate = (token: string) => tokenPoint(split, token, ctx);
  const raw = split.value.map((n) => toString(n)).join('').trim();
  const name = THREAT_FIELDS[key].name;
  if (raw === '') {
    ctx.diagnostics.push(diagnostic(ctx.file, point, 'missing-field', `Field "${name}" of ${id} is empty`,
      `Give "${name}" a value, or remove the line if the field is optional.`));
    return;
  }
  switch (key) {
    case 'stride':
      fields.stride = enumList(raw, STRIDE, name, id, locate, ctx);
      break;
    case 'severity':
      fields.severity = enumValue(raw, SEVERITIES, name, id, point, ctx);
      break;
    case 'responsibility':
      fields.responsibility = enumValue(raw, RESPONSIBILITIES, name, id, point, ctx);
      break;
    case 'mitigations':
      // Written on one line, the value is one mitigation.
      fields.mitigations = [toInline(split.value)];
      break;
    case 'features':
      fields.features = readFeatures(raw, id, locate, ctx);
      break;
    case 'related':
      fields.related = readRelated(raw, id, locate, ctx);
      fields.relatedAt = Object.fromEntries(fields.related.map((r) => [r, locate(r)]));
      break;
    case 'flows':
      fields.flows = readFlows(raw, id, locate, ctx);
      fields.flowsAt = Object.fromEntries(fields.flows.map((f) => [f, locate(f)]));
      break;
    case 'references':
      fields.references = readReferences(split.value, id, point, locate, ctx);
      break;
  }
}

function commaList(raw: string): string[] {
  return raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function enumList<T extends string>(raw: string, allowed: readonly T[], name: string, id: string, locate: (token: string) => Point, ctx: Context): T[] {
  const values: T[] = [];
  for (const entry of commaList(raw)) {
    const value = allowed.find((a) => a.toLowerCase() === entry.toLowerCase());
    if (value) {
      if (!values.includes(value)) values.push(value);
    } else {
      invalidValue(entry, allowed, name, id, locate(entry), ctx);
    }
  }
  return values;
}

function enumValue<T extends string>(raw: string, allowed: readonly T[], name: string, id: string, point: Point, ctx: Context): T | undefined {
  const value = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!value) invalidValue(raw, allowed, name, id, point, ctx);
  return value;
}

export function invalidValue(value: string, allowed: readonly string[], name: string, id: string, point: Point, ctx: Context): void {
  const guess = didYouMean(value, allowed);
  ctx.diagnostics.push(
    diagnostic(ctx.file, point, 'invalid-value', `Invalid ${name} "${visible(value)}" in ${id}${guess ? ` (${guess})` : ''}`,
      `Allowed values: ${allowed.join(', ')}.`, {expected: nearest(value, allowed), actual: value}),
  );
}

function readFeatures(raw: string, id: string, locate: (token: string) => Point, ctx: Context): string[] {
  const ids = ctx.config.features.map((f) => f.id);
  const features: string[] = [];
  for (const entry of commaList(raw)) {
    const feature = ids.find((f) => f.toLowerCase() === entry.toLowerCase());
    if (feature) {
      features.push(feature);
    } else {
      const guess = propose(entry, ids);
      ctx.diagnostics.push(
        diagnostic(ctx.file, locate(entry), 'unknown-feature', `Unknown feature "${visible(entry)}" in ${id}${guess ? ` (did you mean "${guess}"?)` : ''}`,
          guess ? `Write "${guess}", or add the feature to features in threat-model.config.ts.` : 'Add the feature to features in threat-model.config.ts, or remove it.',
          {expected: guess ? [guess] : ids, actual: entry}),
      );
    }
  }
  return features;
}

function readRelated(raw: string, id: string, locate: (token: string) => Point, ctx: Context): string[] {
  const related: string[] = [];
  const example = ctx.config.useCases.slice(0, 2).map((u) => threatId(u.prefix, 1)).join(', ');
  for (const entry of commaList(raw)) {
    if (ID_PATTERN.test(entry)) {
      related.push(entry);
    } else {
      const guess = suggestId(entry);
      ctx.diagnostics.push(
        diagnostic(ctx.file, locate(entry), 'malformed-id', `Related entry "${visible(entry)}" in ${id} is not a threat ID${guess ? ` (did you mean "${guess}"?)` : ''}`,
          guess ? `Write "${guess}".` : `List threat IDs separated by commas, e.g. \`Related: ${example}\`.`),
      );
    }
  }
  return related;
}

/**
 * `Flows`: IDs of the model's flows and elements, as written. Whether each
 * is declared is checked against the model's `## Data flows` once the
 * whole file is read (`data-flow-checks.ts`).
 */
function readFlows(raw: string, id: string, locate: (token: string) => Point, ctx: Context): string[] {
  const flows: string[] = [];
  const prefix = ctx.config.useCases.find((u) => id.startsWith(`${u.prefix}-`))?.prefix ?? ctx.config.useCases[0]?.prefix ?? 'PREFIX';
  const example = `\`Flows: ${flowId(prefix, 'flow', 1)}, ${flowId(prefix, 'element', 2)}\``;
  for (const entry of commaList(raw)) {
    const kind = flowIdKind(entry);
    if (kind === 'flow' || kind === 'element') {
      if (!flows.includes(entry)) flows.push(entry);
      continue;
    }
    if (ID_PATTERN.test(entry)) {
      ctx.diagnostics.push(
        diagnostic(ctx.file, locate(entry), 'malformed-id', `Flows entry "${entry}" in ${id} is a threat ID; Flows names flows and elements`,
          `Name the threat in Related instead, and list flows and elements in Flows, e.g. ${example}.`),
      );
      continue;
    }
    if (kind === 'zone') {
      ctx.diagnostics.push(
        diagnostic(ctx.file, locate(entry), 'malformed-id', `Flows entry "${entry}" in ${id} is a zone; Flows names flows and elements`,
          `Name the flows or the elements of that zone instead, e.g. ${example}.`),
      );
      continue;
    }
    const guess = suggestFlowId(entry, 'flow', prefix) ?? suggestFlowId(entry, 'element', prefix);
    ctx.diagnostics.push(
      diagnostic(ctx.file, locate(entry), 'malformed-id', `Flows entry "${visible(entry)}" in ${id} is not a flow or element ID${guess ? ` (did you mean "${guess}"?)` : ''}`,
        guess ? `Write "${guess}".` : `List the IDs of flows and elements of the Data flows section, separated by commas, e.g. ${example}.`),
    );
  }
  return flows;
}

function readReferences(value: PhrasingContent[], id: string, point: Point, locate: (token: string) => Point, ctx: Context): Reference[] {
  const references: Reference[] = [];
  const invalid = (token: string, where: Point) =>
    ctx.diagnostics.push(
      diagnostic(ctx.file, where, 'invalid-reference', `Reference "${visible(token)}" in ${id} is not a CVE ID, a CWE ID or an http(s) URL`,
        'Write CVE-YYYY-NNNN, CWE-NNN, https://… or [text](https://…), separated by commas.'),
    );
  for (const node of value) {
    if (node.type === 'link') {
      if (/^https?:\/\//i.test(node.url)) {
        references.push({kind: 'url', text: toString(node) || node.url, url: node.url});
      } else {
        const classified = classifyUrl(node.url, ctx.file, ctx.config, false);
        // A script URL is reported as such by the link check; any other is not a source.
        if (!('rule' in classified && classified.rule === 'unsafe-html')) {
          node.data = {...node.data, threatModel: {reference: true}};
          invalid(node.url, at(node));
        }
      }
      continue;
    }
    for (const token of toString(node).split(/[\s,]+/).filter((t) => t !== '')) {
      if (CVE.test(token)) references.push({kind: 'cve', text: token, url: cveUrl(token)});
      else if (CWE.test(token)) references.push({kind: 'cwe', text: token, url: cweUrl(token)});
      else if (/^https?:\/\/\S+$/i.test(token)) references.push({kind: 'url', text: token, url: token});
      else invalid(token, locate(token));
    }
  }
  if (references.length === 0) {
    ctx.diagnostics.push(
      diagnostic(ctx.file, point, 'missing-reference', `Threat ${id} has no valid reference`,
        'Cite at least one source: a CVE ID, a CWE ID or a link to the docs or advisory.'),
    );
  }
  return references;
}
