/**
 * Remark plugin for the threat-model docs instance. Register it in
 * `beforeDefaultRemarkPlugins`, so that the headings it adds reach the TOC.
 *
 * It reads the tree Docusaurus parsed with the one reader (`read/`), which
 * marks the threats it read; this plugin decorates exactly those nodes and
 * never looks for threats with a pattern of its own.
 *
 * A page's output depends on its own file and the configuration only. What
 * comes from other files (the titles behind Related IDs, "Referenced by")
 * is rendered by theme components from the page's data module, which the
 * plugin writes under `@generated` and the page imports: a change in one
 * file rewrites that module and reaches every page without recompiling the
 * others, and a cached page can never show another file's stale data. The findings
 * that involve other files (unknown Related IDs, broken links) are the
 * plugin's: it reports them on every load.
 */
import {createHash} from 'node:crypto';
import path from 'node:path';
import type {Heading, Link, PhrasingContent, Root, RootContent} from 'mdast';
import type {Processor} from 'unified';
import type {Config} from './config';
import {compareDiagnostics, type Diagnostic} from './diagnostics';
import {failBuild} from './fail-build';
import {readThreatModel, type ReadResult} from './read';
import {treeStore} from './tree-store';
import {formatDiagnostic} from './report/text';
import {SEVERITIES, STRIDE, type Severity} from './schema';
import {featureAnchor, groupByResponsibility, responsibilityClass, responsibilityLabel, riskStatusLabel, severityCounts, severityLabel, statusLabel, strideCounts} from './present';
import {pageDataFile, PLUGIN_NAME} from './global-data';
import {flowsField, insertDataFlows} from './page/data-flows';
import {el, inlineToMdast, joined, link, text, type Block} from './page/mdast';
import type {Threat, ThreatModel} from './types';

export interface RemarkThreatModelOptions {
  config: Config;
  /** Absolute site directory, to turn `file.path` into the index's paths. */
  siteDir: string;
  /** Route of the generated reference page, for feature links. */
  referencePath: string;
  /** Id of the plugin instance whose global data the page's components read. */
  pluginId: string;
}

/**
 * Options with a compact JSON form. Docusaurus serialises plugin options
 * twice: into the MDX loader's cache key, which must change whenever what a
 * page's output depends on besides its own file changes (the configuration
 * and the reference path), and into the site config shipped to every
 * browser, which needs none of it. A digest of those inputs serves both.
 */
export function remarkThreatModelOptions(options: RemarkThreatModelOptions): RemarkThreatModelOptions {
  const digest = createHash('sha256')
    .update(JSON.stringify({config: options.config, referencePath: options.referencePath, pluginId: options.pluginId}))
    .digest('hex');
  return Object.assign({}, options, {toJSON: () => ({threatModelContent: digest})});
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
    // The MDX loader prints the message, then `stack` under "Details": the
    // findings already say where and why, and a trace would only name this
    // plugin's functions. (`name` is on the prototype: an own property would
    // make the loader print the error as JSON too.)
    this.stack = '';
    // Not enumerable: Docusaurus prints the error object, and the message
    // already lists every finding.
    Object.defineProperty(this, 'diagnostics', {value: diagnostics, enumerable: false});
  }
}
ThreatModelError.prototype.name = 'ThreatModelError';

/** What the parser in front found in the tree store, for the transformer. */
const READ = 'threatModelRead';

export default function remarkThreatModel(this: Processor | void, options: RemarkThreatModelOptions) {
  const {config, siteDir} = options;
  const dir = path.resolve(siteDir, config.dir);
  const isThreatModel = (filePath: string | undefined): filePath is string =>
    Boolean(filePath && filePath.startsWith(dir + path.sep) && filePath.endsWith('.md'));

  // A parser in front of Docusaurus's: a threat model the plugin's load has
  // already parsed and read, in this very text, is not parsed again.
  const processor = this as {parser?: (doc: string, file: VFileLike & {data: Record<string, unknown>}) => Root} | undefined;
  const parse = processor?.parser;
  if (processor && parse) {
    processor.parser = (doc, file) => {
      const kept = isThreatModel(file?.path) ? treeStore().take(doc) : undefined;
      if (!kept) return parse(doc, file);
      file.data[READ] = kept.result;
      return kept.tree;
    };
  }

  return (tree: Root, file: VFileLike & {data?: Record<string, unknown>}): void => {
    if (!isThreatModel(file.path)) return;
    const relative = path.relative(siteDir, file.path).split(path.sep).join('/');
    const {model, diagnostics} =
      (file.data?.[READ] as ReadResult | undefined) ?? readThreatModel({tree, source: String(file.value), file: relative, config});
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 || !model) failBuild(new ThreatModelError(errors.sort(compareDiagnostics)));

    insertSummary(tree, model, options.config, options.referencePath);
    // The diagram is drawn by the plugin's load (lib/diagram/markup.ts) into the
    // page's data module; the component puts it before the flow table.
    const diagram = component(COMPONENTS.diagram, {}, 'flow');
    const drawn = insertDataFlows(tree, model, diagram);
    const used = decorateThreats(tree, model, options);
    if (drawn && model.dataFlows) {
      used.add(COMPONENTS.diagram);
      // The rows' anchors, for Docusaurus's broken-anchor check (see the component).
      const {zones, elements, flows} = model.dataFlows;
      tree.children.push(component(COMPONENTS.anchors, {ids: [...zones, ...elements, ...flows].map((row) => row.id).join(' ')}, 'flow') as unknown as RootContent);
      used.add(COMPONENTS.anchors);
    }
    const data = `@generated/${PLUGIN_NAME}/${options.pluginId}/${pageDataFile(path.basename(file.path))}`;
    tree.children.unshift(
      ...[...used].sort().map((name) => esmImport(name, `@theme/${name}`) as unknown as RootContent),
      esmImport(DATA, data) as unknown as RootContent,
    );
  };
}

/* ------------------------------------------------------------------ */
/* Node builders: mdast nodes that render as the given HTML element.   */
/* ------------------------------------------------------------------ */

function badge(kind: string, value: string, label = value): Block {
  return el('span', `tm-badge tm-badge--${kind} tm-badge--${kind}-${value.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, [text(label)]);
}

/** A badge as a link: the badge is the link's look (`a.tm-badge-link` in the stylesheet). */
function badgeLink(url: string, shown: Block, props: Record<string, unknown> = {}): Link {
  return {...link(url, [shown as unknown as PhrasingContent]), data: {hProperties: {className: ['tm-badge-link'], ...props}}};
}

/** A severity's badge, linked to the rubric that defines the levels when the site has one. */
function severityBadge(severity: Severity, config: Config, label = severityLabel(severity)): Block | Link {
  const shown = badge('severity', severity, label);
  if (!config.severityRubric) return shown;
  return badgeLink(config.severityRubric, shown, {title: `What ${severityLabel(severity).toLowerCase()} means`});
}

/* ------------------------------------------------------------------ */
/* Page summary                                                        */
/* ------------------------------------------------------------------ */

/** Who reviewed the model, when, and against which revision of the runtime's policy; what a draft is. */
function reviewState(model: ThreatModel, config: Config): Block[] {
  const {status, last_reviewed: reviewed, owners, policy_revision: revision} = model.frontMatter;
  const policy = config.policy;
  const checked: PhrasingContent[] = policy && revision
    ? [text(' Checked against '), link(policy.url.replace('{revision}', encodeURIComponent(revision)), [text(`${policy.label} at ${revision.slice(0, 12)}`)]), text('.')]
    : [];
  const state = el('p', 'tm-summary__review', [
    text('Status: '), badge('status', status, statusLabel(status)), text(`. Last reviewed ${reviewed} by ${owners.join(', ')}.`), ...checked,
  ]);
  if (status !== 'draft') return [state];
  const notice = el('p', 'tm-summary__draft', [
    el('strong', undefined, [text('Draft.')]),
    text(' Not every statement on this page has been checked against its sources yet. Where it differs from the runtime\'s own security policy, the policy wins.'),
  ], {role: 'note'});
  return [notice, state];
}

function insertSummary(tree: Root, model: ThreatModel, config: Config, referencePath: string): void {
  const severity = severityCounts(model.threats);
  const stride = strideCounts(model.threats);
  const notApplicable = model.notApplicable.map((n) => n.category);

  const heading: Heading = {type: 'heading', depth: 2, children: [text('At a glance')], data: {hProperties: {id: 'at-a-glance'}}};
  const summary = el('div', 'tm-summary', [
    ...reviewState(model, config),
    ...responsibilitySummary(model, config, referencePath),
    el('p', undefined, [
      text('By severity: '),
      ...joined(
        [...SEVERITIES].reverse().filter((s) => severity[s] > 0).map((s) => severityBadge(s, config, `${severityLabel(s)}: ${severity[s]}`)),
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

/**
 * Responsibility first: how many threats would be a vulnerability of the
 * runtime and how many are someone else's, each with the list of its
 * threats on this page and a link to them in the reference's table. This
 * is the question readers come with.
 */
function responsibilitySummary(model: ThreatModel, config: Config, referencePath: string): Block[] {
  const groups = groupByResponsibility(model.threats);
  const rows = groups.filter((g) => g.threats.length > 0).map(({responsibility: r, threats}) => ({r, threats}));
  const node = groups.find((g) => g.responsibility === 'node')!.threats.length;
  return [
    el('p', 'tm-summary__total', [
      text(`${model.threats.length} threats: ${node} would be a ${config.runtime} vulnerability, ${model.threats.length - node} are the responsibility of the application, the operator or the ecosystem.`),
    ]),
    el('ul', 'tm-summary__responsibility', rows.map(({r, threats}) =>
      el('li', undefined, [
        // The count opens the reference's threat table filtered to this use case and responsibility.
        badgeLink(`${referencePath}?use-case=${encodeURIComponent(model.useCase)}&responsibility=${r}#threats`,
          el('span', responsibilityClass(r), [text(`${responsibilityLabel(r, config.runtime).short}: ${threats.length}`)])),
        text(' '),
        ...joined(threats.map((t) => link(`#${t.id}`, [text(t.id)])), () => text(', ')),
      ]),
    )),
  ];
}

/* ------------------------------------------------------------------ */
/* Threats                                                             */
/* ------------------------------------------------------------------ */

/** The identifier of the page's data module in the compiled page. */
const DATA = 'threatModelData';

/** Theme components that pages use for what comes from other files. */
const COMPONENTS = {related: 'ThreatModelRelated', referencedBy: 'ThreatModelReferencedBy', cve: 'ThreatModelCve', diagram: 'ThreatModelDiagram', anchors: 'ThreatModelAnchors'} as const;
type ComponentName = (typeof COMPONENTS)[keyof typeof COMPONENTS];

/** Decorates the threats and returns the theme components the page now uses. */
function decorateThreats(tree: Root, model: ThreatModel, options: RemarkThreatModelOptions): Set<ComponentName> {
  const used = new Set<ComponentName>();
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
    const fields = fieldTable(threat, model, options, used) as unknown as RootContent;
    // Every threat gets the list: another file may start naming it at any time.
    children.splice(end, 0, component(COMPONENTS.referencedBy, {threat: threat.id}, 'flow') as unknown as RootContent);
    used.add(COMPONENTS.referencedBy);
    if (listIndex === -1) {
      children.splice(i + 1, 0, fields);
    } else {
      children.splice(i + 1 + listIndex, 1, fields);
    }
  }
  return used;
}

function fieldTable(threat: Threat, model: ThreatModel, options: RemarkThreatModelOptions, used: Set<ComponentName>): Block {
  const label = responsibilityLabel(threat.responsibility, options.config.runtime);
  const referencePath = options.referencePath;
  const rows: Array<[string, unknown[]]> = [
    ['ID', [{type: 'inlineCode', value: threat.id}]],
    ['STRIDE', joined(threat.stride.map((c) => badge('stride', c)), () => text(' '))],
    ['Severity', [severityBadge(threat.severity, options.config)]],
    [
      'Responsibility',
      [badge('responsibility', threat.responsibility, label.short), text(` ${label.long}`)],
    ],
    ['Mitigations', [el('ul', 'tm-mitigations', threat.mitigations.map((m) => el('li', undefined, inlineToMdast(m))))]],
  ];
  if (threat.features.length > 0) {
    rows.push([
      'Features',
      joined(threat.features.map((f) => link(`${referencePath}#${featureAnchor(f)}`, [{type: 'inlineCode', value: f}])), () => text(', ')),
    ]);
  }
  if (threat.related.length > 0) {
    used.add(COMPONENTS.related);
    rows.push(['Related', [component(COMPONENTS.related, {ids: threat.related.join(' ')}, 'text')]]);
  }
  rows.push(...riskRows(threat));
  if (threat.flows.length > 0) rows.push(['Flows', flowsField(threat, model.dataFlows)]);
  rows.push([
    'References',
    [el('ul', 'tm-references', threat.references.map((r) => el('li', undefined, referenceItem(r, options.config, used))))],
  ]);
  return el(
    'dl',
    'tm-fields',
    rows.flatMap(([name, value]) => [el('dt', undefined, [text(name)]), el('dd', undefined, value)]),
  );
}

/**
 * One reference: its link and, for a CVE when the site has a CVE database,
 * what the database says of it, from the page's data module (the same
 * reading the check used; a refreshed database rewrites only that module).
 */
function referenceItem(reference: Threat['references'][number], config: Config, used: Set<ComponentName>): unknown[] {
  const item: unknown[] = [link(reference.url, [text(reference.text)])];
  if (reference.kind !== 'cve' || !config.evidence) return item;
  used.add(COMPONENTS.cve);
  return [...item, component(COMPONENTS.cve, {id: reference.text}, 'text')];
}

/** A tracked risk's status, owner and review date, each only when the file gives it. */
function riskRows(threat: Threat): Array<[string, unknown[]]> {
  const rows: Array<[string, unknown[]]> = [];
  if (threat.status) rows.push(['Risk status', [badge('risk', threat.status, riskStatusLabel(threat.status))]]);
  if (threat.owner) rows.push(['Owner', [text(threat.owner)]]);
  if (threat.reviewBy) rows.push(['Review by', [el('time', undefined, [text(threat.reviewBy)], {dateTime: threat.reviewBy})]]);
  return rows;
}

/**
 * A JSX element of a theme component, with string attributes only. The
 * reader has already refused every character that could matter here, and
 * MDX writes attribute values as string literals, never as code.
 */
function component(name: ComponentName, attributes: Record<string, string>, kind: 'flow' | 'text') {
  return {
    type: kind === 'flow' ? 'mdxJsxFlowElement' : 'mdxJsxTextElement',
    name,
    attributes: [
      ...Object.entries(attributes).map(([key, value]) => ({type: 'mdxJsxAttribute', name: key, value})),
      // `data={threatModelData}`: the page's data module, imported above.
      {
        type: 'mdxJsxAttribute',
        name: 'data',
        value: {
          type: 'mdxJsxAttributeValueExpression',
          value: DATA,
          data: {estree: {type: 'Program', sourceType: 'module', body: [{type: 'ExpressionStatement', expression: {type: 'Identifier', name: DATA}}]}},
        },
      },
    ],
    children: [],
  };
}

/** `import name from 'source'`, as the ESM node MDX compiles. */
function esmImport(name: string, source: string) {
  return {
    type: 'mdxjsEsm',
    value: `import ${name} from ${JSON.stringify(source)};`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{type: 'ImportDefaultSpecifier', local: {type: 'Identifier', name}}],
            source: {type: 'Literal', value: source, raw: JSON.stringify(source)},
          },
        ],
      },
    },
  };
}
