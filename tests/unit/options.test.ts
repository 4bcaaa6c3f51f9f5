/**
 * The plugin's options (`validateOptions`, Starlight-style errors) and the
 * remark plugin's compact options (the MDX loader's cache key).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {normalizeOptions, OptionsError} from '../../plugins/threat-model/lib/options';
import threatModelPlugin, {validateOptions} from '../../plugins/threat-model/lib/plugin';
import {threatModelSite} from '../../plugins/threat-model/lib/preset';
import {remarkThreatModelOptions} from '../../plugins/threat-model/lib/remark';
import contentConfig from '../../threat-model.config';

const siteDir = path.resolve(__dirname, '../..');
const config = loadConfig(contentConfig);

function problems(input: unknown): string {
  try {
    normalizeOptions(input);
  } catch (error) {
    assert.ok(error instanceof OptionsError);
    assert.doesNotMatch(error.stack ?? '', /^\s+at /m, 'no stack trace');
    return error.message;
  }
  assert.fail('the options were accepted');
}

test('plugin options', async (t) => {
  await t.test('should fill in every default', () => {
    const options = normalizeOptions({config: contentConfig});
    assert.equal(options.id, 'default');
    assert.equal(options.docsPluginId, 'threat-models');
    assert.equal(options.cacheFile, 'node_modules/.cache/threat-model/parse-cache.json');
    assert.deepEqual(options.config, config);
  });

  await t.test('should be what validateOptions returns to Docusaurus', () => {
    const options = validateOptions({options: {config: contentConfig, cacheFile: false}, validate: () => assert.fail('Joi is not used')});
    assert.equal(options.cacheFile, false);
  });

  await t.test('should be validated when the site lists the plugin function, as threatModelSite() does', () => {
    const [, entry] = threatModelSite({siteDir, config: contentConfig}).plugins as Array<[typeof threatModelPlugin, unknown]>;
    assert.equal(entry![0], threatModelPlugin);
    assert.equal((entry![0] as unknown as {validateOptions: unknown}).validateOptions, validateOptions);
  });

  await t.test('should name a misspelt option and suggest the real one', () => {
    assert.equal(
      problems({config: contentConfig, docsPluginID: 'x'}),
      'Invalid options for docusaurus-plugin-threat-model:\n' +
        '  - (options): unknown option "docsPluginID" (did you mean "docsPluginId"?)\n' +
        '    hint: Known options: id, config, docsPluginId, cacheFile.',
    );
  });

  await t.test('should say where in the content configuration a value is wrong, with a hint', () => {
    const message = problems({config: {...contentConfig, useCases: [{id: 'Server', label: 'Server', prefix: 'SRV'}]}});
    assert.match(message, /^ {2}- config\.useCases\.0\.id: use lowercase letters, digits and dashes\n {4}hint: Pass the default export of threat-model\.config\.ts/m);
  });

  await t.test('should refuse a missing configuration and a cache file of the wrong type', () => {
    const message = problems({cacheFile: true});
    assert.match(message, /- config: .*\n {4}hint: Pass the default export/);
    assert.match(message, /- cacheFile: .*\n {4}hint: Give a file path, or `false` to turn the cache off\./);
  });
});

test('remark plugin options', async (t) => {
  const base = {config, siteDir, referencePath: '/reference', pluginId: 'default'};

  await t.test('should serialise to a digest (they ship in the site config)', () => {
    assert.match(JSON.stringify(remarkThreatModelOptions(base)), /^\{"threatModelContent":"[0-9a-f]{64}"\}$/);
  });

  await t.test('should change the digest with what a page depends on besides its file (it is the loader cache key)', () => {
    const before = JSON.stringify(remarkThreatModelOptions(base));
    assert.equal(JSON.stringify(remarkThreatModelOptions({...base})), before, 'stable');
    const renamed = loadConfig({...contentConfig, runtime: 'Deno'});
    assert.notEqual(JSON.stringify(remarkThreatModelOptions({...base, config: renamed})), before, 'configuration');
    assert.notEqual(JSON.stringify(remarkThreatModelOptions({...base, referencePath: '/all'})), before, 'reference path');
  });
});
