/**
 * Remark plugin for the threat-model docs instance. Register it in
 * `beforeDefaultRemarkPlugins`, so that the links it emits as file paths
 * (`./cli.md#CLI-03`) go through Docusaurus's own link resolution, which fails
 * the build on a broken one, and the headings it adds reach the TOC.
 *
 * It reads the tree Docusaurus parsed with the one reader (`read/`), which
 * marks the threats it read; this plugin decorates exactly those nodes and
 * never looks for threats with a pattern of its own. It receives the
 * cross-document index through its options: options are part of
 * Docusaurus's loader cache key, so a change in any file invalidates every
 * page, and no sibling file is read here, so the persistent cache cannot
 * serve stale pages.
 */
import {createHash} from 'node:crypto';
import path from 'node:path';
import type {Heading, Link, PhrasingContent, Root, RootContent} from 'mdast';
import type {Config} from './config';
import {compareDiagnostics, diagnostic, type Diagnostic} from './diagnostics';
import {failBuild} from './fail-build';
import {readThreatModel} from './read';
import {checkLinks} from './rules/links';
import {formatDiagnostic} from './report/text';
import {SEVERITIES, STRIDE} from './schema';
import {featureAnchor, responsibilityLabel, severityCounts, strideCounts} from './present';
import type {Inline, Threat, ThreatIndex, ThreatModel} from './types';

export interface RemarkThreatModelOptions {
  index: ThreatIndex;
  config: Config;
  /** Absolute site directory, to turn `file.path` into the index's paths. */
  siteDir: string;
  /** Route of the generated reference page, for feature links. */
  referencePath: string;
}

/**
 * Options with a compact JSON form. Docusaurus serialises plugin options
 * twice: into the MDX loader's cache key (which must change whenever the
 * index does) and into the site config shipped to every browser (which must
 * not carry the whole index). A content digest serves both.
 */
export function remarkThreatModelOptions(options: RemarkThreatModelOptions): RemarkThreatModelOptions {
  const digest = createHash('sha256')
    .update(JSON.stringify({index: options.index, config: options.config, referencePath: options.referencePath}))
    .digest('hex');
  return Object.assign({}, options, {toJSON: () => ({threatModelIndex: digest})});
}

interface VFileLike {
  path?: string;
  value: unknown;
}

/** Thrown when a threat-model file has errors: fails `docusaurus build`. */
export class ThreatModelError extends Error {
  declare readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super(
      `Threat model has ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'} ` +
        `(run \`npm run check\` for the full report):\n${diagnostics.map(formatDiagnostic).join('\n')}`,
    );
    this.name = 'ThreatModelError';
    // Docusaurus prints `stack`: the findings already say where and why.
    this.stack = `${this.name}: ${this.message}`;
    // Not enumerable: Docusaurus prints the error object, and the message
    // already lists every finding.
    Object.defineProperty(this, 'diagnostics', {value: diagnostics, enumerable: false});
  }
}

export default function remarkThreatModel(options: RemarkThreatModelOptions) {
  const {index, config, siteDir} = options;
  const dir = path.resolve(siteDir, config.dir);

  return (tree: Root, file: VFileLike): void => {
    if (!file.path || !file.path.startsWith(dir + path.sep) || !file.path.endsWith('.md')) return;
    const relative = path.relative(siteDir, file.path).split(path.sep).join('/');
    const {model, diagnostics} = readThreatModel({tree, source: String(file.value), file: relative, config});
    const errors = [...diagnostics, ...crossFileErrors(model, index, relative, config)].filter((d) => d.severity === 'error');
    if (errors.length > 0 || !model) failBuild(new ThreatModelError(errors.sort(compareDiagnostics)));

    const files = fileNames(index, model.file);
    insertSummary(tree, model);
    decorateThreats(tree, model, index, files, options);
  };
}

/**
 * Related IDs and links into other threat models that the index lacks, for
 * the file being compiled (under `docusaurus start` it may have changed since
 * the index was built).
 */
function crossFileErrors(model: ThreatModel | undefined, index: ThreatIndex, file: string, config: Config): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (model) {
    const models = [model, ...index.models.filter((m) => m.file !== file)];
    out.push(...checkLinks(models, config, undefined, models.map((m) => m.file)).filter((d) => d.file === file));
  }
  for (const threat of model?.threats ?? []) {
    for (const id of threat.related) {
      if (!index.locations[id]) {
        out.push(
          diagnostic(file, threat.relatedAt[id] ?? threat.position, 'unknown-related', `Related ID "${id}" in ${threat.id} exists in no threat model`,
            `Remove "${id}" from Related, or add a threat with that ID.`),
        );
      }
    }
  }
  return out;
}

/** Threat ID → file-path link target relative to the page being built. */
function fileNames(index: ThreatIndex, from: string): (id: string) => string | undefined {
  return (id) => {
    const location = index.locations[id];
    if (!location) return undefined;
    const target = path.posix.relative(path.posix.dirname(from), location.file);
    return `${target.startsWith('.') ? '' : './'}${target}#${id}`;
  };
}

/* ------------------------------------------------------------------ */
/* Node builders: mdast nodes that render as the given HTML element.   */
/* ------------------------------------------------------------------ */

type Block = {type: 'threatModelElement'; data: {hName: string; hProperties: Record<string, unknown>}; children: unknown[]};

function el(tagName: string, className: string | undefined, children: unknown[], props: Record<string, unknown> = {}): Block {
  return {
    type: 'threatModelElement',
    data: {hName: tagName, hProperties: {...(className ? {className: className.split(' ')} : {}), ...props}},
    children,
  };
}

const text = (value: string): PhrasingContent => ({type: 'text', value});

function link(url: string, children: PhrasingContent[]): Link {
  return {type: 'link', url, children};
}

function badge(kind: string, value: string, label = value): Block {
  return el('span', `tm-badge tm-badge--${kind} tm-badge--${kind}-${value.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, [text(label)]);
}

function inlineToMdast(inline: Inline[]): PhrasingContent[] {
  return inline.map((item): PhrasingContent => {
    if (item.type === 'text') return text(item.value);
    if (item.type === 'code') return {type: 'inlineCode', value: item.value};
    return link(item.url, inlineToMdast(item.children));
  });
}

function joined<T>(items: T[], separator: () => unknown): unknown[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator(), item]));
}

/* ------------------------------------------------------------------ */
/* Page summary                                                        */
/* ------------------------------------------------------------------ */

function insertSummary(tree: Root, model: ThreatModel): void {
  const severity = severityCounts(model.threats);
  const stride = strideCounts(model.threats);
  const notApplicable = model.notApplicable.map((n) => n.category);

  const heading: Heading = {type: 'heading', depth: 2, children: [text('At a glance')], data: {hProperties: {id: 'at-a-glance'}}};
  const summary = el('div', 'tm-summary', [
    el('p', undefined, [
      text(`${model.threats.length} threats. By severity: `),
      ...joined(
        [...SEVERITIES].reverse().filter((s) => severity[s] > 0).map((s) => badge('severity', s, `${s}: ${severity[s]}`)),
        () => text(' '),
      ),
    ]),
    el('p', undefined, [
      text('By STRIDE category: '),
      ...joined(STRIDE.filter((c) => stride[c] > 0).map((c) => badge('stride', c, `${c}: ${stride[c]}`)), () => text(' ')),
    ]),
    el('p', 'tm-summary__coverage', [
      text(
        // A gap never reaches this point: its stride-coverage error fails the page.
        `Coverage: every STRIDE category is covered${notApplicable.length > 0 ? ` or declared not applicable (${notApplicable.join(', ')})` : ''}. No gaps.`,
      ),
    ]),
  ]);
  const start = tree.children[0]?.type === 'yaml' ? 1 : 0;
  tree.children.splice(start, 0, heading, summary as unknown as RootContent);
}

/* ------------------------------------------------------------------ */
/* Threats                                                             */
/* ------------------------------------------------------------------ */

function decorateThreats(
  tree: Root,
  model: ThreatModel,
  index: ThreatIndex,
  targetOf: (id: string) => string | undefined,
  options: RemarkThreatModelOptions,
): void {
  const threats = new Map(model.threats.map((t) => [t.id, t]));
  const children = tree.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    const id = node.type === 'heading' ? node.data?.threatModel?.threat : undefined;
    const threat = id ? threats.get(id) : undefined;
    if (node.type !== 'heading' || !threat) continue;
    // Show the ID in the heading: readers cite it, and search ranks it.
    node.children.unshift(text(`${threat.id} · `));

    // The threat's block runs to the next heading of depth 3 or less.
    let end = i + 1;
    while (end < children.length && !(children[end]!.type === 'heading' && (children[end] as Heading).depth <= 3)) end++;
    const listIndex = children.slice(i + 1, end).findIndex((n) => n.data?.threatModel?.fields === threat.id);
    const fields = fieldTable(threat, targetOf, index, options) as unknown as RootContent;
    const backlinks = referencedBy(threat, index, targetOf);
    if (backlinks) {
      children.splice(end, 0, backlinks as unknown as RootContent);
    }
    if (listIndex === -1) {
      children.splice(i + 1, 0, fields);
    } else {
      children.splice(i + 1 + listIndex, 1, fields);
    }
  }
}

function fieldTable(threat: Threat, targetOf: (id: string) => string | undefined, index: ThreatIndex, options: RemarkThreatModelOptions): Block {
  const label = responsibilityLabel(threat.responsibility, options.config.runtime);
  const referencePath = options.referencePath;
  const rows: Array<[string, unknown[]]> = [
    ['ID', [{type: 'inlineCode', value: threat.id}]],
    ['STRIDE', joined(threat.stride.map((c) => badge('stride', c)), () => text(' '))],
    ['Severity', [badge('severity', threat.severity)]],
    [
      'Responsibility',
      [badge('responsibility', threat.responsibility, label.short), text(` ${label.long}`)],
    ],
    ['Mitigations', inlineToMdast(threat.mitigations)],
  ];
  if (threat.features.length > 0) {
    rows.push([
      'Features',
      joined(threat.features.map((f) => link(`${referencePath}#${featureAnchor(f)}`, [{type: 'inlineCode', value: f}])), () => text(', ')),
    ]);
  }
  if (threat.related.length > 0) {
    rows.push([
      'Related',
      joined(threat.related.map((id) => relatedLink(id, targetOf, index)), () => text(', ')),
    ]);
  }
  rows.push([
    'References',
    [el('ul', 'tm-references', threat.references.map((r) => el('li', undefined, [link(r.url, [text(r.text)])])))],
  ]);
  return el(
    'dl',
    'tm-fields',
    rows.flatMap(([name, value]) => [el('dt', undefined, [text(name)]), el('dd', undefined, value)]),
  );
}

function relatedLink(id: string, targetOf: (id: string) => string | undefined, index: ThreatIndex): Link {
  const target = targetOf(id)!;
  const title = index.locations[id]?.title;
  return link(target, [text(id), ...(title ? [text(` (${title})`)] : [])]);
}

function referencedBy(threat: Threat, index: ThreatIndex, targetOf: (id: string) => string | undefined): Block | undefined {
  const sources = (index.backlinks[threat.id] ?? []).filter((id) => index.locations[id]?.useCase !== threat.useCase);
  if (sources.length === 0) return undefined;
  return el('div', 'tm-backlinks', [
    el('p', 'tm-backlinks__title', [text(`Referenced by ${sources.length === 1 ? 'one threat' : `${sources.length} threats`} in other use cases:`)]),
    el('ul', undefined, sources.map((id) => el('li', undefined, [relatedLink(id, targetOf, index)]))),
  ]);
}

