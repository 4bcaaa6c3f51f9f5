/**
 * The front matter's fields once read as YAML: missing and invalid format
 * fields, unknown keys (with a guess), Docusaurus keys that are validated or
 * refused, `policy_revision` exactly when a policy is configured, and the use
 * case against the configuration and the file's name; each reported where
 * its key is written.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import type {Context} from '../../plugins/threat-model/lib/read/context';
import {readFrontMatter} from '../../plugins/threat-model/lib/read/front-matter';
import {validateFrontMatter} from '../../plugins/threat-model/lib/read/front-matter-fields';

const config = loadConfig(fixtureConfig);
const withPolicy = loadConfig({...fixtureConfig, policy: {label: 'SECURITY.md', url: 'https://example.com/{revision}/SECURITY.md'}});

const VALID = ['use_case: web', 'title: A title', 'description: One sentence.', 'status: draft', 'last_reviewed: "2026-11-01"', 'owners: ["@team"]'];

function validate(lines: string[], {file = 'threat-models/web.md', cfg = config} = {}) {
  const front = readFrontMatter(`---\n${lines.join('\n')}\n---\n`);
  assert.equal(front.finding, undefined);
  const ctx: Context = {file, config: cfg, text: '', diagnostics: []};
  validateFrontMatter(front, ctx);
  return ctx.diagnostics.map((d) => ({rule: d.ruleId, message: d.reason, line: d.line, column: d.column}));
}

test('read front-matter fields', async (t) => {
  await t.test('should accept valid fields and the Docusaurus keys a model may set', () => {
    assert.deepEqual(validate(VALID), []);
    assert.deepEqual(validate([...VALID, 'sidebar_label: Web', 'sidebar_position: 2', 'keywords: [http]', 'toc_max_heading_level: 3']), []);
  });

  await t.test('should report each missing field at the first line', () => {
    assert.deepEqual(validate(['use_case: web']).map((d) => [d.rule, d.message, d.line]), [
      ['missing-field', 'Missing front-matter field "title"', 1],
      ['missing-field', 'Missing front-matter field "description"', 1],
      ['missing-field', 'Missing front-matter field "status"', 1],
      ['missing-field', 'Missing front-matter field "last_reviewed"', 1],
      ['missing-field', 'Missing front-matter field "owners"', 1],
    ]);
  });

  await t.test('should report an invalid status with a guess, and an invalid value at its key', () => {
    const lines = VALID.map((l) => l.startsWith('status') ? 'status: publshed' : l.startsWith('last_reviewed') ? 'last_reviewed: 2026/11/01' : l);
    assert.deepEqual(validate(lines), [
      {rule: 'invalid-value', message: 'Invalid status "publshed" (did you mean "published"?)', line: 5, column: 1},
      {rule: 'invalid-front-matter', message: 'Invalid front-matter field "last_reviewed": expected a quoted ISO date such as "2026-11-01"', line: 6, column: 1},
    ]);
  });

  await t.test('should report unknown keys, with a guess when one is close', () => {
    assert.deepEqual(validate([...VALID, 'titel: x', 'colour: red']), [
      {rule: 'unknown-field', message: 'Unknown front-matter field "titel" (did you mean "title"?)', line: 8, column: 1},
      {rule: 'unknown-field', message: 'Unknown front-matter field "colour"', line: 9, column: 1},
    ]);
  });

  await t.test('should refuse Docusaurus keys that change the page\'s route or visibility', () => {
    assert.deepEqual(validate([...VALID, 'slug: /x', 'draft: true']).map((d) => [d.rule, d.message, d.line]), [
      ['front-matter-key', 'Front-matter key "slug" is not allowed in a threat model', 8],
      ['front-matter-key', 'Front-matter key "draft" is not allowed in a threat model', 9],
    ]);
  });

  await t.test('should validate the Docusaurus keys a model may set', () => {
    const found = validate([...VALID, 'sidebar_position: first', 'toc_min_heading_level: 9']);
    assert.deepEqual(found.map((d) => [d.rule, d.line]), [['invalid-front-matter', 8], ['invalid-front-matter', 9]]);
    assert.match(found[0]!.message, /^Invalid front-matter field "sidebar_position": /);
    assert.match(found[1]!.message, /^Invalid front-matter field "toc_min_heading_level": /);
  });

  await t.test('should check the use case against the configuration and the file name', () => {
    assert.deepEqual(validate(VALID.map((l) => l.startsWith('use_case') ? 'use_case: wbe' : l)), [
      {rule: 'unknown-use-case', message: 'Unknown use case "wbe" (did you mean "web"?)', line: 2, column: 1},
    ]);
    assert.deepEqual(validate(VALID, {file: 'threat-models/server.md'}), [
      {rule: 'file-name', message: 'File "server.md" models use case "web" but is not named "web.md"', line: 2, column: 1},
    ]);
    assert.deepEqual(validate(VALID, {file: 'threat-models/tool.md'}).map((d) => d.rule), ['file-name']);
  });

  await t.test('should require policy_revision exactly when a policy is configured', () => {
    assert.deepEqual(validate(VALID, {cfg: withPolicy}), [
      {rule: 'missing-field', message: 'Missing front-matter field "policy_revision"', line: 2, column: 1},
    ]);
    assert.deepEqual(validate([...VALID, 'policy_revision: abc123'], {cfg: withPolicy}), []);
    assert.deepEqual(validate([...VALID, 'policy_revision: abc123']), [
      {rule: 'invalid-front-matter', message: 'Front-matter field "policy_revision" names a revision of no policy', line: 8, column: 1},
    ]);
  });
});
