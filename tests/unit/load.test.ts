import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {analyze, loadConfig} from '../../plugins/threat-model/index';
import fixtureConfig from '../fixtures/threat-model.config';

const config = loadConfig(fixtureConfig);
const validDir = path.join(__dirname, '../fixtures/shared/threat-models');
const valid = Object.fromEntries(
  fs.readdirSync(validDir).map((name) => [`threat-models/${name}`, fs.readFileSync(path.join(validDir, name), 'utf8')]),
);
const sources = (files: Record<string, string>) =>
  Object.entries(files).map(([file, text]) => ({file, bytes: new TextEncoder().encode(text)}));

test('findings across files', async (t) => {
  await t.test('should report a misspelt required field once, as the misspelling', () => {
    const [file, text] = Object.entries(valid)[0]!;
    const broken = text.replace(/^- Severity:/m, '- Severty:');
    assert.notEqual(broken, text);
    const rules = analyze(sources({...valid, [file]: broken}), config).diagnostics.map((d) => d.id);
    assert.deepEqual(rules, ['threat-model:unknown-field']);
  });

  await t.test('should not call a use case missing when its file exists but fails to parse', () => {
    const [file] = Object.entries(valid)[0]!;
    const rules = analyze(sources({...valid, [file]: 'no front matter here\n'}), config).diagnostics.map((d) => d.id);
    assert.ok(rules.includes('threat-model:no-front-matter'));
    assert.ok(!rules.includes('threat-model:missing-use-case'), rules.join(', '));
  });

  await t.test('should call a use case missing when it has no file', () => {
    const [file] = Object.entries(valid)[0]!;
    const rest = {...valid};
    delete rest[file];
    const missing = analyze(sources(rest), config).diagnostics.filter((d) => d.id === 'threat-model:missing-use-case');
    assert.equal(missing.length, 1);
    assert.equal(missing[0]!.file, file);
  });
});

test('Related IDs into a use case without a file', async (t) => {
  await t.test('should name the missing use case instead of a look-alike ID', () => {
    const [file, text] = Object.entries(valid).find(([, text]) => /^- Related: .*TOOL-/m.test(text))!;
    const rest = Object.fromEntries(Object.entries(valid).filter(([name]) => !name.endsWith('/tool.md')));
    const related = analyze(sources({...rest, [file]: text}), config).diagnostics.filter((d) => d.id === 'threat-model:unknown-related');
    assert.ok(related.length > 0);
    for (const d of related) {
      assert.match(d.message, /points into use case "tool", which has no threat model yet$/);
      assert.match(d.hint, /^Add threat-models\/tool\.md with a threat TOOL-\d+, or remove/);
    }
  });
});
