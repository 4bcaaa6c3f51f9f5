/**
 * The cross-file ID rule: a threat ID is defined once across all files.
 * Every later definition is a finding at that threat, naming where the
 * first one is; the first is never reported.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {analyze} from '../../plugins/threat-model/lib/load';
import {checkDuplicateDataFlowIds, checkDuplicateIds} from '../../plugins/threat-model/lib/rules/ids';
import type {Threat} from '../../plugins/threat-model/lib/types';

const config = loadConfig(fixtureConfig);
const models = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const {index} = analyze(['web.md', 'tool.md'].map((name) => ({file: `threat-models/${name}`, bytes: fs.readFileSync(path.join(models, name))})), config);
const threats = index.models.flatMap((m) => m.threats);
const byId = (id: string) => threats.find((t) => t.id === id)!;
/** A copy of a threat under another ID, file and place. */
const as = (threat: Threat, id: string, file: string, line: number): Threat => ({...threat, id, file, position: {line, column: 1}});

test('duplicate ID rule', async (t) => {
  await t.test('should find nothing when every ID is unique', () => {
    assert.deepEqual(threats.map((th) => th.id), ['WEB-01', 'WEB-02', 'WEB-03', 'TOOL-01', 'TOOL-02']);
    assert.deepEqual(checkDuplicateIds(threats), []);
    assert.deepEqual(checkDuplicateIds([]), []);
  });

  await t.test('should report the second definition, naming the first', () => {
    const first = byId('WEB-01');
    const copy = as(byId('TOOL-02'), 'WEB-01', 'threat-models/tool.md', 40);
    const [finding, ...rest] = checkDuplicateIds([...threats, copy]);
    assert.deepEqual(rest, []);
    assert.equal(finding!.ruleId, 'duplicate-id');
    assert.equal(finding!.severity, 'error');
    assert.equal(finding!.file, 'threat-models/tool.md');
    assert.deepEqual([finding!.line, finding!.column], [40, 1]);
    assert.equal(finding!.reason, `Duplicate threat ID "WEB-01" (also at threat-models/web.md:${first.position.line}:${first.position.column})`);
    assert.equal(finding!.hint, 'Give this threat the next free number; IDs are never reused.');
  });

  await t.test('should report every later definition against the first, in the order given', () => {
    const a = as(byId('WEB-02'), 'WEB-09', 'threat-models/web.md', 10);
    const b = as(byId('WEB-02'), 'WEB-09', 'threat-models/tool.md', 20);
    const c = as(byId('WEB-02'), 'WEB-09', 'threat-models/web.md', 30);
    const findings = checkDuplicateIds([a, b, c]);
    assert.deepEqual(findings.map((d) => `${d.file}:${d.line}`), ['threat-models/tool.md:20', 'threat-models/web.md:30']);
    for (const d of findings) assert.match(d.reason, /\(also at threat-models\/web\.md:10:1\)$/);
  });

  await t.test('should tell IDs apart exactly, not by their spelling', () => {
    const lower = as(byId('WEB-01'), 'web-01', 'threat-models/web.md', 50);
    assert.deepEqual(checkDuplicateIds([byId('WEB-01'), lower]), []);
  });
});

test('duplicate data-flow ID rule', async (t) => {
  const tool = index.models.find((m) => m.useCase === 'tool')!;

  await t.test('should find nothing when every zone, element and flow ID is unique', () => {
    assert.deepEqual(tool.dataFlows!.flows.map((f) => f.id), ['TOOL-F1', 'TOOL-F2', 'TOOL-F3']);
    assert.deepEqual(checkDuplicateDataFlowIds(index.models), []);
  });

  await t.test('should report a row of another file that reuses an ID, naming the first', () => {
    const flow = tool.dataFlows!.flows[0]!;
    const copy = {...tool, file: 'threat-models/other.md', dataFlows: {zones: [], elements: [], flows: [{...flow, position: {line: 9, column: 1}}]}};
    const [finding, ...rest] = checkDuplicateDataFlowIds([...index.models, copy]);
    assert.deepEqual(rest, []);
    assert.equal(finding!.ruleId, 'duplicate-id');
    assert.equal(finding!.file, 'threat-models/other.md');
    assert.deepEqual([finding!.line, finding!.column], [9, 1]);
    assert.equal(finding!.reason, `Duplicate flow ID "TOOL-F1" (also at threat-models/tool.md:${flow.position.line}:${flow.position.column})`);
    assert.equal(finding!.hint, 'Give this flow the next free number; IDs are never reused.');
  });

  await t.test('should report a second row of one table in the same file', () => {
    const zone = tool.dataFlows!.zones[1]!;
    const twice = {...tool, dataFlows: {...tool.dataFlows!, zones: [...tool.dataFlows!.zones, {...zone, position: {line: 40, column: 1}}]}};
    assert.deepEqual(checkDuplicateDataFlowIds([twice]).map((d) => d.reason), [`Duplicate zone ID "TOOL-Z2" (also at threat-models/tool.md:${zone.position.line}:1)`]);
  });
});
