/**
 * The front-matter reader: a block only when the file starts with exactly
 * `---` and a line ending, closed by a `---` line, read as plain YAML 1.2
 * data. Other engines, lone CRs, unclosed blocks, `...`, oversized or deeply
 * nested blocks, duplicate keys, anchors, aliases, tags, merge keys and
 * non-mapping contents are refused as a whole with one positioned finding.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {locate, MAX_DEPTH, MAX_FRONT_MATTER_BYTES, readFrontMatter, withoutBom} from '../../plugins/threat-model/lib/read/front-matter';

const finding = (text: string) => {
  const result = readFrontMatter(text);
  assert.equal(result.present, true);
  assert.deepEqual([result.data, result.content, result.endLine, result.keys], [{}, '', 0, {}]);
  const {rule, line, column, message} = result.finding!;
  return {rule, line, column, message};
};

test('read front matter', async (t) => {
  await t.test('should read the data, keys, content and closing line of a block', () => {
    const result = readFrontMatter('---\ntitle: A page\nowners: ["@a", "@b"]\n---\n\n# Body\n');
    assert.deepEqual(result.data, {title: 'A page', owners: ['@a', '@b']});
    assert.deepEqual({...result.keys}, {title: {line: 2, column: 1}, owners: {line: 3, column: 1}});
    assert.equal(result.content, '\n# Body\n');
    assert.equal(result.endLine, 4);
    assert.equal(result.present, true);
    assert.equal(result.finding, undefined);
  });

  await t.test('should read CRLF files, a byte-order mark and trailing blanks on the closing fence', () => {
    const result = readFrontMatter('\ufeff---\r\ntitle: x\r\n--- \t\r\nbody');
    assert.deepEqual([result.data, result.endLine, result.content], [{title: 'x'}, 3, 'body']);
  });

  await t.test('should keep YAML 1.2 core types: dates stay strings, "no" is a string', () => {
    assert.deepEqual(readFrontMatter('---\nd: 2026-11-01\nn: no\nb: true\ni: 3\nz: ~\n---\n').data, {d: '2026-11-01', n: 'no', b: true, i: 3, z: null});
  });

  await t.test('should take an empty block as no data, and a file without a fence as no block', () => {
    assert.deepEqual(readFrontMatter('---\n---\nText').data, {});
    assert.equal(readFrontMatter('---\n---\nText').content, 'Text');
    for (const text of ['', '# Title\n---\n', '----\ntitle: x\n----\n', ' ---\ntitle: x\n---\n']) {
      assert.deepEqual(readFrontMatter(text), {present: false, data: {}, content: text, endLine: 0, keys: {}});
    }
  });

  await t.test('should keep __proto__ as only a key', () => {
    const result = readFrontMatter('---\n__proto__: x\n---\n');
    assert.equal(Object.getPrototypeOf(result.keys), null);
    assert.deepEqual(result.keys['__proto__'], {line: 2, column: 1});
  });

  await t.test('should refuse a fence that asks for another engine, ends with a lone CR or has spaces', () => {
    assert.deepEqual(finding('---js\nmodule.exports = {}\n---\n'),
      {rule: 'front-matter-fence', line: 1, column: 4, message: 'Front matter asks for the "js" engine; only YAML is read'});
    assert.deepEqual(finding('---\rjs\n---\n'),
      {rule: 'front-matter-fence', line: 1, column: 4, message: 'The front-matter line `---` ends with a lone carriage return (CR)'});
    assert.deepEqual(finding('---  \ntitle: x\n---\n'),
      {rule: 'front-matter-fence', line: 1, column: 4, message: 'The first line holds `---` followed by spaces'});
    assert.deepEqual(finding('---'), {rule: 'front-matter-fence', line: 1, column: 4, message: 'The first line holds `---` followed by spaces'});
  });

  await t.test('should refuse an unclosed block, pointing at `...` when that was the attempt', () => {
    assert.deepEqual(finding('---\ntitle: x\n'), {rule: 'front-matter-fence', line: 1, column: 1, message: 'Front matter is not closed'});
    assert.deepEqual(finding('---\ntitle: x\n...\nbody\n'),
      {rule: 'front-matter-fence', line: 3, column: 1, message: 'Front matter is closed with `...`; the site only ends it at `---`'});
  });

  await t.test('should refuse a block over the size limit before parsing it', () => {
    const big = `---\nx: "${'a'.repeat(MAX_FRONT_MATTER_BYTES)}"\n---\n`;
    assert.deepEqual(finding(big), {rule: 'yaml-feature', line: 2, column: 1, message: 'Front matter is 64 KiB; at most 64 KiB is read'});
  });

  await t.test('should refuse nesting deeper than the limit, but not brackets inside quotes', () => {
    const deep = `---\nx: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}\n---\n`;
    assert.deepEqual(finding(deep), {rule: 'yaml-feature', line: 2, column: 4 + MAX_DEPTH, message: `Front matter nests deeper than ${MAX_DEPTH} levels`});
    const quoted = `---\nx: "${'['.repeat(MAX_DEPTH + 1)}"\n---\n`;
    assert.deepEqual(readFrontMatter(quoted).data, {x: '['.repeat(MAX_DEPTH + 1)});
  });

  await t.test('should refuse duplicate keys and invalid YAML where they are written', () => {
    const duplicate = finding('---\ntitle: a\ntitle: b\n---\n');
    assert.deepEqual([duplicate.rule, duplicate.line, duplicate.column, duplicate.message], ['yaml-syntax', 3, 1, 'A front-matter key appears twice']);
    const invalid = finding('---\ntitle: [a\n---\n');
    assert.equal(invalid.rule, 'yaml-syntax');
    assert.match(invalid.message, /^Front matter is not valid YAML: /);
  });

  await t.test('should refuse anchors, aliases, tags and merge keys', () => {
    assert.deepEqual(finding('---\na: &x 1\n---\n'), {rule: 'yaml-feature', line: 2, column: 7, message: 'YAML anchors (`&x`) are not allowed in front matter'});
    assert.deepEqual(finding('---\nb: *x\n---\n'), {rule: 'yaml-feature', line: 2, column: 4, message: 'YAML aliases (`*name`) are not allowed in front matter'});
    assert.equal(finding('---\na: !!str 1\n---\n').message, 'YAML tag tag:yaml.org,2002:str is not allowed');
    assert.equal(finding('---\na: !custom 1\n---\n').rule, 'yaml-feature');
    assert.equal(finding('---\n<<: {a: 1}\n---\n').message, 'YAML merge keys (`<<`) are not allowed in front matter');
    assert.equal(finding('---\n? [a]\n: 1\n---\n').message, 'A front-matter key is not a plain string');
  });

  await t.test('should refuse contents that are not a mapping', () => {
    assert.deepEqual(finding('---\n- a\n- b\n---\n'), {rule: 'yaml-syntax', line: 2, column: 1, message: 'Front matter is not a set of `key: value` fields'});
    assert.equal(finding('---\njust text\n---\n').message, 'Front matter is not a set of `key: value` fields');
  });

  await t.test('should strip only a leading byte-order mark', () => {
    assert.equal(withoutBom('\ufeffabc'), 'abc');
    assert.equal(withoutBom('a\ufeffbc'), 'a\ufeffbc');
    assert.equal(withoutBom(''), '');
  });

  await t.test('should locate an offset as 1-based line and column', () => {
    const text = 'ab\ncde\n\nf';
    assert.deepEqual([0, 2, 3, 5, 7, 8].map((o) => locate(text, o)), [
      {line: 1, column: 1}, {line: 1, column: 3}, {line: 2, column: 1}, {line: 2, column: 3}, {line: 3, column: 1}, {line: 4, column: 1},
    ]);
  });
});
