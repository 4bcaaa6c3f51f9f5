/**
 * The load's parsed trees, reused by the page compiler: only for exactly
 * the text they were parsed from, a copy for the first compilation and the
 * tree itself for the second, and the page the same either way.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import type {Root} from 'mdast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseThreatModel} from '../../plugins/threat-model/lib/parse';
import remarkThreatModel from '../../plugins/threat-model/lib/remark';
import {treeStore} from '../../plugins/threat-model/lib/tree-store';

const config = loadConfig(fixtureConfig);
const siteDir = path.join(__dirname, '..', 'fixtures', 'shared');
const filePath = path.join(siteDir, 'threat-models', 'web.md');
const text = fs.readFileSync(filePath, 'utf8');

async function compile(source: string): Promise<{tree: Root; parsed: boolean}> {
  const {unified} = await import('unified');
  const {default: remarkParse} = await import('remark-parse');
  const {default: remarkFrontmatter} = await import('remark-frontmatter');
  const {default: remarkDirective} = await import('remark-directive');
  const {default: remarkGfm} = await import('remark-gfm');
  const {VFile} = await import('vfile');
  let parsed = false;
  // Counts the parses that reach Docusaurus's parser (remark-parse here).
  function countParses(this: unknown) {
    const self = this as {parser: (doc: string, file: unknown) => Root};
    const parse = self.parser;
    self.parser = (doc, file) => ((parsed = true), parse(doc, file));
  }
  const processor = unified().use(remarkParse).use(countParses)
    .use(remarkThreatModel, {config, siteDir, referencePath: '/reference', pluginId: 'default'})
    .use(remarkFrontmatter).use(remarkDirective).use(remarkGfm);
  const file = new VFile({path: filePath, value: source});
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  return {tree, parsed};
}

test('tree store', async (t) => {
  await t.test('should hand a kept tree to the next compilation of the same text, then parse again', async () => {
    treeStore().clear();
    const baseline = await compile(text);
    assert.equal(baseline.parsed, true);
    parseThreatModel(text, 'threat-models/web.md', config, treeStore());
    const first = await compile(text);
    const second = await compile(text);
    assert.deepEqual([first.parsed, second.parsed], [false, true]);
    // The page is the same whichever way its tree came.
    for (const run of [first, second]) assert.deepEqual(JSON.parse(JSON.stringify(run.tree)), JSON.parse(JSON.stringify(baseline.tree)));
  });

  await t.test('should never hand a tree to a different text', async () => {
    treeStore().clear();
    parseThreatModel(text, 'threat-models/web.md', config, treeStore());
    const edited = await compile(text.replace('Request smuggling', 'Request splitting'));
    assert.equal(edited.parsed, true);
    assert.match(JSON.stringify(edited.tree), /Request splitting/);
    treeStore().clear();
  });
});
