/**
 * `defineConfig()` only gives `threat-model.config.ts` its type checking: it
 * returns the very object it is given, neither validated nor completed with
 * defaults, so pages can import the configuration without the validator.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig, type ConfigInput} from '../../plugins/threat-model/lib/config';
import {defineConfig} from '../../plugins/threat-model/lib/define-config';

test('defineConfig', async (t) => {
  await t.test('should return the very object it is given, unchanged', () => {
    const input = {runtime: 'Node.js', dir: 'threat-models', useCases: [{id: 'web', label: 'Web server', prefix: 'WEB'}], features: []};
    const before = structuredClone(input);
    const result = defineConfig(input);
    assert.equal(result, input);
    assert.deepEqual(result, before);
    assert.equal(Object.isFrozen(result), false);
  });

  await t.test('should add none of the defaults that validation fills in', () => {
    const input = defineConfig({runtime: 'Node.js', dir: 'threat-models', useCases: [{id: 'web', label: 'Web server', prefix: 'WEB'}], features: []});
    assert.deepEqual(Object.keys(input), ['runtime', 'dir', 'useCases', 'features']);
    assert.equal('site' in input, false);
    assert.equal('site' in loadConfig(input), true);
  });

  await t.test('should not validate: an invalid configuration comes back as it went in and fails only in loadConfig', () => {
    const invalid = {runtime: 'Node.js', dir: 'threat-models', useCases: [{id: 'web', label: 'Web', prefix: 'WEB'}, {id: 'web', label: 'Again', prefix: 'AGAIN'}], features: []};
    assert.equal(defineConfig(invalid as ConfigInput), invalid);
    assert.throws(() => loadConfig(invalid), {message: 'Invalid threat-model configuration in threat-model.config.ts:\n  - use case id "web" appears twice'});
  });

  await t.test('should give the fixture configuration as written, which then validates', () => {
    assert.equal(fixtureConfig.runtime, 'Node.js');
    assert.deepEqual(fixtureConfig.useCases.map((u) => u.prefix), ['WEB', 'TOOL']);
    assert.equal('site' in fixtureConfig, false);
    assert.deepEqual(loadConfig(fixtureConfig).useCases, fixtureConfig.useCases);
  });
});
