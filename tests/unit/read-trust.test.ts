/**
 * The labelled lists of `## Trust` (a `Trusted:` and an `Untrusted:` list,
 * each reported when missing, a repeated one reported and dropped, any
 * other block reported) and the `- <category>: <reason>` items of
 * `## Not applicable`, each with a STRIDE category and a reason.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type {Heading} from 'mdast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import type {Context} from '../../plugins/threat-model/lib/read/context';
import {readNotApplicable, readTrust} from '../../plugins/threat-model/lib/read/trust';

const config = loadConfig(fixtureConfig);
const contextFor = (text: string): Context => ({file: 'threat-models/web.md', config, text, diagnostics: []});
const findings = (ctx: Context) => ctx.diagnostics.map((d) => ({rule: d.ruleId, line: d.line, message: d.reason}));
const text = (value: string) => [{type: 'text', value}];

/** A `## Trust` section with `body` under it; the heading is line 1. */
function trust(body: string) {
  const markdown = `## Trust\n\n${body}`;
  const [heading, ...nodes] = parseMarkdown(markdown).children;
  const ctx = contextFor(markdown);
  const result = readTrust({heading: heading as Heading, nodes}, ctx);
  return {result, found: findings(ctx), ctx};
}

function notApplicable(markdown: string) {
  const ctx = contextFor(markdown);
  const result = readNotApplicable(parseMarkdown(markdown).children, ctx);
  return {result, found: findings(ctx), ctx};
}

test('readTrust', async (t) => {
  await t.test('should read nothing and report nothing without a Trust section', () => {
    const ctx = contextFor('');
    assert.deepEqual(readTrust(undefined, ctx), {trusted: [], untrusted: []});
    assert.deepEqual(ctx.diagnostics, []);
  });

  await t.test('should read the Trusted and Untrusted lists, labels in any case, comments skipped', () => {
    const {result, found} = trust('<!-- who is trusted -->\n\nUNTRUSTED:\n\n- Clients.\n\nTrusted:\n\n- Operators.\n- The `node` binary.\n');
    assert.deepEqual(found, []);
    assert.deepEqual(result, {
      trusted: [text('Operators.'), [{type: 'text', value: 'The '}, {type: 'code', value: 'node'}, {type: 'text', value: ' binary.'}]],
      untrusted: [text('Clients.')],
    });
  });

  await t.test('should report each missing list at the heading', () => {
    const {result, found, ctx} = trust('Trusted:\n\n- Operators.\n');
    assert.deepEqual(result, {trusted: [text('Operators.')], untrusted: []});
    assert.deepEqual(found, [{rule: 'missing-trust-list', line: 1, message: 'The Trust section has no "Untrusted:" list'}]);
    assert.equal(ctx.diagnostics[0]!.hint, 'Add a paragraph `Untrusted:` followed by a bulleted list.');
    assert.deepEqual(trust('').found.map((f) => f.message), ['The Trust section has no "Trusted:" list', 'The Trust section has no "Untrusted:" list']);
  });

  await t.test('should report a second list of the same label and keep the first', () => {
    const {result, found} = trust('Trusted:\n\n- A\n\nUntrusted:\n\n- B\n\nTrusted:\n\n- C\n');
    assert.deepEqual(result, {trusted: [text('A')], untrusted: [text('B')]});
    assert.deepEqual(found, [{rule: 'lost-content', line: 11, message: 'A second "Trusted:" list in the Trust section'}]);
  });

  await t.test('should report prose, unlabelled lists and other blocks', () => {
    const {result, found, ctx} = trust('Some prose.\n\n- unlabelled\n\nTrusted:\n\n- A\n\nUntrusted:\n\n- B\n\n> quote\n');
    assert.deepEqual(result, {trusted: [text('A')], untrusted: [text('B')]});
    assert.deepEqual(found, [
      {rule: 'lost-content', line: 3, message: 'A paragraph in the Trust section'},
      {rule: 'lost-content', line: 5, message: 'A list without a "Trusted:" or "Untrusted:" label in the Trust section'},
      {rule: 'lost-content', line: 15, message: 'A block in the Trust section'},
    ]);
    assert.equal(ctx.diagnostics[0]!.hint, 'The Trust section holds a `Trusted:` list and an `Untrusted:` list only; move other text to `## Scope`.');
  });

  await t.test('should report a label with no list after it, and the list as missing', () => {
    const {result, found} = trust('Trusted:\n\nUntrusted:\n\n- B\n');
    assert.deepEqual(result, {trusted: [], untrusted: [text('B')]});
    assert.deepEqual(found, [
      {rule: 'lost-content', line: 3, message: 'A paragraph in the Trust section'},
      {rule: 'missing-trust-list', line: 1, message: 'The Trust section has no "Trusted:" list'},
    ]);
  });

  await t.test('should report problems inside the items under the list\'s name', () => {
    const {found} = trust('Trusted:\n\n- A\n  - nested\n\nUntrusted:\n\n- B\n');
    assert.deepEqual(found, [{rule: 'lost-content', line: 6, message: 'Nested list in the Trusted list'}]);
  });
});

test('readNotApplicable', async (t) => {
  await t.test('should read each category, matched in any case, with its reason and place', () => {
    const {result, found} = notApplicable('<!-- why -->\n\n- repudiation: no audit trail: by design.\n- Spoofing : nobody logs in\n');
    assert.deepEqual(found, []);
    assert.deepEqual(result, [
      {category: 'Repudiation', reason: 'no audit trail: by design.', position: {line: 3, column: 3}},
      {category: 'Spoofing', reason: 'nobody logs in', position: {line: 4, column: 3}},
    ]);
  });

  await t.test('should read nothing from nothing', () => {
    const {result, found} = notApplicable('');
    assert.deepEqual([result, found], [[], []]);
  });

  await t.test('should report an unknown category with a guess', () => {
    const {result, found, ctx} = notApplicable('- Spofing: nobody logs in\n');
    assert.deepEqual(result, []);
    assert.deepEqual(found, [{rule: 'not-applicable-reason', line: 1, message: '"Spofing" is not a STRIDE category (did you mean "Spoofing"?)'}]);
    assert.deepEqual(ctx.diagnostics[0]!.expected, ['Spoofing']);
    assert.equal(ctx.diagnostics[0]!.actual, 'Spofing');
    assert.match(ctx.diagnostics[0]!.hint, /^Write `- <category>: <reason>` with one of: Spoofing, Tampering, Repudiation, /);
  });

  await t.test('should report a category without a reason, with or without the colon', () => {
    const {result, found} = notApplicable('- Tampering:\n- Repudiation\n');
    assert.deepEqual(result, []);
    assert.deepEqual(found, [
      {rule: 'not-applicable-reason', line: 1, message: '"Tampering" is declared not applicable without a reason'},
      {rule: 'not-applicable-reason', line: 2, message: '"Repudiation" is declared not applicable without a reason'},
    ]);
  });

  await t.test('should report blocks other than lists', () => {
    const {found} = notApplicable('Prose.\n\n```\ncode\n```\n\n- Repudiation: none\n');
    assert.deepEqual(found, [
      {rule: 'lost-content', line: 1, message: 'A paragraph in the Not applicable section, which holds only a list'},
      {rule: 'lost-content', line: 3, message: 'A block in the Not applicable section, which holds only a list'},
    ]);
  });
});
