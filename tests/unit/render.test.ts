/**
 * What the check accepts renders as it was read: run each accepted file
 * through the site's pipeline (the same syntax extensions, the page
 * generator, rehype-raw, the sanitizer) and require that the sanitizer has
 * nothing left to remove, and that the page holds every threat the reader
 * found, with no script.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import type {Element, Root as HastRoot} from 'hast';
import {sanitize} from 'hast-util-sanitize';
import {visit} from 'unist-util-visit';
import {readConfigFile} from '../../plugins/threat-model/lib/cli/config-file';
import type {Config} from '../../plugins/threat-model/lib/config';
import {loadThreatModels} from '../../plugins/threat-model/lib/load';
import remarkThreatModel from '../../plugins/threat-model/lib/remark';
import {schema} from '../../plugins/threat-model/lib/sanitize';
import {cases, configFile, materialise, readCase} from './corpus';

const repo = path.join(__dirname, '..', '..');

/** Strip positions and empty data: the sanitizer drops them, and they do not render. */
function shape(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (key, value) => (key === 'position' || key === 'data' ? undefined : value)));
}

async function render(siteDir: string, config: Config): Promise<Array<{file: string; tree: HastRoot; ids: string[]}>> {
  const {unified} = await import('unified');
  const {default: remarkParse} = await import('remark-parse');
  const {default: remarkFrontmatter} = await import('remark-frontmatter');
  const {default: remarkDirective} = await import('remark-directive');
  const {default: remarkGfm} = await import('remark-gfm');
  const {default: remarkRehype} = await import('remark-rehype');
  const {default: rehypeRaw} = await import('rehype-raw');
  const {VFile} = await import('vfile');
  const {index, diagnostics} = loadThreatModels(config.dir, config, siteDir);
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  const out = [];
  for (const model of index.models) {
    const processor = unified()
      .use(remarkParse)
      .use(remarkFrontmatter)
      .use(remarkDirective)
      .use(remarkGfm)
      .use(remarkThreatModel, {index, config, siteDir, referencePath: config.site.referencePath})
      .use(remarkRehype, {allowDangerousHtml: true})
      .use(rehypeRaw);
    const filePath = path.join(siteDir, model.file);
    const file = new VFile({path: filePath, value: fs.readFileSync(filePath, 'utf8')});
    const tree = (await processor.run(processor.parse(file), file)) as HastRoot;
    out.push({file: model.file, tree, ids: model.threats.map((t) => t.id)});
  }
  return out;
}

function checkPage(page: {file: string; tree: HastRoot; ids: string[]}): void {
  const clean = sanitize(structuredClone(page.tree), schema);
  assert.deepEqual(shape(clean), shape(page.tree), `${page.file}: the sanitizer would change the page`);
  const elementIds: string[] = [];
  visit(page.tree, 'element', (node: Element) => {
    for (const [name, value] of Object.entries(node.properties ?? {})) {
      assert.doesNotMatch(name, /^on/i, `${page.file}: <${node.tagName} ${name}>`);
      if (typeof value === 'string') assert.doesNotMatch(value.replace(/[\s\u0000-\u001f]/g, ''), /^(javascript|vbscript|data:text):/i);
    }
    assert.notEqual(node.tagName, 'script');
    if (typeof node.properties?.id === 'string') elementIds.push(node.properties.id);
  });
  // mdast-util-to-hast gives headings no id here (Docusaurus's `headings` plugin does); the threat
  // headings carry their ID as text, and each threat has its field table.
  const tables = [];
  visit(page.tree, 'element', (node: Element) => {
    if (node.tagName === 'dl' && (node.properties?.className as string[] | undefined)?.includes('tm-fields')) tables.push(node);
  });
  assert.equal(tables.length, page.ids.length, `${page.file}: one field table per threat`);
  assert.equal(new Set(elementIds).size, elementIds.length, `${page.file}: duplicate ids`);
}

test('accepted files render as read', async (t) => {
  await t.test('the real content', async () => {
    const config = await readConfigFile(undefined, repo);
    const pages = await render(repo, config);
    assert.equal(pages.length, config.useCases.length);
    for (const page of pages) checkPage(page);
  });

  await t.test('should fail a page that the sanitizer would change', () => {
    const tree: HastRoot = {type: 'root', children: [{type: 'element', tagName: 'div', properties: {className: ['navbar-sidebar__backdrop']}, children: []}]};
    assert.throws(() => checkPage({file: 'x.md', tree, ids: []}), /the sanitizer would change the page/);
  });

  for (const name of cases.filter((c) => readCase(c).expect === 'accepted')) {
    await t.test(`contributed case ${name}`, async () => {
      const dir = materialise(name);
      try {
        const config = await readConfigFile(configFile, dir);
        const pages = await render(dir, config);
        assert.equal(pages.reduce((n, p) => n + p.ids.length, 0), readCase(name).threats);
        for (const page of pages) checkPage(page);
      } finally {
        fs.rmSync(dir, {recursive: true, force: true});
      }
    });
  }
});
