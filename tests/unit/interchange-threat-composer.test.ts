/**
 * Threat Composer `.tc.json` (schema 1): the export validates against the
 * format's schema, and reading it back recovers IDs, STRIDE, priority,
 * severity and responsibility from the metadata.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {INTERCHANGE_FORMATS} from '../../plugins/threat-model/lib/interchange';
import {allThreats, stableUuid} from '../../plugins/threat-model/lib/interchange/common';
import {tcKey, threatUuid, toThreatComposer} from '../../plugins/threat-model/lib/interchange/threat-composer';
import {assertValid, copyOf, fixtureInput, inputs, validatorFor} from './interchange';

const validate = validatorFor('threat-composer-v1.schema.json');

type Entry = {key: string; value: string | string[]};
const meta = (threat: Record<string, unknown>, key: string) => (threat.metadata as Entry[]).find((m) => m.key === key)?.value;

test('toThreatComposer', async (t) => {
  for (const [name, input] of inputs()) {
    await t.test(`should validate against the Threat Composer v1 schema for ${name}`, () => {
      assertValid(validate, JSON.parse(INTERCHANGE_FORMATS['threat-composer'].render(input)));
    });

    await t.test(`should give back every threat's ID, STRIDE, severity and responsibility for ${name}`, () => {
      const tc = toThreatComposer(input);
      const threats = allThreats(input);
      assert.deepEqual(tc.threats.map((x) => meta(x, tcKey('id'))), threats.map((x) => x.id));
      for (const [i, read] of tc.threats.entries()) {
        const threat = threats[i]!;
        assert.equal(read.id, threatUuid(threat));
        assert.equal(read.statement, `${threat.id}: ${threat.title}`);
        assert.deepEqual(meta(read, 'STRIDE'), threat.stride.map((s) => s[0]));
        assert.deepEqual(meta(read, tcKey('stride')), threat.stride);
        assert.equal(meta(read, tcKey('severity')), threat.severity);
        assert.equal(meta(read, tcKey('responsibility')), threat.responsibility);
        assert.equal(meta(read, 'Priority'), {low: 'Low', medium: 'Medium', high: 'High', critical: 'High'}[threat.severity]);
      }
    });

    await t.test(`should link every mitigation line of ${name} to its threat`, () => {
      const tc = toThreatComposer(input);
      const links = allThreats(input).reduce((n, x) => n + x.mitigations.length, 0);
      assert.equal(tc.mitigationLinks.length, links);
      const ids = new Set(tc.mitigations.map((m) => m.id));
      assert.ok(tc.mitigationLinks.every((l) => ids.has(l.mitigationId)));
    });
  }

  await t.test('should give a critical threat High priority and keep critical in the namespace', () => {
    const input = copyOf(fixtureInput());
    input.index.models[0]!.threats[0]!.severity = 'critical';
    const read = toThreatComposer(input).threats[0]!;
    assert.equal(meta(read, 'Priority'), 'High');
    assert.equal(meta(read, tcKey('severity')), 'critical');
  });

  await t.test('should give the same UUIDs on every run, in the layout of a version 5 UUID', () => {
    assert.equal(stableUuid('threat:SRV-01'), stableUuid('threat:SRV-01'));
    assert.notEqual(stableUuid('threat:SRV-01'), stableUuid('threat:SRV-02'));
    assert.match(stableUuid('threat:SRV-01'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  await t.test('should resolve only a mitigated risk, and cut texts to the schema limits', () => {
    const input = copyOf(fixtureInput());
    const [first, second] = input.index.models[0]!.threats;
    first!.status = 'mitigated';
    second!.status = 'accepted';
    second!.summary = 'x'.repeat(1500);
    const tc = toThreatComposer(input);
    assert.deepEqual(tc.threats.slice(0, 2).map((x) => x.status), ['threatResolved', 'threatIdentified']);
    const comments = meta(tc.threats[1]!, 'Comments') as string;
    assert.equal(comments.length, 1000);
    assert.ok(comments.endsWith('…'));
    assertValid(validate, tc);
  });

  await t.test('should write the data flows into the dataflow description', () => {
    const text = toThreatComposer(fixtureInput()).dataflow.description;
    assert.match(text, /- Zone TOOL-Z2: Node\.js process \(trusted, inside TOOL-Z1\)/);
    assert.match(text, /- Flow TOOL-F3: TOOL-E4 → TOOL-E3: Entry names and contents \(crosses a trust boundary\)/);
  });

  await t.test('should be rejected by the schema when a metadata key is not one the format knows', () => {
    const tc = toThreatComposer(fixtureInput());
    (tc.threats[0]!.metadata as Entry[]).push({key: 'tms:severity', value: 'high'});
    assert.equal(validate(tc), false);
  });
});
