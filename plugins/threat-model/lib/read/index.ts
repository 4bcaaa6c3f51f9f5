/**
 * The threat-model reader: one parsed file (the tree the site renders) to a
 * typed model plus findings. The check runs it on the tree it parses with
 * the site's dialect (`../markdown.ts`); the page generator runs it on the
 * tree Docusaurus hands to remark. Both therefore read the same nodes, and
 * the generator decorates the nodes the reader marked.
 */
import type {Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import type {Config} from '../config';
import type {Diagnostic} from '../diagnostics';
import type {FrontMatter} from '../schema';
import type {ThreatModel} from '../types';
import {report, type Context} from './context';
import {checkCoverage, checkPlaceholders} from './coverage';
import {checkDataFlows, checkThreatFlows, checkUncoveredFlows} from './data-flow-checks';
import {readDataFlows} from './data-flows';
import {readFrontMatter, withoutBom} from './front-matter';
import {validateFrontMatter} from './front-matter-fields';
import {checkAnchors, checkHeadings, checkHiddenThreats} from './heading-rules';
import {dataFlowAnchors, pageAnchors} from './headings';
import {checkHtmlBalance} from './html';
import {readList} from './lists';
import {splitSections} from './sections';
import {checkSource} from './source';
import {readThreats} from './threats';
import {fillPositions, normalizeDirectives, scanTree} from './tree';
import {readNotApplicable, readTrust} from './trust';

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
  const dataFlowsSection = sections.byName.get('Data flows');
  const flows = dataFlowsSection ? readDataFlows(dataFlowsSection, useCase, ctx) : undefined;
  if (flows) checkDataFlows(flows, ctx);
  const threatsSection = sections.byName.get('Threats');
  const read = threatsSection ? readThreats(threatsSection, useCase, ctx) : {threats: [], refused: 0};
  const {threats} = read;
  checkThreatFlows(threats, flows, ctx);
  // With a threat that could not be read, a flow nobody names may be its.
  if (flows && read.refused === 0) checkUncoveredFlows(threats, flows, ctx);
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
    ...(flows ? {dataFlows: flows.dataFlows} : {}),
    threats,
    notApplicable: notApplicableSection ? readNotApplicable(notApplicableSection.nodes, ctx) : [],
    outOfScope: readList(sections.byName.get('Out of scope')?.nodes ?? [], 'the Out of scope section', ctx),
    anchors: [...pageAnchors(tree), ...dataFlowAnchors(flows?.dataFlows)],
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
