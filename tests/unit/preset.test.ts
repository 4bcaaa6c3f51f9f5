/**
 * `threatModelSite()`: everything a site adds in one call. It validates the
 * content configuration, then gives a docs instance over the threat-model
 * folder (the remark plugin with its options, the sanitizer), the plugin
 * function itself with its options, and the front-matter hook.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseFrontMatter} from '../../plugins/threat-model/lib/front-matter-hook';
import threatModelPlugin from '../../plugins/threat-model/lib/plugin';
import {threatModelSite} from '../../plugins/threat-model/lib/preset';
import remarkThreatModel from '../../plugins/threat-model/lib/remark';
import rehypeSanitizeThreatModel from '../../plugins/threat-model/lib/sanitize';

const siteDir = path.join(__dirname, '..', 'fixtures', 'shared');

type DocsEntry = [string, Record<string, unknown> & {beforeDefaultRemarkPlugins: Array<[unknown, Record<string, unknown>]>; rehypePlugins: unknown[]}];
type PluginEntry = [unknown, Record<string, unknown>];

function entries(site: ReturnType<typeof threatModelSite>): {docs: DocsEntry; plugin: PluginEntry} {
  assert.equal(site.plugins.length, 2);
  const [docs, plugin] = site.plugins as unknown as [DocsEntry, PluginEntry];
  return {docs, plugin};
}

test('threatModelSite', async (t) => {
  await t.test('should give the validated configuration, with defaults filled in', () => {
    const site = threatModelSite({siteDir, config: fixtureConfig});
    assert.deepEqual(site.config, loadConfig(fixtureConfig));
    assert.equal(site.config.site.routeBasePath, 'threat-models');
    assert.equal(site.config.site.referencePath, '/reference');
  });

  await t.test('should refuse an invalid configuration with the validator error', () => {
    assert.throws(
      () => threatModelSite({siteDir, config: {...fixtureConfig, useCases: [...fixtureConfig.useCases, {id: 'web', label: 'Again', prefix: 'AGAIN'}]}}),
      {message: 'Invalid threat-model configuration in threat-model.config.ts:\n  - use case id "web" appears twice'},
    );
  });

  await t.test('should hand out the front-matter hook the check uses', () => {
    assert.equal(threatModelSite({siteDir, config: fixtureConfig}).parseFrontMatter, parseFrontMatter);
  });

  await t.test('should add a docs instance over the threat-model folder with the remark plugin and the sanitizer', () => {
    const {docs} = entries(threatModelSite({siteDir, config: fixtureConfig}));
    const [name, options] = docs;
    assert.equal(name, '@docusaurus/plugin-content-docs');
    assert.equal(options.id, 'threat-models');
    assert.equal(options.path, 'threat-models');
    assert.equal(options.routeBasePath, 'threat-models');
    assert.deepEqual(options.rehypePlugins, [rehypeSanitizeThreatModel]);
    assert.equal(options.beforeDefaultRemarkPlugins.length, 1);
    const [remark, remarkOptions] = options.beforeDefaultRemarkPlugins[0]!;
    assert.equal(remark, remarkThreatModel);
    assert.equal(remarkOptions.siteDir, siteDir);
    assert.equal(remarkOptions.referencePath, '/reference');
    assert.equal(remarkOptions.pluginId, 'default');
    assert.deepEqual(remarkOptions.config, loadConfig(fixtureConfig));
  });

  await t.test('should give the remark options a stable cache key that changes with the configuration', () => {
    const key = (config: typeof fixtureConfig) => JSON.stringify(entries(threatModelSite({siteDir, config})).docs[1].beforeDefaultRemarkPlugins[0]![1]);
    assert.match(key(fixtureConfig), /^\{"threatModelContent":"[0-9a-f]{64}"\}$/);
    assert.equal(key(fixtureConfig), key({...fixtureConfig}));
    assert.notEqual(key(fixtureConfig), key({...fixtureConfig, runtime: 'Deno'}));
  });

  await t.test('should add the plugin function itself, with the configuration and the docs instance id', () => {
    const site = threatModelSite({siteDir, config: fixtureConfig});
    const {plugin} = entries(site);
    assert.equal(plugin[0], threatModelPlugin);
    assert.deepEqual(plugin[1], {config: site.config, docsPluginId: 'threat-models'});
    assert.equal('cacheFile' in plugin[1], false);
  });

  await t.test('should pass the docs instance id, the cache file and the site layout through', () => {
    const config = {...fixtureConfig, dir: 'models', site: {routeBasePath: 'security/models', referencePath: '/security'}};
    const site = threatModelSite({siteDir, config, docsPluginId: 'models', cacheFile: false});
    const {docs, plugin} = entries(site);
    assert.equal(docs[1].id, 'models');
    assert.equal(docs[1].path, 'models');
    assert.equal(docs[1].routeBasePath, 'security/models');
    assert.equal(docs[1].beforeDefaultRemarkPlugins[0]![1].referencePath, '/security');
    assert.deepEqual(plugin[1], {config: site.config, docsPluginId: 'models', cacheFile: false});
    const withFile = entries(threatModelSite({siteDir, config: fixtureConfig, cacheFile: '.cache/parse.json'})).plugin;
    assert.equal(withFile[1].cacheFile, '.cache/parse.json');
  });

  await t.test('should merge extra docs options without letting them replace the threat-model plugins', () => {
    const site = threatModelSite({
      siteDir,
      config: fixtureConfig,
      docs: {sidebarPath: './sidebars.ts', editUrl: 'https://example.com/edit', rehypePlugins: [], beforeDefaultRemarkPlugins: []},
    });
    const [, options] = entries(site).docs;
    assert.equal(options.sidebarPath, './sidebars.ts');
    assert.equal(options.editUrl, 'https://example.com/edit');
    assert.deepEqual(options.rehypePlugins, [rehypeSanitizeThreatModel]);
    assert.equal(options.beforeDefaultRemarkPlugins[0]![0], remarkThreatModel);
  });
});
