/**
 * Reuse of parse results: the content-keyed cache between runs, and the
 * remark plugin taking a file's model from the index instead of re-parsing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {loadConfig, loadThreatModels} from '../../plugins/threat-model/index';
import {openParseCache} from '../../plugins/threat-model/lib/parse-cache';
import remarkThreatModel from '../../plugins/threat-model/lib/remark';
import type {ThreatIndex} from '../../plugins/threat-model/lib/types';
import fixtureConfig from '../fixtures/threat-model.config';

const config = loadConfig(fixtureConfig);
const validSite = path.join(__dirname, '../fixtures/shared');

function copySite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-cache-'));
  fs.cpSync(validSite, dir, {recursive: true});
  return dir;
}

test('parse cache', async (t) => {
  await t.test('should give the same result from the cache as from a fresh parse', () => {
    const site = copySite();
    const cacheFile = path.join(site, 'cache/parse.json');
    const fresh = loadThreatModels('threat-models', config, site);
    const first = loadThreatModels('threat-models', config, site, {cacheFile});
    assert.ok(fs.existsSync(cacheFile), 'the cache is written');
    const second = loadThreatModels('threat-models', config, site, {cacheFile});
    assert.deepEqual(first, fresh);
    assert.deepEqual(second, fresh);
  });

  await t.test('should serve an entry only for the same content, and only under the same salt', () => {
    const site = copySite();
    const cacheFile = path.join(site, 'parse.json');
    const cache = openParseCache(cacheFile, config);
    const result = {diagnostics: []};
    cache.set('threat-models/web.md', 'digest-a', result);
    cache.save();
    const reopened = openParseCache(cacheFile, config);
    assert.deepEqual(reopened.get('threat-models/web.md', 'digest-a'), result);
    assert.equal(reopened.get('threat-models/web.md', 'digest-b'), undefined, 'changed content misses');
    const otherConfig = loadConfig({...fixtureConfig, runtime: 'Other'});
    assert.equal(openParseCache(cacheFile, otherConfig).get('threat-models/web.md', 'digest-a'), undefined, 'new salt starts empty');
  });

  await t.test('should pick up an edited file on the next run', () => {
    const site = copySite();
    const cacheFile = path.join(site, 'parse.json');
    loadThreatModels('threat-models', config, site, {cacheFile});
    const file = path.join(site, 'threat-models/web.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^- Severity: \w+$/m, '- Severity: severe'));
    const {diagnostics} = loadThreatModels('threat-models', config, site, {cacheFile});
    assert.ok(diagnostics.some((d) => d.id === 'threat-model:invalid-value' && d.message.includes('"severe"')));
  });
});
