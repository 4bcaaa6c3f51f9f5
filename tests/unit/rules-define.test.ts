/**
 * A rule's definition: its id, description and default severity as given,
 * and its documentation, the RULES.md entry anchored at its id.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {defineRule, RULES_DOC} from '../../plugins/threat-model/lib/rules/define';

test('rule definition', async (t) => {
  await t.test('should document rules in the plugin\'s RULES.md', () => {
    assert.equal(RULES_DOC, 'https://github.com/threat-model-site/threat-model-site/blob/main/plugins/threat-model/RULES.md');
  });

  await t.test('should keep what it is given and anchor the documentation at the id', () => {
    assert.deepEqual(defineRule({id: 'some-rule', description: 'Finds something.', severity: 'warning'}), {
      id: 'some-rule',
      description: 'Finds something.',
      severity: 'warning',
      anchor: 'some-rule',
      url: `${RULES_DOC}#some-rule`,
    });
  });

  await t.test('should keep an error severity', () => {
    const rule = defineRule({id: 'other', description: 'Finds another thing.', severity: 'error'});
    assert.equal(rule.severity, 'error');
    assert.equal(rule.url, 'https://github.com/threat-model-site/threat-model-site/blob/main/plugins/threat-model/RULES.md#other');
  });

  await t.test('should return a new object, leaving the input alone', () => {
    const input = {id: 'x', description: 'Finds x.', severity: 'error' as const};
    const rule = defineRule(input);
    assert.notEqual(rule, input);
    assert.deepEqual(input, {id: 'x', description: 'Finds x.', severity: 'error'});
  });
});
