/**
 * OTM 0.2.0: the export validates against the format's schema, and reading
 * it back recovers IDs, titles, STRIDE, severity and responsibility, the
 * data flows and which threats concern which flow.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {INTERCHANGE_FORMATS} from '../../plugins/threat-model/lib/interchange';
import {OTM_IMPACT, OTM_VERSION, toOtm} from '../../plugins/threat-model/lib/interchange/otm';
import {allThreats} from '../../plugins/threat-model/lib/interchange/common';
import {assertValid, copyOf, fixtureInput, inputs, validatorFor} from './interchange';

const validate = validatorFor('otm-0.2.0.schema.json');

test('toOtm', async (t) => {
  for (const [name, input] of inputs()) {
    await t.test(`should validate against the OTM 0.2.0 schema for ${name}`, () => {
      const text = INTERCHANGE_FORMATS.otm.render(input);
      assertValid(validate, JSON.parse(text));
    });

    await t.test(`should give back every threat's ID, title, STRIDE, severity and responsibility for ${name}`, () => {
      const otm = JSON.parse(INTERCHANGE_FORMATS.otm.render(input)) as ReturnType<typeof toOtm>;
      const threats = allThreats(input);
      assert.equal(otm.otmVersion, OTM_VERSION);
      assert.deepEqual(otm.threats.map((x) => x.id), threats.map((x) => x.id));
      for (const [i, read] of otm.threats.entries()) {
        const threat = threats[i]!;
        const attributes = read.attributes as Record<string, unknown>;
        assert.equal(read.name, threat.title);
        assert.deepEqual(read.categories, threat.stride);
        assert.deepEqual(attributes['tms:stride'], threat.stride);
        assert.equal(attributes['tms:severity'], threat.severity);
        assert.equal(attributes['tms:responsibility'], threat.responsibility);
        assert.equal(attributes['tms:id'], threat.id);
        assert.equal((read.risk as {impact: number}).impact, OTM_IMPACT[threat.severity]);
        assert.equal((read.risk as {likelihood: null}).likelihood, null);
        assert.equal(attributes['tms:url'], `https://example.org/threat-models/${threat.useCase}#${threat.id}`);
      }
    });
  }

  await t.test('should map zones, elements and flows, and put each threat on the flows and elements it names', () => {
    const otm = toOtm(fixtureInput());
    assert.deepEqual(otm.trustZones.map((z) => [z.id, (z.risk as {trustRating: number}).trustRating, z.parent]), [
      ['TOOL-Z1', 100, undefined],
      ['TOOL-Z2', 100, {trustZone: 'TOOL-Z1'}],
      ['TOOL-Z3', 0, undefined],
    ]);
    assert.deepEqual(otm.components.map((c) => [c.id, c.type, c.parent]), [
      ['TOOL-E1', 'external-entity', {trustZone: 'TOOL-Z1'}],
      ['TOOL-E2', 'data-store', {trustZone: 'TOOL-Z1'}],
      ['TOOL-E3', 'process', {trustZone: 'TOOL-Z2'}],
      ['TOOL-E4', 'data-store', {trustZone: 'TOOL-Z3'}],
    ]);
    assert.deepEqual(otm.dataflows.map((f) => [f.id, f.source, f.destination, f.name, (f.attributes as Record<string, unknown>)['tms:crossesBoundary']]), [
      ['TOOL-F1', 'TOOL-E1', 'TOOL-E3', 'Command-line arguments', false],
      ['TOOL-F2', 'TOOL-E2', 'TOOL-E3', '`NODE_OPTIONS` and other variables', false],
      ['TOOL-F3', 'TOOL-E4', 'TOOL-E3', 'Entry names and contents', true],
    ]);
    const threatsOn = (list: Array<Record<string, unknown>>, id: string) =>
      ((list.find((x) => x.id === id)!.threats ?? []) as Array<{threat: string}>).map((x) => x.threat);
    const byFlow = Object.fromEntries(fixtureInput().index.models.flatMap((m) => m.threats).map((x) => [x.id, x.flows]));
    for (const flow of ['TOOL-F1', 'TOOL-F2', 'TOOL-F3']) {
      assert.deepEqual(threatsOn(otm.dataflows, flow), Object.keys(byFlow).filter((id) => byFlow[id]!.includes(flow)), flow);
    }
    assert.deepEqual(threatsOn(otm.components, 'TOOL-E2'), Object.keys(byFlow).filter((id) => byFlow[id]!.includes('TOOL-E2')));
    assert.ok(threatsOn(otm.dataflows, 'TOOL-F3').length > 0, 'the fixture names TOOL-F3 in a threat');
  });

  await t.test('should list each mitigation with a risk reduction of 0, marked as not estimated', () => {
    const input = fixtureInput();
    const otm = toOtm(input);
    const first = allThreats(input).find((x) => x.mitigations.length > 0)!;
    const mine = otm.mitigations.filter((m) => (m.attributes as Record<string, unknown>)['tms:threat'] === first.id);
    assert.equal(mine.length, first.mitigations.length);
    assert.deepEqual(mine.map((m) => m.id), first.mitigations.map((_, i) => `${first.id}-M${i + 1}`));
    assert.ok(mine.every((m) => m.riskReduction === 0 && (m.attributes as Record<string, unknown>)['tms:riskReduction'] === 'not estimated'));
  });

  await t.test('should carry tracked-risk fields in the namespace only when the threat has them', () => {
    const input = copyOf(fixtureInput());
    const threat = input.index.models[0]!.threats[0]!;
    Object.assign(threat, {status: 'accepted', owner: '@alice', reviewBy: '2027-03-01'});
    const otm = toOtm(input);
    const [first, second] = otm.threats.map((x) => x.attributes as Record<string, unknown>);
    assert.deepEqual([first!['tms:status'], first!['tms:owner'], first!['tms:reviewBy']], ['accepted', '@alice', '2027-03-01']);
    assert.equal('tms:status' in second!, false);
    assertValid(validate, otm);
  });

  await t.test('should be rejected by the schema when a threat has no risk', () => {
    const otm = toOtm(fixtureInput()) as unknown as {threats: Array<Record<string, unknown>>};
    delete otm.threats[0]!.risk;
    assert.equal(validate(otm), false);
    assert.match(JSON.stringify(validate.errors), /must have required property 'risk'/);
  });
});
