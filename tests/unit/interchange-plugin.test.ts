/**
 * The build's side of the interchange exports: `postBuild` writes the four
 * files beside `/threat-models.json`, with the site's URL in the threats'
 * addresses, and the reference page links them under the base URL.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, {after} from 'node:test';
import type {LoadContext, Plugin} from '@docusaurus/types';
import fixtureConfig from '../fixtures/threat-model.config';
import {parseFrontMatter} from '../../plugins/threat-model/lib/front-matter-hook';
import {INTERCHANGE_FORMATS, interchangeLinks} from '../../plugins/threat-model/lib/interchange';
import threatModelPlugin, {type LoadedContent} from '../../plugins/threat-model/lib/plugin';
import {normalizeOptions} from '../../plugins/threat-model/lib/options';
import type {ReferenceData} from '../../plugins/threat-model/lib/reference-data';
import {materialise} from './corpus';
import {validatorFor} from './interchange';

const fixtures = path.join(__dirname, '..', 'fixtures');

function temp(dir: string): string {
  after(() => fs.rmSync(dir, {recursive: true, force: true}));
  return dir;
}

async function build(baseUrl: string): Promise<{outDir: string; reference: ReferenceData}> {
  const siteDir = temp(materialise(path.join(fixtures, 'shared')));
  const outDir = temp(fs.mkdtempSync(path.join(os.tmpdir(), 'tm-out-')));
  const context = {siteDir, baseUrl, siteConfig: {url: 'https://example.org', markdown: {parseFrontMatter, mdx1Compat: {}}}} as unknown as LoadContext;
  const plugin: Plugin<LoadedContent> = threatModelPlugin(context, normalizeOptions({config: fixtureConfig, cacheFile: false}));
  const content = (await plugin.loadContent!())!;
  const routes: Array<{path: string; props?: Record<string, unknown>}> = [];
  const docs = ['web', 'tool'].map((id) => ({source: `@site/threat-models/${id}.md`, permalink: `${baseUrl}threat-models/${id}`}));
  await plugin.allContentLoaded!({
    allContent: {
      'docusaurus-plugin-threat-model': {default: content},
      'docusaurus-plugin-content-docs': {'threat-models': {loadedVersions: [{docs}]}},
    },
    actions: {addRoute: (route: (typeof routes)[number]) => routes.push(route), setGlobalData: () => undefined, createData: async (name: string) => name},
  } as never);
  await plugin.postBuild!({outDir} as never);
  return {outDir, reference: routes.find((r) => r.path === '/reference')!.props!.reference as ReferenceData};
}

test('the interchange files of a build', async (t) => {
  await t.test('should be written beside threat-models.json and validate against their schemas', async () => {
    const {outDir} = await build('/');
    const files = fs.readdirSync(outDir).sort();
    assert.deepEqual(files, ['threat-models.csv', 'threat-models.json', 'threat-models.otm.json', 'threat-models.schema.json', 'threat-models.tc.json', 'threat-models.tm-bom.json']);
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(outDir, file), 'utf8')) as unknown;
    for (const [file, schema] of [['threat-models.otm.json', 'otm-0.2.0.schema.json'], ['threat-models.tc.json', 'threat-composer-v1.schema.json'], ['threat-models.tm-bom.json', 'tm-bom-1.0.2.schema.json']] as const) {
      const validate = validatorFor(schema);
      assert.ok(validate(read(file)), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
    assert.match(fs.readFileSync(path.join(outDir, 'threat-models.csv'), 'utf8'), /,https:\/\/example\.org\/threat-models\/web#WEB-01\r\n/);
  });

  await t.test('should be linked from the reference page under the base URL', async () => {
    const {reference, outDir} = await build('/docs-site/');
    assert.deepEqual(reference.interchange, interchangeLinks('/docs-site/'));
    assert.deepEqual(reference.interchange!.map((l) => [l.label, l.path]), [
      ['OTM', '/docs-site/threat-models.otm.json'],
      ['Threat Composer', '/docs-site/threat-models.tc.json'],
      ['TM-BOM', '/docs-site/threat-models.tm-bom.json'],
      ['CSV', '/docs-site/threat-models.csv'],
    ]);
    assert.ok(Object.values(INTERCHANGE_FORMATS).every((f) => fs.existsSync(path.join(outDir, f.file))));
    assert.match(fs.readFileSync(path.join(outDir, 'threat-models.otm.json'), 'utf8'), /"tms:url": "https:\/\/example\.org\/docs-site\/threat-models\/tool#TOOL-01"/);
  });
});
