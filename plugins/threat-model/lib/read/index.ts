/**
 * The threat-model reader: one parsed file (the tree the site renders) to a
 * typed model plus findings. The check runs it on the tree it parses with
 * the site's dialect (`../markdown.ts`); the page generator runs it on the
 * tree Docusaurus hands to remark. Both therefore read the same nodes, and
 * the generator decorates the nodes the reader marked.
 */
import type {Heading, Nodes, Parent, Root, Text} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {visitParents} from 'unist-util-visit-parents';
import type {Config} from '../config';
import {didYouMean, propose, type Diagnostic} from '../diagnostics';
import {
  DOCUSAURUS_KEYS,
  DocusaurusFrontMatterSchema,
  FRONT_MATTER_KEYS,
  FrontMatterSchema,
  REJECTED_FRONT_MATTER_KEYS,
  type FrontMatter,
} from '../schema';
import {PLACEHOLDERS} from '../template';
import type {NotApplicable, ThreatModel} from '../types';
import {STRIDE} from '../schema';
import {at, report, type Context} from './context';
import {visible} from '../visible';
import {locate, readFrontMatter, withoutBom, type FrontMatterResult} from './front-matter';
import {explicitId, ID_LIKE, pageAnchors} from './headings';
import {checkHtml, checkHtmlBalance} from './html';
import {classifyUrl, type LocalLink} from './links';
import {itemParagraph, readList} from './lists';
import {anchorHint} from '../rules/links';
import {splitSections} from './sections';
import {checkSource} from './source';
import {readThreats} from './threats';

export interface ReadResult {
  /** Present when the file could be read far enough to be modelled. */
  model?: ThreatModel;
  diagnostics: Diagnostic[];
}

export interface ReadInput {
  /** The tree of the whole file, front matter included, in the site's dialect. */
  tree: Root;
  /** The file's text, as read from disk. */
  source: string;
  /** Path relative to the site root, forward slashes. */
  file: string;
  config: Config;
}

export function readThreatModel({tree, source, file, config}: ReadInput): ReadResult {
  const ctx: Context = {file, config, text: withoutBom(source), diagnostics: []};
  const done = (model?: ThreatModel): ReadResult => ({...(model ? {model} : {}), diagnostics: ctx.diagnostics});
  if (!checkSource(ctx)) return done();

  const front = readFrontMatter(ctx.text);
  if (front.finding) {
    report(ctx, front.finding, front.finding.rule, front.finding.message, front.finding.hint);
    return done();
  }
  if (!front.present) {
    report(ctx, {line: 1, column: 1}, 'no-front-matter', 'Missing front matter',
      'Start the file with a `---` block that sets use_case, title, description, status, last_reviewed and owners (see `npm run new`).');
    return done();
  }
  const yaml = tree.children[0];
  if (yaml?.type !== 'yaml' || yaml.position?.end.line !== front.endLine) {
    report(ctx, {line: 1, column: 1}, 'front-matter-fence', 'The site would read this front matter differently from the check',
      'Write the block as `---`, one `key: value` per line, then `---`, with nothing else on the fence lines.');
    return done();
  }
  validateFrontMatter(front, ctx);

  fillPositions(tree);
  normalizeDirectives(tree, ctx);
  const sections = splitSections(tree, ctx);
  const data = front.data as Partial<FrontMatter>;
  const useCase = typeof data.use_case === 'string' ? data.use_case : '';
  const trust = readTrust(sections.byName.get('Trust'), ctx);
  const threatsSection = sections.byName.get('Threats');
  const read = threatsSection ? readThreats(threatsSection, useCase, ctx) : {threats: [], refused: 0};
  const {threats} = read;
  const notApplicableSection = sections.byName.get('Not applicable');
  // After the threats: links the References fields took as sources are not checked twice.
  const links = scanTree(tree, ctx);
  checkHtmlBalance(ctx);
  const model: ThreatModel = {
    file,
    useCase,
    frontMatter: data as FrontMatter,
    intro: sections.intro.filter((n) => !(n.type === 'html' && n.value.startsWith('<!--'))).map((n) => toString(n)).join('\n\n'),
    scope: sections.byName.get('Scope')?.nodes.map((n) => toString(n)).join('\n\n') ?? '',
    trusted: trust.trusted,
    untrusted: trust.untrusted,
    assets: readList(sections.byName.get('Assets')?.nodes ?? [], 'the Assets section', ctx),
    threats,
    notApplicable: notApplicableSection ? readNotApplicable(notApplicableSection.nodes, ctx) : [],
    outOfScope: readList(sections.byName.get('Out of scope')?.nodes ?? [], 'the Out of scope section', ctx),
    anchors: pageAnchors(tree),
    links: [],
  };
  checkHeadings(tree, ctx);
  checkHiddenThreats(tree, ctx);
  model.links = checkAnchors(links, model, ctx);
  // With a threat that could not be read, a gap in coverage would only repeat its error.
  if (read.refused === 0) checkCoverage(model, notApplicableSection?.heading ?? threatsSection?.heading, ctx);
  checkPlaceholders(ctx);
  return done(model);
}

/* Front matter ------------------------------------------------------ */

function validateFrontMatter(front: FrontMatterResult, ctx: Context): void {
  const record = front.data;
  const keyAt = (key: string) => front.keys[key] ?? {line: 1, column: 1};
  const known = [...FRONT_MATTER_KEYS, ...DOCUSAURUS_KEYS];
  for (const key of Object.keys(record)) {
    const reason = Object.hasOwn(REJECTED_FRONT_MATTER_KEYS, key) ? REJECTED_FRONT_MATTER_KEYS[key] : undefined;
    if (reason) {
      report(ctx, keyAt(key), 'front-matter-key', `Front-matter key "${key}" is not allowed in a threat model`,
        `Remove it: ${reason}.`);
    } else if (!known.includes(key)) {
      const guess = propose(key, known);
      report(ctx, keyAt(key), 'unknown-field', `Unknown front-matter field "${visible(key)}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        guess ? `Rename it to "${guess}", or remove it.` : `Allowed fields: ${FRONT_MATTER_KEYS.join(', ')}, and ${DOCUSAURUS_KEYS.join(', ')}.`);
    }
  }
  const docusaurus = DocusaurusFrontMatterSchema.safeParse(Object.fromEntries(DOCUSAURUS_KEYS.filter((k) => k in record).map((k) => [k, record[k]])));
  if (!docusaurus.success) {
    for (const issue of docusaurus.error.issues) {
      const key = String(issue.path[0] ?? '');
      report(ctx, keyAt(key), 'invalid-front-matter', `Invalid front-matter field "${key}": ${issue.message}`,
        `Fix the value of \`${key}\`: ${DocusaurusFrontMatterSchema.shape[key as keyof typeof DocusaurusFrontMatterSchema.shape]?.description ?? ''}`);
    }
  }
  const result = FrontMatterSchema.safeParse(record);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (!FRONT_MATTER_KEYS.includes(key)) continue;
      report(ctx, keyAt(key), ...frontMatterIssue(key, record[key], issue.message));
    }
  }
  const useCase = record.use_case;
  if (typeof useCase === 'string' && useCase !== '') {
    const ids = ctx.config.useCases.map((u) => u.id);
    if (!ids.includes(useCase)) {
      const guess = didYouMean(useCase, ids);
      report(ctx, keyAt('use_case'), 'unknown-use-case', `Unknown use case "${visible(useCase)}"${guess ? ` (${guess})` : ''}`,
        `Use one of: ${ids.join(', ')}; or add it to useCases in threat-model.config.ts.`);
    } else {
      const expected = `${useCase}.md`;
      const actual = ctx.file.split('/').pop();
      if (actual !== expected) {
        report(ctx, keyAt('use_case'), 'file-name', `File "${actual}" models use case "${useCase}" but is not named "${expected}"`,
          `Rename the file to ${expected}: the site and CI find each use case by its file name.`);
      }
    }
  }
}

type IssueArgs = ['missing-field' | 'invalid-front-matter' | 'invalid-value', string, string];

function frontMatterIssue(key: string, value: unknown, message: string): IssueArgs {
  const description = FrontMatterSchema.shape[key as keyof FrontMatter]?.description ?? '';
  if (value === undefined) {
    return ['missing-field', `Missing front-matter field "${key}"`, `Add \`${key}: ...\` to the front matter (${description}).`];
  }
  if (key === 'status') {
    const guess = didYouMean(String(value), ['draft', 'review', 'published']);
    return ['invalid-value', `Invalid status "${visible(String(value))}"${guess ? ` (${guess})` : ''}`, 'Use one of: draft, review, published.'];
  }
  return ['invalid-front-matter', `Invalid front-matter field "${key}": ${message}`, `Fix the value of \`${key}\`: ${description}`];
}

/* The tree ---------------------------------------------------------- */

/**
 * A text directive with neither label nor attributes (`node:fs` reads as
 * `node` + `:fs`) is printed back as text by Docusaurus; read it as text
 * too. Every other directive would become an element, so it is reported.
 */
function normalizeDirectives(tree: Root, ctx: Context): void {
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
function fillPositions(node: Nodes): void {
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
function scanTree(tree: Root, ctx: Context): LocalLink[] {
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

/**
 * Every heading that carries a threat-shaped ID is a threat of the index or
 * an error; other explicit ids are not for contributors to choose.
 */
function checkHeadings(tree: Root, ctx: Context): void {
  let section = '';
  visitParents(tree, 'heading', (heading: Heading, ancestors) => {
    const nested = ancestors.length > 1;
    if (!nested && heading.depth <= 2) section = toString(heading).trim();
    if (heading.data?.threatModel?.threat) return;
    // A threat heading the reader refused has its own finding already.
    if (heading.depth === 3 && !nested && section.toLowerCase() === 'threats') return;
    const explicit = explicitId(heading);
    if (!explicit) return;
    const threatLike = ID_LIKE.test(explicit.id) || ctx.config.useCases.some((u) => explicit.id.startsWith(`${u.prefix}-`));
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
function checkHiddenThreats(tree: Root, ctx: Context): void {
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
function checkAnchors(links: LocalLink[], model: ThreatModel, ctx: Context): LocalLink[] {
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

/* Sections ---------------------------------------------------------- */

function readTrust(section: {heading: Heading; nodes: Root['children']} | undefined, ctx: Context) {
  const result = {trusted: [] as ReturnType<typeof readList>, untrusted: [] as ReturnType<typeof readList>};
  if (!section) return result;
  const {nodes} = section;
  const seen = new Set<string>();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'html' && node.value.startsWith('<!--')) continue;
    const label = node.type === 'paragraph' ? toString(node).trim().toLowerCase() : '';
    const next = nodes[i + 1];
    if ((label === 'trusted:' || label === 'untrusted:') && next?.type === 'list') {
      const name = label === 'trusted:' ? 'Trusted' : 'Untrusted';
      if (seen.has(label)) {
        report(ctx, node, 'lost-content', `A second "${name}:" list in the Trust section`,
          `Merge it into the first "${name}:" list: the reference and the export read one list each.`);
      } else {
        seen.add(label);
        result[label === 'trusted:' ? 'trusted' : 'untrusted'] = readList([next], `the ${name} list`, ctx);
      }
      i++;
      continue;
    }
    report(ctx, node, 'lost-content', `${node.type === 'paragraph' ? 'A paragraph' : node.type === 'list' ? 'A list without a "Trusted:" or "Untrusted:" label' : 'A block'} in the Trust section`,
      'The Trust section holds a `Trusted:` list and an `Untrusted:` list only; move other text to `## Scope`.');
  }
  for (const [label, items] of [['Trusted', result.trusted], ['Untrusted', result.untrusted]] as const) {
    if (items.length === 0 && !seen.has(`${label.toLowerCase()}:`)) {
      report(ctx, section.heading, 'missing-trust-list', `The Trust section has no "${label}:" list`,
        `Add a paragraph \`${label}:\` followed by a bulleted list.`);
    }
  }
  return result;
}

function readNotApplicable(nodes: Root['children'], ctx: Context): NotApplicable[] {
  const result: NotApplicable[] = [];
  for (const node of nodes) {
    if (node.type === 'html' && node.value.startsWith('<!--')) continue;
    if (node.type !== 'list') {
      report(ctx, node, 'lost-content', `${node.type === 'paragraph' ? 'A paragraph' : 'A block'} in the Not applicable section, which holds only a list`,
        'Write `- <category>: <reason>` items only.');
      continue;
    }
    for (const item of node.children) {
      const paragraph = itemParagraph(item, 'the Not applicable section', ctx);
      if (!paragraph) continue;
      const full = toString(paragraph).trim();
      const colon = full.indexOf(':');
      const name = (colon === -1 ? full : full.slice(0, colon)).trim();
      const reason = colon === -1 ? '' : full.slice(colon + 1).trim();
      const category = STRIDE.find((s) => s.toLowerCase() === name.toLowerCase());
      if (!category) {
        const guess = didYouMean(name, STRIDE);
        report(ctx, paragraph, 'not-applicable-reason', `"${visible(name)}" is not a STRIDE category${guess ? ` (${guess})` : ''}`,
          `Write \`- <category>: <reason>\` with one of: ${STRIDE.join(', ')}.`);
        continue;
      }
      if (reason === '') {
        report(ctx, paragraph, 'not-applicable-reason', `"${category}" is declared not applicable without a reason`,
          `Say why no threat of this use case falls in it: \`- ${category}: <reason>\`.`);
        continue;
      }
      result.push({category, reason, position: at(paragraph)});
    }
  }
  return result;
}

/* Coverage and leftovers -------------------------------------------- */

/** Each STRIDE category is covered by a threat or declared not applicable. */
function checkCoverage(model: ThreatModel, anchor: Heading | undefined, ctx: Context): void {
  for (const category of STRIDE) {
    const covered = model.threats.some((t) => t.stride.includes(category));
    const declared = model.notApplicable.find((n) => n.category === category);
    if (!covered && !declared) {
      report(ctx, anchor ?? {line: 1, column: 1}, 'stride-coverage',
        `STRIDE category "${category}" is not covered`,
        `Add a threat whose STRIDE field lists ${category}, or add \`- ${category}: <reason>\` under \`## Not applicable\`.`);
    }
    if (covered && declared) {
      report(ctx, declared.position, 'not-applicable-covered',
        `"${category}" is declared not applicable, but a threat covers it`,
        `Remove \`${category}\` from \`## Not applicable\`, or correct the threat's STRIDE field.`, 'warning');
    }
  }
}

/** Scaffold text that was never replaced (see `../template.ts`). */
function checkPlaceholders(ctx: Context): void {
  for (const [name, text] of Object.entries(PLACEHOLDERS)) {
    if (name === 'reference') continue; // `TODO` is already an invalid reference
    const index = ctx.text.indexOf(text);
    if (index !== -1) {
      report(ctx, locate(ctx.text, index), 'placeholder', `Scaffold text "${text}" was never replaced`,
        'Replace the scaffold\'s placeholder with the real content for this use case.');
    }
  }
}
