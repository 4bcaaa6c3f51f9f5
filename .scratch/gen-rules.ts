import fs from 'node:fs';
import path from 'node:path';
import {RULES} from '../plugins/threat-model/lib/diagnostics';
const dir = path.join(__dirname, '../plugins/threat-model/lib/rules/definitions');
const WARN = new Set(['section-order', 'not-applicable-covered']);
const names = Object.keys(RULES) as Array<keyof typeof RULES>;
for (const name of names) {
  const description = RULES[name];
  fs.writeFileSync(path.join(dir, `${name}.ts`), `import {defineRule} from '../define';

export default defineRule({
  id: '${name}',
  description: ${JSON.stringify(description).replace(/^"|"$/g, "'").replace(/\\"/g, '"').replace(/(?<!\\)'(?!$)/g, (m, i, s) => (i === 0 ? m : "\\'"))},
  severity: '${WARN.has(name) ? 'warning' : 'error'}',
});
`);
}
const camel = (n: string) => n.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
fs.writeFileSync(path.join(dir, '..', 'registry.ts'), `/**
 * The one registry of rules: every finding names one of these. The SARIF
 * rule list, the rule table of the contributing page, \`RULES.md\` and the
 * check that every rule has a fixture all come from it. Each rule is one
 * module in \`definitions/\`, in the order the contributing page lists them.
 */
${names.map((n) => `import ${camel(n)} from './definitions/${n}';`).join('\n')}

export const RULE_LIST = [
${names.map((n) => `  ${camel(n)},`).join('\n')}
] as const;

export type RuleName = (typeof RULE_LIST)[number]['id'];

/** Rule name → its definition. */
export const RULES = Object.fromEntries(RULE_LIST.map((rule) => [rule.id, rule])) as {[K in RuleName]: Extract<(typeof RULE_LIST)[number], {id: K}>};
`);
