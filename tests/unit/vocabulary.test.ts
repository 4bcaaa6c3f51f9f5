/**
 * The format's fixed vocabularies: the six STRIDE categories in their
 * conventional order, four severities from low to critical, who is
 * responsible, and a file's review states. Plain constants, the
 * same values the zod enums in `schema.ts` accept.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {RESPONSIBILITIES, SEVERITIES, STATUSES, STRIDE} from '../../plugins/threat-model/lib/vocabulary';
import {ResponsibilitySchema, SeveritySchema, StatusSchema, StrideSchema} from '../../plugins/threat-model/lib/schema';

test('STRIDE lists the six categories in the order of the acronym', () => {
  assert.deepEqual([...STRIDE], [
    'Spoofing',
    'Tampering',
    'Repudiation',
    'Information disclosure',
    'Denial of service',
    'Elevation of privilege',
  ]);
  assert.equal(STRIDE.map((category) => category[0]).join(''), 'STRIDE');
});

test('severities run from least to most severe', () => {
  assert.deepEqual([...SEVERITIES], ['low', 'medium', 'high', 'critical']);
});

test('responsibility names the runtime first, then the parties outside its model', () => {
  assert.deepEqual([...RESPONSIBILITIES], ['node', 'application', 'operator', 'ecosystem']);
});

test('a file is a draft, in review or published', () => {
  assert.deepEqual([...STATUSES], ['draft', 'review', 'published']);
});

test('no vocabulary repeats a value', () => {
  for (const list of [STRIDE, SEVERITIES, RESPONSIBILITIES, STATUSES]) {
    assert.equal(new Set(list).size, list.length, list.join(', '));
  }
});

test('the validator accepts exactly these values', () => {
  const pairs = [[StrideSchema, STRIDE], [SeveritySchema, SEVERITIES], [ResponsibilitySchema, RESPONSIBILITIES], [StatusSchema, STATUSES]] as const;
  for (const [schema, values] of pairs) {
    assert.deepEqual(schema.options, [...values]);
  }
});
