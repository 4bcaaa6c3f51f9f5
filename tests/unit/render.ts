/**
 * A threat-model page through the site's pipeline, without Docusaurus: the
 * same syntax extensions, the page generator, rehype-raw and the sanitizer.
 * Used to show that what the check accepts renders as it was read.
 */
import path from 'node:path';
import type {Element, Root as HastRoot} from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import type {Config} from '../../plugins/threat-model/lib/config';
import remarkThreatModel from '../../plugins/threat-model/lib/remark';
import rehypeSanitizeThreatModel from '../../plugins/threat-model/lib/sanitize';
import type {ThreatModel} from '../../plugins/threat-model/lib/types';

/**
 * Strip positions, data and comments: the sanitizer drops them, and none of
 * them renders (the reader skips comments too).
 */
function shape(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (key, value) => {
    if (key === 'position' || key === 'data') return undefined;
    if (key === 'children' && Array.isArray(value)) return value.filter((child: {type?: string}) => child.type !== 'comment');
    return value;
  }));
}

/** The page of one file as hast, before the sanitizer. */
/** MDX nodes that Docusaurus's pipeline carries through to the page (theme components, imports). */
const MDX_NODES = ['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression'];

export function renderPage(text: string, file: string, config: Config, siteDir = '/site'): HastRoot {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkDirective)
    .use(remarkGfm)
    .use(remarkThreatModel, {config, siteDir, referencePath: config.site.referencePath, pluginId: 'default'})
    .use(remarkRehype, {allowDangerousHtml: true, passThrough: MDX_NODES as never[]})
    .use(rehypeRaw, {passThrough: MDX_NODES as never[]});
  const vfile = new VFile({path: path.join(siteDir, file), value: text});
  return processor.runSync(processor.parse(vfile), vfile) as HastRoot;
}

/** What would make the page differ from what was read, if anything. */
export function pageProblem(tree: HastRoot, ids: string[]): string | undefined {
  const clean = rehypeSanitizeThreatModel()(structuredClone(tree));
  if (JSON.stringify(shape(clean)) !== JSON.stringify(shape(tree))) return 'the sanitizer would change the page';
  let problem: string | undefined;
  let tables = 0;
  const elementIds: string[] = [];
  visit(tree, 'element', (node: Element) => {
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      if (/^on/i.test(name)) problem ??= `<${node.tagName} ${name}> is on the page`;
      if (typeof value === 'string' && /^(javascript|vbscript|data:text):?/i.test(value.replace(/[\s\u0000-\u001f]/g, ''))) problem ??= `<${node.tagName} ${name}="${value}">`;
    }
    if (node.tagName === 'script') problem ??= 'a <script> is on the page';
    if (typeof node.properties?.id === 'string') elementIds.push(node.properties.id);
    if (node.tagName === 'dl' && (node.properties?.className as string[] | undefined)?.includes('tm-fields')) tables++;
  });
  if (tables !== ids.length) problem ??= `${tables} field tables for ${ids.length} threats`;
  if (new Set(elementIds).size !== elementIds.length) problem ??= 'an id appears twice';
  return problem;
}

/** For the fuzz test: the page of an accepted model, rendered on its own. */
export function renderedChanges(text: string, file: string, model: ThreatModel, config: Config): string | undefined {
  const tree = renderPage(text, file, config);
  return pageProblem(tree, model.threats.map((t) => t.id));
}
