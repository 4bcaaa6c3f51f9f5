/**
 * OWASP TM-BOM 1.0.2: the export validates against the format's schema
 * (draft 2020-12, with its `uri` and `date` formats), and reading it back
 * recovers our IDs and fields from the extension.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {INTERCHANGE_FORMATS} from '../../plugins/threat-model/lib/interchange';
import {allThreats, TMS_EXTENSION} from '../../plugins/threat-model/lib/interchange/common';
import {symbolic, TM_BOM_PLACEHOLDERS, TM_BOM_SCHEMA_URI, toTmBom} from '../../plugins/threat-model/lib/interchange/tm-bom';
import {assertValid, copyOf, fixtureInput, inputs, validatorFor} from './interchange';

const validate = validatorFor('tm-bom-1.0.2.schema.json');

type Extension = {placeholders: string[]; threats: Record<string, Record<string, unknown>>};

test('toTmBom', async (t) => {
  for (const [name, input] of inputs()) {
    await t.test(`should validate against the TM-BOM 1.0.2 schema for ${name}`, () => {
      assertValid(validate, JSON.parse(INTERCHANGE_FORMATS['tm-bom'].render(input)));
    });

    await t.test(`should give back every threat's ID and fields from the extension for ${name}`, () => {
      const bom = toTmBom(input);
      const extension = bom.extensions[TMS_EXTENSION] as Extension;
      const threats = allThreats(input);
      assert.deepEqual(bom.threats.map((x) => extension.threats[x.symbolic_name as string]!.id), threats.map((x) => x.id));
      for (const [i, read] of bom.threats.entries()) {
        const threat = threats[i]!;
        const own = extension.threats[read.symbolic_name as string]!;
        assert.equal(read.title, threat.title);
        assert.deepEqual([own.stride, own.severity, own.responsibility], [threat.stride, threat.severity, threat.responsibility]);
        assert.equal(bom.risks[i]!.level, threat.severity);
        assert.deepEqual(bom.controls.filter((c) => (c.threats as string[])[0] === read.symbolic_name).length, threat.mitigations.length);
      }
    });
  }

  await t.test('should name its schema version and list every placeholder field', () => {
    const bom = toTmBom(fixtureInput());
    assert.equal(bom.$schema, TM_BOM_SCHEMA_URI);
    assert.match(TM_BOM_SCHEMA_URI, /\/v1\.0\.2\/threat-model\.schema\.json$/);
    assert.deepEqual((bom.extensions[TMS_EXTENSION] as Extension).placeholders, [...TM_BOM_PLACEHOLDERS]);
    assert.equal(bom.version, bom.reviewed_at!.replaceAll('-', '.'));
  });

  await t.test('should lower-case IDs into symbolic names', () => {
    assert.equal(symbolic('CICD-12'), 'cicd-12');
    assert.equal(symbolic('TOOL-F3'), 'tool-f3');
  });

  await t.test('should sort elements by kind and join zones that a boundary-crossing flow connects', () => {
    const bom = toTmBom(fixtureInput());
    assert.deepEqual(bom.actors.map((a) => [a.symbolic_name, a.trust_zone]), [['tool-e1', 'tool-z1']]);
    assert.deepEqual(bom.components.map((c) => [c.symbolic_name, c.trust_zone]), [['tool-e3', 'tool-z2']]);
    assert.deepEqual(bom.data_stores.map((s) => s.symbolic_name), ['tool-e2', 'tool-e4']);
    assert.deepEqual(bom.trust_boundaries, [{trust_zone_a: 'tool-z2', trust_zone_b: 'tool-z3'}]);
    const f3 = bom.data_flows.find((f) => f.symbolic_name === 'tool-f3')!;
    assert.deepEqual([f3.source, f3.destination], [{type: 'data_store', object: 'tool-e4'}, {type: 'component', object: 'tool-e3'}]);
  });

  await t.test('should rate impact by severity, with the placeholder likelihood in the score', () => {
    const input = copyOf(fixtureInput());
    input.index.models[0]!.threats[0]!.severity = 'critical';
    const risk = toTmBom(input).risks[0]!;
    assert.deepEqual([risk.impact, risk.likelihood, risk.score, risk.level], ['severe', 'possible', 15, 'critical']);
  });

  await t.test('should be rejected by the schema when a symbolic name has upper case', () => {
    const bom = toTmBom(fixtureInput());
    bom.threats[0]!.symbolic_name = 'WEB-01';
    assert.equal(validate(bom), false);
    assert.match(JSON.stringify(validate.errors), /must match pattern/);
  });
});
