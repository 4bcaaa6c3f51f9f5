/**
 * Values quoted in findings are made safe to print: control characters,
 * bidirectional overrides, zero-width and line-separator characters become
 * `\uXXXX` escapes, tabs and newlines `\t` and `\n`, so a value can neither
 * drive a terminal nor forge a line of the report. Everything else is kept.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {visible} from '../../plugins/threat-model/lib/visible';

test('plain text, accents and emoji are kept as they are', () => {
  assert.equal(visible(''), '');
  assert.equal(visible('WEB-01: Request smuggling'), 'WEB-01: Request smuggling');
  assert.equal(visible('café — naïve 🔒 日本語'), 'café — naïve 🔒 日本語');
});

test('tabs and newlines become \\t and \\n', () => {
  assert.equal(visible('a\tb\nc'), 'a\\tb\\nc');
  assert.equal(visible('\n\n'), '\\n\\n');
});

test('terminal escapes and other C0 controls become \\u escapes', () => {
  assert.equal(visible('\u001b[31mred\u001b[0m'), '\\u001b[31mred\\u001b[0m');
  assert.equal(visible('\u0000\u0007\u0008'), '\\u0000\\u0007\\u0008');
  assert.equal(visible('a\rb'), 'a\\u000db', 'a carriage return cannot rewrite the line');
  assert.equal(visible('\u000b\u000c'), '\\u000b\\u000c');
});

test('DEL and C1 controls become \\u escapes', () => {
  assert.equal(visible('\u007f\u0085\u009b\u009f'), '\\u007f\\u0085\\u009b\\u009f');
  assert.equal(visible('\u00a0'), '\u00a0', 'the no-break space after the C1 range is kept');
});

test('bidirectional controls cannot reorder the printed text', () => {
  assert.equal(visible('abc\u202edef'), 'abc\\u202edef');
  assert.equal(visible('\u202a\u202b\u202c\u202d'), '\\u202a\\u202b\\u202c\\u202d');
  assert.equal(visible('\u2066x\u2069'), '\\u2066x\\u2069');
  assert.equal(visible('\u061c\u200e\u200f'), '\\u061c\\u200e\\u200f');
});

test('invisible and line-separating characters are shown', () => {
  assert.equal(visible('a\u200bb'), 'a\\u200bb');
  assert.equal(visible('\u2028\u2029'), '\\u2028\\u2029');
  assert.equal(visible('\u2060\ufeff'), '\\u2060\\ufeff');
});

test('an already escaped value is not escaped again', () => {
  assert.equal(visible('\\u001b'), '\\u001b');
});
