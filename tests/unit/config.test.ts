/** `loadConfig`: the configuration is validated once, with readable errors. */
import assert from 'node:assert/strict';
import test from 'node:test';
import siteConfig from '../../threat-model.config';
import {defineConfig} from '../../plugins/threat-model/lib/define-config';
import {loadConfig} from '../../plugins/threat-model/lib/config';

const web = {id: 'web', label: 'Web server', prefix: 'WEB'};
const tool = {id: 'tool', label: 'Command-line tool', prefix: 'TOOL'};
const permission = {id: '--permission', label: 'Permission model', description: 'Restricts access.', url: 'https://nodejs.org/api/permissions.html'};

/** The message of the error `loadConfig` throws. */
function problem(input: unknown, source?: string): string {
  try {
    loadConfig(input, source);
  } catch (error) {
    assert.ok(error instanceof Error);
    return error.message;
  }
  assert.fail('loadConfig accepted an invalid configuration');
}

test('loadConfig', async (t) => {
  await t.test('should accept a valid configuration and fill in the defaults', () => {
    assert.deepEqual(loadConfig({runtime: 'Node.js', useCases: [web]}), {
      runtime: 'Node.js',
      dir: 'threat-models',
      useCases: [web],
      features: [],
      review: {maxAgeDays: 365},
      dataFlows: {uncoveredFlows: 'warning'},
      site: {
        routeBasePath: 'threat-models',
        referencePath: '/reference',
        triagePath: '/is-this-a-vulnerability',
        docs: [{path: 'docs', routeBasePath: 'docs'}],
        pagesDir: 'src/pages',
        staticDirectories: ['static'],
      },
    });
    const config = loadConfig(defineConfig({runtime: 'Node.js', dir: 'models', useCases: [web, tool], features: [permission]}));
    assert.equal(config.dir, 'models');
    assert.deepEqual(config.features, [permission]);
  });

  await t.test('should accept the site configuration', () => {
    const config = loadConfig(siteConfig);
    assert.ok(config.useCases.length > 0);
    assert.ok(config.features.length > 0);
  });

  await t.test('should take the severity of uncovered flows, and refuse any other than warning or error', () => {
    assert.equal(loadConfig({runtime: 'Node.js', useCases: [web], dataFlows: {uncoveredFlows: 'error'}}).dataFlows.uncoveredFlows, 'error');
    assert.equal(
      problem({runtime: 'X', useCases: [web], dataFlows: {uncoveredFlows: 'off'}}),
      'Invalid threat-model configuration in threat-model.config.ts:\n  - dataFlows.uncoveredFlows: Invalid option: expected one of "warning"|"error"',
    );
  });

  await t.test('should reject duplicate use-case ids', () => {
    assert.equal(
      problem({runtime: 'X', useCases: [web, {...tool, id: 'web'}]}),
      'Invalid threat-model configuration in threat-model.config.ts:\n  - use case id "web" appears twice',
    );
  });

  await t.test('should reject duplicate ID prefixes', () => {
    assert.equal(
      problem({runtime: 'X', useCases: [web, {...tool, prefix: 'WEB'}]}, 'site.config.ts'),
      'Invalid threat-model configuration in site.config.ts:\n  - ID prefix "WEB" appears twice',
    );
  });

  await t.test('should reject duplicate features', () => {
    assert.equal(
      problem({runtime: 'X', useCases: [web], features: [permission, {...permission, label: 'Again'}]}),
      'Invalid threat-model configuration in threat-model.config.ts:\n  - feature "--permission" appears twice',
    );
  });

  await t.test('should list every duplicate at once', () => {
    const message = problem({runtime: 'X', useCases: [web, web, tool, tool], features: [permission, permission]});
    assert.deepEqual(message.split('\n').slice(1), [
      '  - use case id "web" appears twice',
      '  - use case id "tool" appears twice',
      '  - ID prefix "WEB" appears twice',
      '  - ID prefix "TOOL" appears twice',
      '  - feature "--permission" appears twice',
    ]);
  });

  await t.test('should name the path and the rule of each bad field', () => {
    const message = problem({
      runtime: '',
      useCases: [{id: 'Web Server', label: 'Web', prefix: 'web'}],
      features: [{...permission, url: 'not a url'}],
    });
    const lines = message.split('\n');
    assert.equal(lines[0], 'Invalid threat-model configuration in threat-model.config.ts:');
    assert.ok(lines.some((l) => /^ {2}- runtime: .*>=1 character/i.test(l)), message);
    assert.ok(lines.includes('  - useCases.0.id: use lowercase letters, digits and dashes'), message);
    assert.ok(lines.includes('  - useCases.0.prefix: use uppercase letters and digits'), message);
    assert.ok(lines.some((l) => /^ {2}- features\.0\.url: .*URL/i.test(l)), message);
    assert.equal(lines.length, 5);
  });

  await t.test('should reject missing fields and wrong shapes', () => {
    assert.match(problem({runtime: 'X'}), /^ {2}- useCases: .*expected array, received undefined$/m);
    assert.match(problem({runtime: 'X', useCases: []}), /^ {2}- useCases: .*>=1 items?$/m);
    assert.match(problem({runtime: 'X', useCases: [{id: 'web'}]}), /^ {2}- useCases\.0\.label: .*expected string, received undefined$/m);
    assert.match(problem({runtime: 'X', useCases: 'web'}), /^ {2}- useCases: .*expected array, received string$/m);
    assert.match(problem({runtime: 42, useCases: [web]}), /^ {2}- runtime: .*expected string, received number$/m);
  });

  await t.test('should reject a value that is not an object at all', () => {
    for (const input of [undefined, null, 'threat-model.config.ts', []]) {
      assert.match(problem(input), /^Invalid threat-model configuration in threat-model\.config\.ts:\n {2}- \(root\): .*expected object/, String(input));
    }
  });
});
