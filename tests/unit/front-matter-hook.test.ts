/**
 * The site's `markdown.parseFrontMatter` and the plugin's demand for it:
 * every Markdown page's front matter goes through the check's reader.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type {LoadContext} from '@docusaurus/types';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {FrontMatterError, parseFrontMatter} from '../../plugins/threat-model/lib/front-matter-hook';
import threatModelPlugin from '../../plugins/threat-model/lib/plugin';

const config = loadConfig(fixtureConfig);

function plugin(hook: unknown, markdown: Record<string, unknown> = {mdx1Compat: {comments: false, admonitions: false, headingIds: false}}) {
  const context = {siteDir: '/site', baseUrl: '/', siteConfig: {markdown: {...markdown, parseFrontMatter: hook}}} as unknown as LoadContext;
  return threatModelPlugin(context, {id: 'default', config, docsPluginId: 'threat-models', cacheFile: false});
}

test('parseFrontMatter', async (t) => {
  await t.test('should return the YAML data and the Markdown after the block', async () => {
    assert.deepEqual(await parseFrontMatter({filePath: 'docs/a.md', fileContent: '---\ntitle: A\nsidebar_position: 2\nlast_update: {date: 2026-11-01}\n---\n\n# A\n'}), {
      frontMatter: {title: 'A', sidebar_position: 2, last_update: {date: '2026-11-01'}},
      content: '\n# A\n',
    });
  });

  await t.test('should treat a file without an opening `---` as all content', async () => {
    assert.deepEqual(await parseFrontMatter({filePath: 'docs/a.md', fileContent: '+++\ntitle = "x"\n+++\n'}), {frontMatter: {}, content: '+++\ntitle = "x"\n+++\n'});
  });

  await t.test('should refuse another engine with file:line:column, the rule and a hint, and no stack trace', async () => {
    await assert.rejects(parseFrontMatter({filePath: 'docs/a.md', fileContent: '---js\n({title: 1})\n---\n'}), (error: unknown) => {
      assert.ok(error instanceof FrontMatterError);
      assert.equal(error.message, 'docs/a.md:1:4  error  Front matter asks for the "js" engine; only YAML is read  threat-model:front-matter-fence\n  hint: Make the first line exactly `---` and write the fields in YAML: other front-matter languages can run code at build time.');
      assert.doesNotMatch(error.stack ?? '', /^\s+at /m);
      return true;
    });
  });
});

test('the threat-model plugin', async (t) => {
  await t.test('should refuse a site that reads front matter with another parser', () => {
    for (const hook of [undefined, async () => ({frontMatter: {}, content: ''})]) {
      assert.throws(() => plugin(hook), /set `markdown: \{parseFrontMatter: threatModels\.parseFrontMatter\}` in docusaurus\.config\.ts/);
    }
  });

  await t.test('should refuse a site that rewrites Markdown before it is parsed', () => {
    assert.throws(() => plugin(parseFrontMatter, {preprocessor: ({fileContent}: {fileContent: string}) => fileContent}), /remove `markdown\.preprocessor`/);
    assert.throws(() => plugin(parseFrontMatter, {mdx1Compat: {headingIds: true, admonitions: true}}),
      /remove `markdown\.mdx1Compat\.headingIds` and `markdown\.mdx1Compat\.admonitions`/);
  });

  await t.test('should accept the reader', () => {
    assert.equal(plugin(parseFrontMatter).name, 'docusaurus-plugin-threat-model');
  });
});
