/**
 * The registry of rules: one list of every rule, each defined once, in the
 * contributing page's order, and a lookup by name that gives the same
 * definitions. Every finding's URL and default severity come from it.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {diagnostic} from '../../plugins/threat-model/lib/diagnostics';
import {RULES_DOC} from '../../plugins/threat-model/lib/rules/define';
import {RULE_LIST, RULES} from '../../plugins/threat-model/lib/rules/registry';

test('rule registry', async (t) => {
  await t.test('should list fifty-eight rules, each id once, starting with the front matter and ending with the data-flow rules', () => {
    const ids = RULE_LIST.map((r) => r.id);
    assert.equal(ids.length, 58);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids.slice(0, 3), ['no-front-matter', 'yaml-syntax', 'invalid-front-matter']);
    assert.deepEqual(ids.slice(-8), ['stale-review', 'unknown-zone', 'zone-cycle', 'dangling-flow', 'boundary-mismatch', 'unknown-element', 'unknown-flow', 'uncovered-flow']);
  });

  await t.test('should name rules in lowercase words joined by dashes', () => {
    for (const rule of RULE_LIST) assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/, rule.id);
  });

  await t.test('should look up each rule by name as the same definition', () => {
    assert.deepEqual(Object.keys(RULES), RULE_LIST.map((r) => r.id));
    for (const rule of RULE_LIST) assert.equal(RULES[rule.id], rule);
    assert.equal((RULES as Record<string, unknown>)['no-such-rule'], undefined);
  });

  await t.test('should anchor each rule\'s documentation at its id', () => {
    for (const rule of RULE_LIST) {
      assert.equal(rule.anchor, rule.id);
      assert.equal(rule.url, `${RULES_DOC}#${rule.id}`);
    }
  });

  await t.test('should make only section order, a covered not-applicable category, a stale review and an uncovered flow warnings', () => {
    assert.deepEqual(RULE_LIST.filter((r) => r.severity !== 'error').map((r) => r.id), ['section-order', 'not-applicable-covered', 'stale-review', 'uncovered-flow']);
    assert.equal(RULES['duplicate-id'].severity, 'error');
  });

  await t.test('should give findings their rule\'s URL and default severity', () => {
    const warning = diagnostic('threat-models/web.md', undefined, 'section-order', 'Out of order', 'Move it.');
    const error = diagnostic('threat-models/web.md', undefined, 'broken-link', 'Broken', 'Fix it.');
    assert.deepEqual([warning.severity, warning.url], [RULES['section-order'].severity, RULES['section-order'].url]);
    assert.deepEqual([error.severity, error.url], [RULES['broken-link'].severity, RULES['broken-link'].url]);
  });

  await t.test('should describe each rule in one sentence', () => {
    for (const rule of RULE_LIST) assert.match(rule.description, /^[A-Z`].*\.$/s, rule.id);
    assert.equal(RULES['duplicate-id'].description, 'Two threats share one ID.');
  });
});
