/**
 * Checks on a file's raw text, before any Markdown is read: a lone CR stops
 * the reading (every later line number would be wrong); an `mdx-code-block`
 * fence and invisible or control characters are reported where they are,
 * at most five control-character findings a file.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import type {Context} from '../../plugins/threat-model/lib/read/context';
import {checkSource} from '../../plugins/threat-model/lib/read/source';

const config = loadConfig(fixtureConfig);
const contextFor = (text: string): Context => ({file: 'threat-models/web.md', config, text, diagnostics: []});
const findings = (ctx: Context) => ctx.diagnostics.map((d) => ({rule: d.ruleId, line: d.line, column: d.column, message: d.reason}));

test('checkSource', async (t) => {
  await t.test('should pass clean text with LF or CRLF line endings and report nothing', () => {
    for (const text of ['', '# a\n\ttab\n', '# a\r\nb\r\n']) {
      const ctx = contextFor(text);
      assert.equal(checkSource(ctx), true);
      assert.deepEqual(ctx.diagnostics, []);
    }
  });

  await t.test('should stop at a lone carriage return, reported where it is', () => {
    const ctx = contextFor('a\nbc\rd\n\u200b');
    assert.equal(checkSource(ctx), false);
    assert.deepEqual(findings(ctx), [{rule: 'line-ending', line: 2, column: 3, message: 'The file uses a lone carriage return (CR) as a line ending'}]);
    assert.equal(ctx.diagnostics[0]!.hint, 'Save it with LF (or CRLF) line endings; lone CRs are read differently by the site, the check and editors.');
  });

  await t.test('should report an mdx-code-block fence at the fence, and go on', () => {
    const ctx = contextFor('intro\n\n```mdx-code-block\n<X />\n```\n');
    assert.equal(checkSource(ctx), true);
    assert.deepEqual(findings(ctx), [{rule: 'unsupported-markdown', line: 3, column: 1,
      message: 'An `mdx-code-block` fence, which the site unwraps into the page before reading it'}]);
  });

  await t.test('should not report another code-block language', () => {
    const ctx = contextFor('```md\n<X />\n```\n');
    assert.equal(checkSource(ctx), true);
    assert.deepEqual(ctx.diagnostics, []);
  });

  await t.test('should name each kind of control character, with its code point and place', () => {
    const ctx = contextFor('a\u0007b\nx\u202ey\n\u200bz');
    assert.equal(checkSource(ctx), true);
    assert.deepEqual(findings(ctx), [
      {rule: 'control-character', line: 1, column: 2, message: 'Control character \\u0007 in the text'},
      {rule: 'control-character', line: 2, column: 2, message: 'Bidirectional-text control \\u202e in the text'},
      {rule: 'control-character', line: 3, column: 1, message: 'Zero-width character \\u200b in the text'},
    ]);
    assert.match(ctx.diagnostics[1]!.hint, /reorders how the text is displayed/);
    assert.match(ctx.diagnostics[2]!.hint, /it is invisible/);
    assert.match(ctx.diagnostics[0]!.hint, /can drive a terminal/);
  });

  await t.test('should report at most five control characters a file', () => {
    const ctx = contextFor('\u0001'.repeat(9));
    assert.equal(checkSource(ctx), true);
    assert.deepEqual(ctx.diagnostics.map((d) => d.column), [1, 2, 3, 4, 5]);
  });
});
