import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import {loadConfig, loadThreatModels} from '../../plugins/threat-model';
import {remarkThreatModelOptions} from '../../plugins/threat-model/lib/remark';
import contentConfig from '../../threat-model.config';

const siteDir = path.resolve(__dirname, '../..');
const config = loadConfig(contentConfig);
const {index} = loadThreatModels(config.dir, config, siteDir);

test('remark plugin options', async (t) => {
  await t.test('should serialise to a digest, not the whole index (it ships in the site config)', () => {
    const options = remarkThreatModelOptions({index, config, siteDir, referencePath: '/reference'});
    const json = JSON.stringify(options);
    assert.match(json, /^\{"threatModelIndex":"[0-9a-f]{64}"\}$/);
    assert.ok(JSON.stringify(index).length > 10_000, 'the real index is large');
    assert.equal(options.index, index, 'the plugin still receives the index itself');
  });

  await t.test('should change its digest when any threat changes (it is the loader cache key)', () => {
    const before = JSON.stringify(remarkThreatModelOptions({index, config, siteDir, referencePath: '/reference'}));
    const changed = structuredClone(index);
    changed.models[0]!.threats[0]!.title += ' (renamed)';
    const after = JSON.stringify(remarkThreatModelOptions({index: changed, config, siteDir, referencePath: '/reference'}));
    assert.notEqual(after, before);
  });
});
