/**
 * The SARIF 2.1.0 report for GitHub code scanning: one run whose driver
 * lists every rule of the registry (id, name, description, help URL and
 * default level), and one result per finding pointing at the rule by index,
 * with its level, message (reason and hint) and a location relative to
 * `%SRCROOT%`, its range when it has one.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {diagnostic} from '../../plugins/threat-model/lib/diagnostics';
import {RULES_DOC} from '../../plugins/threat-model/lib/rules/define';
import {RULE_LIST} from '../../plugins/threat-model/lib/rules/registry';
import {formatSarif, toSarif} from '../../plugins/threat-model/lib/report/sarif';

interface Run {
  tool: {driver: {name: string; rules: Array<{id: string; name: string; shortDescription: {text: string}; helpUri: string; defaultConfiguration: {level: string}}>}};
  originalUriBaseIds: Record<string, unknown>;
  results: Array<Record<string, unknown>>;
}
const runOf = (log: Record<string, unknown>) => (log.runs as Run[])[0]!;

test('SARIF report', async (t) => {
  await t.test('should be a SARIF 2.1.0 log of one run by threat-model-check', () => {
    const log = toSarif([]);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal((log.runs as Run[]).length, 1);
    const run = runOf(log);
    assert.equal(run.tool.driver.name, 'threat-model-check');
    assert.deepEqual(run.originalUriBaseIds, {'%SRCROOT%': {description: {text: 'The repository root.'}}});
    assert.deepEqual(run.results, []);
  });

  await t.test('should list every rule of the registry, in its order', () => {
    const {rules} = runOf(toSarif([])).tool.driver;
    assert.equal(rules.length, RULE_LIST.length);
    assert.deepEqual(rules.map((r) => r.name), RULE_LIST.map((r) => r.id));
    const order = rules.find((r) => r.name === 'section-order')!;
    assert.deepEqual(order, {
      id: 'threat-model:section-order',
      name: 'section-order',
      shortDescription: {text: RULE_LIST.find((r) => r.id === 'section-order')!.description},
      helpUri: `${RULES_DOC}#section-order`,
      defaultConfiguration: {level: 'warning'},
    });
    assert.equal(rules.find((r) => r.name === 'duplicate-id')!.defaultConfiguration.level, 'error');
  });

  await t.test('should give each finding its rule index, level, message and range', () => {
    const d = diagnostic('threat-models/web.md', {start: {line: 3, column: 2}, end: {line: 4, column: 9}}, 'unknown-field', 'Unknown field "Sevrity"', 'Did you mean "Severity"?');
    const run = runOf(toSarif([d]));
    assert.deepEqual(run.results, [{
      ruleId: 'threat-model:unknown-field',
      ruleIndex: RULE_LIST.findIndex((r) => r.id === 'unknown-field'),
      level: 'error',
      message: {text: 'Unknown field "Sevrity". Did you mean "Severity"?'},
      locations: [{physicalLocation: {
        artifactLocation: {uri: 'threat-models/web.md', uriBaseId: '%SRCROOT%'},
        region: {startLine: 3, startColumn: 2, endLine: 4, endColumn: 9},
      }}],
    }]);
    assert.equal(run.tool.driver.rules[run.results[0]!.ruleIndex as number]!.id, 'threat-model:unknown-field');
  });

  await t.test('should give a point finding a start only, and a finding\'s own severity as its level', () => {
    const d = diagnostic('threat-models/tool.md', undefined, 'missing-field', 'Missing field "Severity"', 'Add it.', 'warning');
    const [result] = runOf(toSarif([d])).results;
    assert.equal(result!.level, 'warning');
    assert.deepEqual((result!.locations as Array<{physicalLocation: {region: unknown}}>)[0]!.physicalLocation.region, {startLine: 1, startColumn: 1});
  });

  await t.test('should print the log as indented JSON ending in a line break', () => {
    const d = diagnostic('threat-models/web.md', {line: 5, column: 1}, 'section-order', 'Out of order', 'Move it.');
    const text = formatSarif([d]);
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.startsWith('{\n  "$schema": '));
    assert.deepEqual(JSON.parse(text), toSarif([d]));
  });
});
