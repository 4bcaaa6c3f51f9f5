/**
 * A threat's field list: `- Name: value` items read into typed fields
 * (STRIDE, severity, responsibility, mitigations, features, related IDs,
 * references), with every unknown, duplicate, empty, invalid or missing
 * field reported at the token it concerns, and links to CVE and CWE records.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import type {Heading, List} from 'mdast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import type {Context} from '../../plugins/threat-model/lib/read/context';
import {cveUrl, cweUrl, readFields} from '../../plugins/threat-model/lib/read/fields';

const config = loadConfig(fixtureConfig);

const COMPLETE = [
  '- STRIDE: Tampering, spoofing, Tampering',
  '- Severity: High',
  '- Responsibility: node',
  '- Mitigations: keep *patched*; use `--flag`',
  '- Features: --permission, HEADERSTIMEOUT',
  '- Related: TOOL-01, WEB-02',
  '- References: CVE-2024-27982, CWE-444, https://nodejs.org/a, [Advisory](https://example.com/b)',
];

function read(items: string[]) {
  const text = `### A threat {#WEB-01}\n\n${items.join('\n')}\n`;
  const tree = parseMarkdown(text);
  const heading = tree.children[0] as Heading;
  const list = tree.children.find((n): n is List => n.type === 'list');
  const ctx: Context = {file: 'threat-models/web.md', config, text, diagnostics: []};
  const fields = readFields(list, heading, 'WEB-01', ctx);
  return {fields, found: ctx.diagnostics.map((d) => [d.ruleId, d.reason, d.line, d.column])};
}

const without = (name: string) => COMPLETE.filter((l) => !l.startsWith(`- ${name}:`));

test('read fields', async (t) => {
  await t.test('should read every field of a complete list, matching names and values case-insensitively', () => {
    const {fields, found} = read(COMPLETE);
    assert.deepEqual(found, []);
    assert.deepEqual(fields.stride, ['Tampering', 'Spoofing']);
    assert.equal(fields.severity, 'high');
    assert.equal(fields.responsibility, 'node');
    assert.deepEqual(fields.features, ['--permission', 'headersTimeout']);
    assert.deepEqual(fields.related, ['TOOL-01', 'WEB-02']);
    assert.deepEqual(fields.relatedAt, {'TOOL-01': {line: 8, column: 12}, 'WEB-02': {line: 8, column: 21}});
    assert.deepEqual(fields.references, [
      {kind: 'cve', text: 'CVE-2024-27982', url: 'https://www.cve.org/CVERecord?id=CVE-2024-27982'},
      {kind: 'cwe', text: 'CWE-444', url: 'https://cwe.mitre.org/data/definitions/444.html'},
      {kind: 'url', text: 'https://nodejs.org/a', url: 'https://nodejs.org/a'},
      {kind: 'url', text: 'Advisory', url: 'https://example.com/b'},
    ]);
    // On one line, the value is one mitigation, semicolons and all.
    assert.deepEqual(fields.mitigations, [[{type: 'text', value: 'keep patched; use '}, {type: 'code', value: '--flag'}]]);
    assert.deepEqual(read(COMPLETE.map((l) => l.replace('- STRIDE:', '- stride:'))).found, []);
  });

  await t.test('should report each missing required field at the heading, and a missing list as all of them', () => {
    assert.deepEqual(read(without('Severity')).found, [['missing-field', 'Threat WEB-01 has no "Severity" field', 1, 1]]);
    assert.deepEqual(read(without('References')).found, [['missing-reference', 'Threat WEB-01 has no reference', 1, 1]]);
    assert.deepEqual(read(without('Features').filter((l) => !l.startsWith('- Related'))).found, []);
    assert.deepEqual(read([]).found.map((d) => d[1]), [
      'Threat WEB-01 has no "STRIDE" field', 'Threat WEB-01 has no "Severity" field', 'Threat WEB-01 has no "Responsibility" field',
      'Threat WEB-01 has no "Mitigations" field', 'Threat WEB-01 has no reference',
    ]);
  });

  await t.test('should report an unknown field once, with a guess that stands for the missing one', () => {
    assert.deepEqual(read(COMPLETE.map((l) => l.replace('- Severity:', '- Severty:'))).found, [
      ['unknown-field', 'Unknown field "Severty" (did you mean "Severity"?)', 4, 3],
    ]);
    assert.deepEqual(read([...COMPLETE, '- Colour: red', '- just prose']).found.map((d) => d[1]), [
      'Unknown field "Colour"',
      'List item under WEB-01 is not a `Field: value` pair',
    ]);
  });

  await t.test('should report a field written twice and keep the first', () => {
    const {fields, found} = read([...COMPLETE, '- Severity: low']);
    assert.deepEqual(found, [['duplicate-field', 'Field "Severity" appears twice in WEB-01', 10, 3]]);
    assert.equal(fields.severity, 'high');
  });

  await t.test('should report an empty value where it would start', () => {
    assert.deepEqual(read(COMPLETE.map((l) => l.startsWith('- Severity') ? '- Severity:' : l)).found, [
      ['missing-field', 'Field "Severity" of WEB-01 is empty', 4, 12],
    ]);
  });

  await t.test('should report invalid values at the token, with a guess', () => {
    const {fields, found} = read(COMPLETE.map((l) => l.startsWith('- STRIDE') ? '- STRIDE: Tampering, Spofing' : l.startsWith('- Severity') ? '- Severity: urgent' : l));
    assert.deepEqual(found, [
      ['invalid-value', 'Invalid STRIDE "Spofing" in WEB-01 (did you mean "Spoofing"?)', 3, 22],
      ['invalid-value', 'Invalid Severity "urgent" in WEB-01', 4, 13],
    ]);
    assert.deepEqual(fields.stride, ['Tampering']);
    assert.equal(fields.severity, undefined);
  });

  await t.test('should report unknown features and malformed related IDs at the token', () => {
    const {fields, found} = read(COMPLETE.map((l) => l.startsWith('- Features') ? '- Features: --permision, nothing-like-it' : l.startsWith('- Related') ? '- Related: web 1' : l));
    assert.deepEqual(found.map((d) => [d[0], d[1], d[2], d[3]]), [
      ['unknown-feature', 'Unknown feature "--permision" in WEB-01 (did you mean "--permission"?)', 7, 13],
      ['unknown-feature', 'Unknown feature "nothing-like-it" in WEB-01', 7, 26],
      ['malformed-id', found[2]![1], 8, 12],
    ]);
    assert.match(String(found[2]![1]), /^Related entry "web 1" in WEB-01 is not a threat ID/);
    assert.deepEqual([fields.features, fields.related], [[], []]);
  });

  await t.test('should report references that are no source, and a list of none as missing', () => {
    assert.deepEqual(read(COMPLETE.map((l) => l.startsWith('- References') ? '- References: TODO, [page](./tool.md)' : l)).found, [
      ['invalid-reference', 'Reference "TODO" in WEB-01 is not a CVE ID, a CWE ID or an http(s) URL', 9, 15],
      ['invalid-reference', 'Reference "./tool.md" in WEB-01 is not a CVE ID, a CWE ID or an http(s) URL', 9, 21],
      ['missing-reference', 'Threat WEB-01 has no valid reference', 9, 15],
    ]);
  });

  await t.test('should report content a field cannot carry, and not read that field', () => {
    const {fields, found} = read(COMPLETE.map((l) => l.startsWith('- Mitigations') ? '- Mitigations: patch ![x](y.png)' : l));
    assert.deepEqual(found, [['lost-content', 'An image in the Mitigations field of WEB-01', 6, 22]]);
    assert.equal(fields.mitigations, undefined);
  });

  await t.test('should read a nested list under Mitigations as one mitigation per item', () => {
    const {fields, found} = read([...without('Mitigations'), '- Mitigations:', '  - Keep Node.js *patched*', '  - Run with `--permission`; it is a seat belt']);
    assert.deepEqual(found, []);
    assert.deepEqual(fields.mitigations, [
      [{type: 'text', value: 'Keep Node.js patched'}],
      [{type: 'text', value: 'Run with '}, {type: 'code', value: '--permission'}, {type: 'text', value: '; it is a seat belt'}],
    ]);
  });

  await t.test('should refuse a Mitigations value on its line together with a list below it', () => {
    const {fields, found} = read([...without('Mitigations'), '- Mitigations: keep patched', '  - reject NUL bytes']);
    assert.deepEqual(found, [['duplicate-field', 'Field "Mitigations" of WEB-01 has a value on its line and a list below it', 9, 16]]);
    assert.equal(fields.mitigations, undefined);
  });

  await t.test('should report what a mitigation item holds beyond one line, and a list under another field', () => {
    const {found} = read([...without('Mitigations'), '- Mitigations:', '  - Keep patched', '', '    A second paragraph', '  - ![image](/img/a.png)']);
    assert.deepEqual(found.map(([rule, reason]) => [rule, reason]), [
      ['lost-content', 'A second paragraph in one item of the mitigations of WEB-01'],
      ['lost-content', 'An image in the Mitigations field of WEB-01'],
    ]);
    const nested = read([...without('Severity'), '- Severity: high', '  - critical']);
    assert.deepEqual(nested.found.map(([rule, reason]) => [rule, reason]), [['lost-content', 'Nested list in the fields of WEB-01']]);
    // Each finding once, whatever else the item holds.
    const boxed = read([...without('Severity'), '- [ ] Severity: high', '  - critical']);
    assert.deepEqual(boxed.found.map(([rule]) => rule), ['unsupported-markdown', 'lost-content']);
  });

  await t.test('should read a tracked risk\'s status, owner and review date, and leave them out when absent', () => {
    const {fields, found} = read([...COMPLETE, '- Status: Accepted', '- Owner: @platform-team', '- Review by: 2027-03-01']);
    assert.deepEqual(found, []);
    assert.equal(fields.status, 'accepted');
    assert.equal(fields.owner, '@platform-team');
    assert.equal(fields.reviewBy, '2027-03-01');
    assert.deepEqual(fields.reviewByAt, {line: 12, column: 14});
    const plain = read(COMPLETE).fields;
    assert.equal('status' in plain || 'owner' in plain || 'reviewBy' in plain, false);
  });

  await t.test('should refuse an unknown risk status and a review date that is not a calendar day', () => {
    assert.deepEqual(read([...COMPLETE, '- Status: acepted']).found, [
      ['invalid-value', 'Invalid Status "acepted" in WEB-01 (did you mean "accepted"?)', 10, 11],
    ]);
    for (const date of ['2027-02-30', '1 March 2027', '2027-3-1']) {
      assert.deepEqual(read([...COMPLETE, `- Review by: ${date}`]).found, [
        ['invalid-value', `Invalid Review by "${date}" in WEB-01: expected a date such as 2027-03-01`, 10, 14],
      ], date);
    }
  });

  await t.test('should require an owner and a review date of an accepted risk, at the heading', () => {
    const {found} = read([...COMPLETE, '- Status: accepted']);
    assert.deepEqual(found, [
      ['missing-field', 'Threat WEB-01 is an accepted risk but has no "Owner" field', 1, 1],
      ['missing-field', 'Threat WEB-01 is an accepted risk but has no "Review by" field', 1, 1],
    ]);
    assert.deepEqual(read([...COMPLETE, '- Status: open']).found, []);
    assert.deepEqual(read([...COMPLETE, '- Status: accepted', '- Owner: @a', '- Review by: 2027-01-01']).found, []);
  });

  await t.test('should link CVE and CWE IDs to their records', () => {
    assert.equal(cveUrl('CVE-2021-1234'), 'https://www.cve.org/CVERecord?id=CVE-2021-1234');
    assert.equal(cweUrl('CWE-79'), 'https://cwe.mitre.org/data/definitions/79.html');
  });
});
