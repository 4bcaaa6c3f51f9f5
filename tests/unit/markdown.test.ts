/**
 * The check parses in the dialect the site renders: the same syntax packages
 * that Docusaurus's MDX loader loads, resolved to the same files.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import test from 'node:test';
import {parseMarkdown, SITE_SYNTAX_PLUGINS} from '../../plugins/threat-model/lib/markdown';

const repo = path.join(__dirname, '..', '..');
const fromRepo = createRequire(path.join(repo, 'package.json'));
const fromLoader = createRequire(fromRepo.resolve('@docusaurus/mdx-loader/package.json'));

/** The folder Node.js loads package `name` from, for `req` (ESM-only packages export no `package.json`). */
function packageDir(req: NodeJS.Require, name: string): string {
  const dir = (req.resolve.paths(name) ?? []).map((p) => path.join(p, name)).find((p) => fs.existsSync(path.join(p, 'package.json')));
  assert.ok(dir, `${name} is installed`);
  return fs.realpathSync(dir);
}

test('the Markdown dialect', async (t) => {
  await t.test('should use the syntax packages Docusaurus loads, at the same paths', () => {
    const processor = fs.readFileSync(fromRepo.resolve('@docusaurus/mdx-loader/lib/processor.js'), 'utf8');
    for (const name of [...SITE_SYNTAX_PLUGINS, 'remark-parse']) {
      if (name !== 'remark-parse') assert.match(processor, new RegExp(`import\\('${name}'\\)`), `Docusaurus loads ${name}`);
      const theirs = name === 'remark-parse'
        ? packageDir(createRequire(path.join(packageDir(fromLoader, '@mdx-js/mdx'), 'package.json')), name)
        : packageDir(fromLoader, name);
      assert.equal(packageDir(fromRepo, name), theirs, name);
    }
  });

  await t.test('should read GFM, directives and front matter as the site does', () => {
    const tree = parseMarkdown('---\na: 1\n---\n\n| a |\n| - |\n| b |\n\n:::note\nx\n:::\n\nwww.nodejs.org ~~old~~\n');
    assert.deepEqual(tree.children.map((n) => n.type), ['yaml', 'table', 'containerDirective', 'paragraph']);
    const paragraph = tree.children[3] as {children: Array<{type: string}>};
    assert.deepEqual(paragraph.children.map((n) => n.type), ['link', 'text', 'delete']);
  });

  await t.test('should give the very tree Docusaurus\'s own Markdown processor parses, positions included', async () => {
    // The page compiler reuses the load's trees (tree-store.ts): they must be what Docusaurus would have parsed.
    const {createProcessorUncached} = fromRepo('@docusaurus/mdx-loader/lib/processor') as {
      createProcessorUncached: (p: {options: unknown; format: 'md'}) => Promise<{process: (x: {content: string; filePath: string; frontMatter: object; compilerName: string}) => Promise<unknown>}>;
    };
    let captured: unknown;
    const stop = new Error('captured');
    const capture = () => (tree: unknown) => {
      captured = JSON.parse(JSON.stringify(tree));
      throw stop;
    };
    const processor = await createProcessorUncached({
      format: 'md',
      options: {
        beforeDefaultRemarkPlugins: [capture], remarkPlugins: [], rehypePlugins: [], recmaPlugins: [], admonitions: false, staticDirs: [], siteDir: repo,
        markdownConfig: {format: 'detect', mermaid: false, emoji: false, anchors: {maintainCase: false}, hooks: {}, mdx1Compat: {}},
      },
    });
    const folders = [path.join(repo, 'threat-models'), path.join(repo, 'tests', 'fixtures', 'shared', 'threat-models')];
    const files = folders.flatMap((dir) => fs.readdirSync(dir).map((f) => path.join(dir, f)));
    assert.ok(files.length >= 7);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      await assert.rejects(processor.process({content: text, filePath: file, frontMatter: {}, compilerName: 'client'}), (e) => e === stop);
      assert.deepEqual(JSON.parse(JSON.stringify(parseMarkdown(text))), captured, file);
    }
  });
});
