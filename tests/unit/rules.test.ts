/**
 * The rule registry: one module per rule in `lib/rules/definitions/`, one
 * list, and the documentation that comes from it (RULES.md, pinned here;
 * `UPDATE=1` rewrites it). The contributing page's table and the fixture
 * check read the same list (fixtures.test.ts, contributed.test.ts).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import {RULES_DOC} from '../../plugins/threat-model/lib/rules/define';
import {RULE_LIST, RULES} from '../../plugins/threat-model/lib/rules/registry';

const plugin = path.join(__dirname, '..', '..', 'plugins', 'threat-model');
const definitions = path.join(plugin, 'lib', 'rules', 'definitions');

function rulesDoc(): string {
  const lines = [
    '# Rules of `threat-model-check`',
    '',
    '<!-- Generated from lib/rules/definitions/ by tests/unit/rules.test.ts (UPDATE=1). -->',
    '',
    'Every finding names one of these rules as `threat-model:<rule>`, with the file, line and column, what is wrong and a hint to fix it.',
    'Errors fail the check and the build; warnings are reported and do not.',
    '',
  ];
  for (const rule of RULE_LIST) {
    lines.push(`## ${rule.id}`, '', rule.description, '', `Severity: ${rule.severity}.`, '');
  }
  return lines.join('\n');
}

test('rule registry', async (t) => {
  await t.test('should hold one module per rule, named after its id', () => {
    const files = fs.readdirSync(definitions).map((f) => f.replace(/\.ts$/, '')).sort();
    assert.deepEqual(files, RULE_LIST.map((r) => r.id).sort());
    assert.equal(new Set(RULE_LIST.map((r) => r.id)).size, RULE_LIST.length, 'no id twice');
  });

  await t.test('should give each rule a description, a default severity and a documentation URL', () => {
    for (const rule of RULE_LIST) {
      assert.match(rule.description, /^[A-Z].*\.$/, rule.id);
      assert.ok(rule.severity === 'error' || rule.severity === 'warning', rule.id);
      assert.equal(rule.url, `${RULES_DOC}#${rule.id}`);
      assert.equal(RULES[rule.id], rule);
    }
    assert.deepEqual(RULE_LIST.filter((r) => r.severity === 'warning').map((r) => r.id), ['section-order', 'not-applicable-covered', 'stale-review', 'uncovered-flow']);
  });

  await t.test('should match RULES.md, where each rule\'s URL leads', () => {
    const file = path.join(plugin, 'RULES.md');
    if (process.env.UPDATE) fs.writeFileSync(file, rulesDoc());
    assert.equal(fs.readFileSync(file, 'utf8'), rulesDoc());
    // GitHub's anchor of `## <id>` is the id itself.
    for (const rule of RULE_LIST) assert.ok(fs.readFileSync(file, 'utf8').includes(`\n## ${rule.id}\n`), rule.id);
  });
});
