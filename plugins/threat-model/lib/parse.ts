/**
 * One threat-model file → a typed `ThreatModel` plus diagnostics.
 *
 * This is the only code that reads the format. `check`, the index, the remark
 * plugin and the reference page all go through `parseThreatModel`.
 */
import matter from 'gray-matter';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {toString} from 'mdast-util-to-string';
import type {Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent} from 'mdast';
import type {Config} from './config';
import {diagnostic, didYouMean, propose, type Diagnostic, type Point} from './diagnostics';
import {
  DOCUSAURUS_KEYS,
  FRONT_MATTER_KEYS,
  FrontMatterSchema,
  OPTIONAL_SECTIONS,
  RESPONSIBILITIES,
  SECTIONS,
  SEVERITIES,
  STRIDE,
  THREAT_FIELDS,
  type FrontMatter,
  type Responsibility,
  type SectionName,
  type Severity,
  type Stride,
  type ThreatFieldKey,
} from './schema';
import {findUnsafeHtml} from './unsafe-html';
import type {Inline, NotApplicable, Reference, Threat, ThreatModel} from './types';

export interface ParseResult {
  /** Present when the file could be read far enough to be modelled. */
  model?: ThreatModel;
  diagnostics: Diagnostic[];
}

export const ID_PATTERN = /^[A-Z][A-Z0-9]*-\d{2,}$/;
const HEADING_ID = /\s*\{#([^}]*)\}\s*$/;
const CVE = /^CVE-\d{4}-\d{4,}$/;
const CWE = /^CWE-(\d+)$/;

/** Links for reference IDs: the CVE record and the CWE definition. */
export function cveUrl(id: string): string {
  return `https://www.cve.org/CVERecord?id=${id}`;
}
export function cweUrl(id: string): string {
  return `https://cwe.mitre.org/data/definitions/${id.slice(4)}.html`;
}

/** Per-file state shared by the small readers below. */
interface Context {
  file: string;
  config: Config;
  /** Lines before the Markdown body (the front matter block). */
  lineOffset: number;
  /** Lines of the Markdown body (none when the file ends at the closing `---`). */
  lines: string[];
  diagnostics: Diagnostic[];
}

/**
 * Parse one threat-model file.
 *
 * @param source File contents.
 * @param file Path relative to the site root, used in diagnostics.
 * @param config Validated configuration (use cases, features).
 */
export function parseThreatModel(source: string, file: string, config: Config): ParseResult {
  const ctx: Context = {file, config, lineOffset: 0, lines: [], diagnostics: []};
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;

  const front = readFrontMatter(text, ctx);
  if (!front) return {diagnostics: ctx.diagnostics};

  const tree = fromMarkdown(front.body);
  for (const finding of findUnsafeHtml(tree)) {
    report(ctx, finding.node, 'unsafe-html', finding.message, finding.hint);
  }

  const sections = splitSections(tree, ctx);
  const model: ThreatModel = {
    file,
    useCase: front.data.use_case ?? '',
    frontMatter: front.data as FrontMatter,
    scope: sections.get('Scope')?.nodes.map((n) => toString(n)).join('\n\n') ?? '',
    trusted: [],
    untrusted: [],
    assets: listItems(sections.get('Assets')?.nodes),
    threats: [],
    notApplicable: [],
    outOfScope: listItems(sections.get('Out of scope')?.nodes),
  };
  const trust = sections.get('Trust');
  if (trust) readTrust(trust, model, ctx);
  const threats = sections.get('Threats');
  if (threats) model.threats = readThreats(threats, model.useCase, ctx);
  const notApplicable = sections.get('Not applicable');
  if (notApplicable) model.notApplicable = readNotApplicable(notApplicable.nodes, ctx);
  checkCoverage(model, sections, ctx);

  return {model, diagnostics: ctx.diagnostics};
}

/* ------------------------------------------------------------------ */
/* Front matter                                                        */
/* ------------------------------------------------------------------ */

interface FrontMatterResult {
  data: Partial<FrontMatter>;
  body: string;
}

function readFrontMatter(text: string, ctx: Context): FrontMatterResult | undefined {
  // Line endings as micromark and editors count them: CRLF, LF or a lone CR.
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[0]?.trimEnd() !== '---') {
    ctx.diagnostics.push(
      diagnostic(ctx.file, {line: 1, column: 1}, 'no-front-matter', 'Missing front matter',
        'Start the file with a `---` block that sets use_case, title, description, status, last_reviewed and owners (see `npm run new`).'),
    );
    return undefined;
  }
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1) {
    ctx.diagnostics.push(
      diagnostic(ctx.file, {line: 1, column: 1}, 'no-front-matter', 'Front matter is not closed',
        'Add a line `---` after the last front-matter field.'),
    );
    return undefined;
  }

  let data: unknown;
  try {
    // An options object bypasses gray-matter's cache, which would hand back
    // a shared (and possibly mutated) object for identical input.
    data = matter(text, {}).data;
  } catch (error) {
    const mark = (error as {mark?: {line?: number; column?: number}}).mark;
    const reason = (error as {reason?: string}).reason ?? String((error as Error).message ?? error);
    ctx.diagnostics.push(
      diagnostic(ctx.file, {line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1}, 'yaml-syntax',
        `Front matter is not valid YAML: ${reason}`,
        'Check the indentation and quoting on this line; quote values that contain `:` or start with `@`, `[` or `{`.'),
    );
    return undefined;
  }

  ctx.lineOffset = close + 1;
  ctx.lines = lines.slice(close + 1);
  const body = ctx.lines.join('\n');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    ctx.diagnostics.push(
      diagnostic(ctx.file, {line: 2, column: 1}, 'invalid-front-matter', 'Front matter is not a set of `key: value` fields',
        'Write one `key: value` per line, e.g. `use_case: server`.'),
    );
    return {data: {}, body};
  }

  const record = data as Record<string, unknown>;
  const keyLine = (key: string): Point => {
    const index = lines.findIndex((line, i) => i > 0 && i < close && line.startsWith(`${key}:`));
    return {line: index === -1 ? 1 : index + 1, column: 1};
  };
  validateFrontMatter(record, keyLine, ctx);
  return {data: record as Partial<FrontMatter>, body};
}

function validateFrontMatter(record: Record<string, unknown>, keyLine: (key: string) => Point, ctx: Context): void {
  const known = [...FRONT_MATTER_KEYS, ...DOCUSAURUS_KEYS];
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) {
      const guess = propose(key, known);
      ctx.diagnostics.push(
        diagnostic(ctx.file, keyLine(key), 'unknown-field', `Unknown front-matter field "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
          guess ? `Rename it to "${guess}", or remove it.` : `Allowed fields: ${FRONT_MATTER_KEYS.join(', ')} (and Docusaurus docs fields).`),
      );
    }
  }

  const result = FrontMatterSchema.safeParse(record);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const value = record[key];
      ctx.diagnostics.push(frontMatterIssue(key, value, issue.code, issue.message, keyLine(key), ctx));
    }
  }

  const useCase = record.use_case;
  if (typeof useCase === 'string' && useCase !== '') {
    const ids = ctx.config.useCases.map((u) => u.id);
    if (!ids.includes(useCase)) {
      const guess = didYouMean(useCase, ids);
      ctx.diagnostics.push(
        diagnostic(ctx.file, keyLine('use_case'), 'unknown-use-case',
          `Unknown use case "${useCase}"${guess ? ` (${guess})` : ''}`,
          `Use one of: ${ids.join(', ')}; or add it to useCases in threat-model.config.ts.`),
      );
    } else {
      const expected = `${useCase}.md`;
      const actual = ctx.file.split('/').pop();
      if (actual !== expected) {
        ctx.diagnostics.push(
          diagnostic(ctx.file, keyLine('use_case'), 'file-name',
            `File "${actual}" models use case "${useCase}" but is not named "${expected}"`,
            `Rename the file to ${expected}: the site and CI find each use case by its file name.`),
        );
      }
    }
  }
}

function frontMatterIssue(key: string, value: unknown, code: string, message: string, point: Point, ctx: Context): Diagnostic {
  if (value === undefined) {
    return diagnostic(ctx.file, point, 'missing-field', `Missing front-matter field "${key}"`,
      `Add \`${key}: ...\` to the front matter (${FrontMatterSchema.shape[key as keyof FrontMatter]?.description ?? ''}).`);
  }
  if (value instanceof Date) {
    const iso = Number.isNaN(value.getTime()) ? '2026-01-01' : value.toISOString().slice(0, 10);
    return diagnostic(ctx.file, point, 'invalid-front-matter', `"${key}" is a YAML date, not a string`,
      `Quote it: \`${key}: "${iso}"\`, so it stays text.`);
  }
  if (key === 'status') {
    const guess = didYouMean(String(value), ['draft', 'review', 'published']);
    return diagnostic(ctx.file, point, 'invalid-value', `Invalid status "${String(value)}"${guess ? ` (${guess})` : ''}`,
      'Use one of: draft, review, published.');
  }
  return diagnostic(ctx.file, point, 'invalid-front-matter', `Invalid front-matter field "${key}": ${message} (${code})`,
    `Fix the value of \`${key}\`: ${FrontMatterSchema.shape[key as keyof FrontMatter]?.description ?? 'see the format in docs/contributing.md'}`);
}

/* ------------------------------------------------------------------ */
/* Sections                                                            */
/* ------------------------------------------------------------------ */

interface Section {
  heading: Heading;
  nodes: RootContent[];
}

function splitSections(tree: Root, ctx: Context): Map<SectionName, Section> {
  const sections = new Map<SectionName, Section>();
  const order: SectionName[] = [];
  let current: Section | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      current = undefined;
      const name = toString(node).trim();
      const section = SECTIONS.find((s) => s.toLowerCase() === name.toLowerCase());
      if (node.depth === 1) {
        report(ctx, node, 'unknown-section', `Level-1 heading "${name}" in a threat model`,
          'Remove it: the page title comes from the `title` front-matter field.');
      } else if (!section) {
        const guess = didYouMean(name, SECTIONS);
        report(ctx, node, 'unknown-section', `Unknown section "## ${name}"${guess ? ` (${guess})` : ''}`,
          `Sections are: ${SECTIONS.map((s) => `## ${s}`).join(', ')}. Use ### for sub-headings.`);
      } else if (sections.has(section)) {
        report(ctx, node, 'unknown-section', `Section "## ${section}" appears twice`, 'Merge the two sections into one.');
      } else {
        current = {heading: node, nodes: []};
        sections.set(section, current);
        order.push(section);
      }
      continue;
    }
    current?.nodes.push(node);
  }

  for (const name of SECTIONS) {
    if (!sections.has(name) && !OPTIONAL_SECTIONS.includes(name)) {
      // Point where it belongs: at the next section present, else the end.
      const next = SECTIONS.slice(SECTIONS.indexOf(name) + 1).map((s) => sections.get(s)).find((s) => s !== undefined);
      const point = next ? at(ctx, next.heading) : {line: ctx.lineOffset + ctx.lines.length, column: 1};
      ctx.diagnostics.push(
        diagnostic(ctx.file, point, 'missing-section', `Missing section "## ${name}"`,
          `Add a \`## ${name}\` section; sections go in this order: ${SECTIONS.join(', ')}.`),
      );
    }
  }
  // Blame the first section that comes after one it should precede.
  const rank = (s: SectionName) => SECTIONS.indexOf(s);
  const misplaced = order.findIndex((s, i) => order.slice(0, i).some((p) => rank(p) > rank(s)));
  if (misplaced !== -1) {
    const name = order[misplaced]!;
    const before = order.find((p) => rank(p) > rank(name))!;
    report(ctx, sections.get(name)!.heading, 'section-order', `Section "## ${name}" is out of order`,
      `Move it before \`## ${before}\`; the order is: ${SECTIONS.join(', ')}.`, 'warning');
  }
  return sections;
}

function readTrust(section: Section, model: ThreatModel, ctx: Context): void {
  const {nodes} = section;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type !== 'paragraph') continue;
    const label = toString(node).trim().toLowerCase();
    const next = nodes[i + 1];
    if (next?.type !== 'list') continue;
    if (label === 'trusted:') model.trusted = listItems([next]);
    if (label === 'untrusted:') model.untrusted = listItems([next]);
  }
  for (const [label, items] of [['Trusted', model.trusted], ['Untrusted', model.untrusted]] as const) {
    if (items.length === 0) {
      report(ctx, section.heading, 'missing-trust-list', `The Trust section has no "${label}:" list`,
        `Add a paragraph \`${label}:\` followed by a bulleted list.`);
    }
  }
}

function readNotApplicable(nodes: RootContent[], ctx: Context): NotApplicable[] {
  const result: NotApplicable[] = [];
  for (const item of nodes.flatMap((n) => (n.type === 'list' ? n.children : []))) {
    const node = item.children[0] ?? item;
    const text = toString(item).trim();
    const colon = text.indexOf(':');
    const name = (colon === -1 ? text : text.slice(0, colon)).trim();
    const reason = colon === -1 ? '' : text.slice(colon + 1).trim();
    const category = STRIDE.find((s) => s.toLowerCase() === name.toLowerCase());
    if (!category) {
      const guess = didYouMean(name, STRIDE);
      report(ctx, node, 'not-applicable-reason', `"${name}" is not a STRIDE category${guess ? ` (${guess})` : ''}`,
        `Write \`- <category>: <reason>\` with one of: ${STRIDE.join(', ')}.`);
      continue;
    }
    if (reason === '') {
      report(ctx, node, 'not-applicable-reason', `"${category}" is declared not applicable without a reason`,
        `Say why no threat of this use case falls in it: \`- ${category}: <reason>\`.`);
      continue;
    }
    result.push({category, reason, position: at(ctx, node)});
  }
  return result;
}

function checkCoverage(model: ThreatModel, sections: Map<SectionName, Section>, ctx: Context): void {
  const anchor = sections.get('Not applicable')?.heading ?? sections.get('Threats')?.heading;
  for (const category of STRIDE) {
    const covered = model.threats.some((t) => t.stride.includes(category));
    const declared = model.notApplicable.find((n) => n.category === category);
    if (!covered && !declared) {
      ctx.diagnostics.push(
        diagnostic(ctx.file, anchor ? at(ctx, anchor) : {line: ctx.lineOffset + Math.min(1, ctx.lines.length), column: 1}, 'stride-coverage',
          `STRIDE category "${category}" is not covered`,
          `Add a threat whose STRIDE field lists ${category}, or add \`- ${category}: <reason>\` under \`## Not applicable\`.`),
      );
    }
    if (covered && declared) {
      ctx.diagnostics.push(
        diagnostic(ctx.file, declared.position, 'not-applicable-covered',
          `"${category}" is declared not applicable, but a threat covers it`,
          `Remove \`${category}\` from \`## Not applicable\`, or correct the threat's STRIDE field.`, 'warning'),
      );
    }
  }
}

/* ------------------------------------------------------------------ */
/* Threats                                                             */
/* ------------------------------------------------------------------ */

function readThreats(section: Section, useCase: string, ctx: Context): Threat[] {
  const threats: Threat[] = [];
  let heading: Heading | undefined;
  let body: RootContent[] = [];
  const flush = () => {
    if (heading) {
      const threat = readThreat(heading, body, useCase, ctx);
      if (threat) threats.push(threat);
    }
    body = [];
  };
  for (const node of section.nodes) {
    if (node.type === 'heading' && node.depth === 3) {
      flush();
      heading = node;
    } else if (heading) {
      body.push(node);
    }
  }
  flush();
  if (threats.length === 0 && !heading) {
    report(ctx, section.heading, 'no-threats', 'The Threats section has no threat',
      'Add one `### Title {#PREFIX-01}` heading per threat, each followed by its field list.');
  }
  return threats;
}

function readThreat(heading: Heading, body: RootContent[], useCase: string, ctx: Context): Threat | undefined {
  const headingText = toString(heading);
  const match = HEADING_ID.exec(headingText);
  const prefix = ctx.config.useCases.find((u) => u.id === useCase)?.prefix;
  if (!match) {
    report(ctx, heading, 'missing-id', `Threat "${headingText.trim()}" has no ID`,
      `End the heading with a stable ID, e.g. \`### ${headingText.trim()} {#${prefix ?? 'PREFIX'}-01}\`.`);
    return undefined;
  }
  const id = match[1]!.trim();
  const title = headingText.slice(0, match.index).trim();
  if (!ID_PATTERN.test(id)) {
    report(ctx, heading, 'malformed-id', `Malformed threat ID "${id}"`,
      `Use <PREFIX>-<NN> with at least two digits, e.g. ${prefix ?? 'PREFIX'}-01.`);
    return undefined;
  }
  if (prefix && !id.startsWith(`${prefix}-`)) {
    report(ctx, heading, 'id-prefix', `Threat ID "${id}" does not use this use case's prefix "${prefix}"`,
      `Rename it to ${prefix}-${id.split('-').pop()} (IDs of use case "${useCase}" start with ${prefix}-).`);
  }

  const fieldList = body.find((n): n is List => n.type === 'list');
  const fields = readFields(fieldList, heading, id, ctx);
  const prose = body.find((n): n is Paragraph => n.type === 'paragraph');

  return {
    id,
    title,
    useCase,
    file: ctx.file,
    position: at(ctx, heading),
    stride: fields.stride ?? [],
    severity: fields.severity ?? 'medium',
    responsibility: fields.responsibility ?? 'application',
    mitigations: fields.mitigations ?? [],
    features: fields.features ?? [],
    related: fields.related ?? [],
    relatedAt: fields.relatedAt ?? {},
    references: fields.references ?? [],
    summary: prose ? toString(prose) : '',
  };
}

interface Fields {
  stride?: Stride[];
  severity?: Severity;
  responsibility?: Responsibility;
  mitigations?: Inline[];
  features?: string[];
  related?: string[];
  relatedAt?: Record<string, Point>;
  references?: Reference[];
}

const FIELD_NAMES = Object.values(THREAT_FIELDS).map((f) => f.name);

function readFields(list: List | undefined, heading: Heading, id: string, ctx: Context): Fields {
  const fields: Fields = {};
  const seen = new Set<ThreatFieldKey>();
  // Fields a misspelt name was taken for: reported once, as the misspelling.
  const proposed = new Set<ThreatFieldKey>();
  for (const item of list?.children ?? []) {
    const paragraph = item.children[0];
    if (paragraph?.type !== 'paragraph') continue;
    const split = splitField(paragraph);
    if (!split) {
      report(ctx, paragraph, 'unknown-field', `List item under ${id} is not a \`Field: value\` pair`,
        `Write fields as \`- Name: value\`; fields are ${FIELD_NAMES.join(', ')}. Put prose after the list.`);
      continue;
    }
    const key = (Object.keys(THREAT_FIELDS) as ThreatFieldKey[]).find(
      (k) => THREAT_FIELDS[k].name.toLowerCase() === split.name.toLowerCase(),
    );
    if (!key) {
      const guess = propose(split.name, FIELD_NAMES);
      const guessed = (Object.keys(THREAT_FIELDS) as ThreatFieldKey[]).find((k) => THREAT_FIELDS[k].name === guess);
      if (guessed) proposed.add(guessed);
      report(ctx, paragraph, 'unknown-field', `Unknown field "${split.name}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        guess ? `Rename it to "${guess}".` : `Fields are ${FIELD_NAMES.join(', ')}.`);
      continue;
    }
    if (seen.has(key)) {
      const name = THREAT_FIELDS[key].name;
      report(ctx, paragraph, 'duplicate-field', `Field "${name}" appears twice in ${id}`,
        key === 'severity' || key === 'responsibility' ? `Keep one "${name}" line: a threat has one ${name}.`
        : `Merge the values into one line, separated by ${key === 'mitigations' ? '`;`' : 'commas'}.`);
      continue;
    }
    seen.add(key);
    readField(key, split, fields, id, ctx);
  }
  for (const key of Object.keys(THREAT_FIELDS) as ThreatFieldKey[]) {
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
  for (let line = split.point.line; line <= split.endLine; line++) {
    const source = ctx.lines[line - 1] ?? '';
    const from = line === split.point.line ? split.point.column - 1 : 0;
    for (let index = source.indexOf(token, from); index !== -1; index = source.indexOf(token, index + 1)) {
      const before = index === from ? ' ' : (source[index - 1] ?? ' ');
      const after = source[index + token.length] ?? ' ';
      if (boundary.test(before) && boundary.test(after)) return {line: line + ctx.lineOffset, column: index + 1};
    }
  }
  return {line: split.point.line + ctx.lineOffset, column: split.point.column};
}

function readField(key: ThreatFieldKey, split: SplitField, fields: Fields, id: string, ctx: Context): void {
  const point = {line: split.point.line + ctx.lineOffset, column: split.point.column};
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
      fields.mitigations = toInline(split.value);
      break;
    case 'features':
      fields.features = readFeatures(raw, id, locate, ctx);
      break;
    case 'related':
      fields.related = readRelated(raw, id, locate, ctx);
      fields.relatedAt = Object.fromEntries(fields.related.map((r) => [r, locate(r)]));
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

function invalidValue(value: string, allowed: readonly string[], name: string, id: string, point: Point, ctx: Context): void {
  const guess = didYouMean(value, allowed);
  ctx.diagnostics.push(
    diagnostic(ctx.file, point, 'invalid-value', `Invalid ${name} "${value}" in ${id}${guess ? ` (${guess})` : ''}`,
      `Allowed values: ${allowed.join(', ')}.`),
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
        diagnostic(ctx.file, locate(entry), 'unknown-feature', `Unknown feature "${entry}" in ${id}${guess ? ` (did you mean "${guess}"?)` : ''}`,
          guess ? `Write "${guess}", or add the feature to features in threat-model.config.ts.` : 'Add the feature to features in threat-model.config.ts, or remove it.'),
      );
    }
  }
  return features;
}

function readRelated(raw: string, id: string, locate: (token: string) => Point, ctx: Context): string[] {
  const related: string[] = [];
  const example = ctx.config.useCases.slice(0, 2).map((u) => `${u.prefix}-01`).join(', ');
  for (const entry of commaList(raw)) {
    if (ID_PATTERN.test(entry)) {
      related.push(entry);
    } else {
      ctx.diagnostics.push(
        diagnostic(ctx.file, locate(entry), 'malformed-id', `Related entry "${entry}" in ${id} is not a threat ID`,
          `List threat IDs separated by commas, e.g. \`Related: ${example}\`.`),
      );
    }
  }
  return related;
}

function readReferences(value: PhrasingContent[], id: string, point: Point, locate: (token: string) => Point, ctx: Context): Reference[] {
  const references: Reference[] = [];
  const invalid = (token: string, where: Point) =>
    ctx.diagnostics.push(
      diagnostic(ctx.file, where, 'invalid-reference', `Reference "${token}" in ${id} is not a CVE ID, a CWE ID or an http(s) URL`,
        'Write CVE-YYYY-NNNN, CWE-NNN, https://… or [text](https://…), separated by commas.'),
    );
  for (const node of value) {
    if (node.type === 'link') {
      if (/^https?:\/\//i.test(node.url)) {
        references.push({kind: 'url', text: toString(node) || node.url, url: node.url});
      } else {
        invalid(node.url, at(ctx, node));
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

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

function listItems(nodes: RootContent[] | undefined): Inline[][] {
  const items: Inline[][] = [];
  for (const node of nodes ?? []) {
    if (node.type !== 'list') continue;
    for (const item of node.children as ListItem[]) {
      const inline = item.children.flatMap((child) => (child.type === 'paragraph' ? toInline(child.children) : []));
      if (inline.length > 0) items.push(inline);
    }
  }
  return items;
}

/** Keep text, code spans and links; flatten emphasis and everything else. */
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

function at(ctx: Context, node: Nodes): Point {
  const start = node.position?.start;
  return {line: (start?.line ?? 1) + ctx.lineOffset, column: start?.column ?? 1};
}

function report(
  ctx: Context,
  node: Nodes,
  rule: Parameters<typeof diagnostic>[2],
  message: string,
  hint: string,
  severity: 'error' | 'warning' = 'error',
): void {
  ctx.diagnostics.push(diagnostic(ctx.file, at(ctx, node), rule, message, hint, severity));
}
