/**
 * `diffIndexes` on in-memory indexes: what counts as a change and what
 * does not, without git. The fixture models are read with the same
 * `analyze` the command uses, then edited as text.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {cellState, diffIndexes} from '../../plugins/threat-model/lib/diff/diff';
import {analyze} from '../../plugins/threat-model/lib/load';
import type {ThreatIndex} from '../../plugins/threat-model/lib/types';

const shared = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const config = loadConfig({
  runtime: 'Node.js',
  useCases: [{id: 'web', label: 'Web server', prefix: 'WEB'}, {id: 'tool', label: 'Command-line tool', prefix: 'TOOL'}],
  retiredIds: [{id: 'WEB-02', reason: 'Gone.'}],
});
const web = fs.readFileSync(path.join(shared, 'web.md'), 'utf8');
const tool = fs.readFileSync(path.join(shared, 'tool.md'), 'utf8');

function index(files: Record<string, string>): ThreatIndex {
  return analyze(Object.entries(files).map(([name, text]) => ({file: `threat-models/${name}`, bytes: Buffer.from(text)})), config).index;
}

const before = index({'web.md': web, 'tool.md': tool});

test('diffIndexes', async (t) => {
  await t.test('should find nothing between a reading and itself, or a change of prose alone', () => {
    const prose = index({'web.md': web.replace('an attacker can hide a second request', 'a second request can hide'), 'tool.md': tool});
    assert.deepEqual(diffIndexes(before, before, config).useCases, []);
    assert.deepEqual(diffIndexes(before, prose, config), {
      version: 1,
      summary: {modelsAdded: 0, modelsRemoved: 0, statusChanged: 0, threatsAdded: 0, threatsRemoved: 0, threatsChanged: 0, coverageChanged: 0, breaking: 0},
      breaking: [],
      useCases: [],
    });
  });

  await t.test('should not count a reference whose link text changed but not its address', () => {
    const after = index({'web.md': web.replace('[April 2024 security releases]', '[Security releases of April 2024]'), 'tool.md': tool});
    assert.deepEqual(diffIndexes(before, after, config).useCases, []);
  });

  await t.test('should not count the order of STRIDE categories', () => {
    const after = index({'web.md': web.replace('- STRIDE: Tampering, Spoofing', '- STRIDE: Spoofing, Tampering'), 'tool.md': tool});
    assert.deepEqual(diffIndexes(before, after, config).useCases, []);
  });

  await t.test('should keep a coverage cell covered when one of its threats goes but another stays', () => {
    const after = index({'web.md': web.replace('- STRIDE: Information disclosure, Elevation of privilege', '- STRIDE: Elevation of privilege'), 'tool.md': tool});
    const [diff] = diffIndexes(before, after, config).useCases;
    assert.deepEqual(diff!.coverage, [{category: 'Information disclosure', before: 'covered', after: 'uncovered'}]);
    assert.deepEqual(diff!.changed, [{id: 'WEB-03', title: 'Request data reaching the file system', changes: [{field: 'stride', added: [], removed: ['Information disclosure']}]}]);
  });

  await t.test('should mark a removed ID as retired when the configuration lists it, and breaking when not', () => {
    const after = index({'web.md': web.replace('{#WEB-02}', '{#WEB-07}').replace('{#WEB-03}', '{#WEB-08}'), 'tool.md': tool});
    const diff = diffIndexes(before, after, config);
    assert.deepEqual(diff.useCases[0]!.removed, [
      {id: 'WEB-02', title: 'Slow requests exhaust the server', retired: {reason: 'Gone.'}},
      {id: 'WEB-03', title: 'Request data reaching the file system'},
    ]);
    assert.deepEqual(diff.breaking.map((b) => b.id), ['WEB-03']);
    assert.equal(diff.summary.breaking, 1);
  });

  await t.test('should report every threat of a removed model as removed, and no coverage cells for it', () => {
    const diff = diffIndexes(before, index({'web.md': web}), config);
    assert.deepEqual(diff.useCases.map((u) => [u.useCase, u.model, u.status, u.removed.map((r) => r.id), u.coverage]), [
      ['tool', 'removed', {before: 'review'}, ['TOOL-01', 'TOOL-02'], []],
    ]);
    assert.deepEqual(diff.breaking.map((b) => b.id), ['TOOL-01', 'TOOL-02']);
  });

  await t.test('should name a cell by what it holds', () => {
    assert.equal(cellState({threats: ['WEB-01']}), 'covered');
    assert.equal(cellState({threats: ['WEB-01'], notApplicable: 'why'}), 'covered');
    assert.equal(cellState({threats: [], notApplicable: 'why'}), 'not-applicable');
    assert.equal(cellState({threats: []}), 'uncovered');
    assert.equal(cellState(undefined), 'uncovered');
  });
});
