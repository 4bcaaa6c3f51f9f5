/**
 * The cross-file use-case rule: every configured use case has exactly one
 * threat model. A use case with no file is reported at the file it should
 * have; a file that exists but failed to parse is not also missing; a
 * second file for a use case is a finding that names the one kept (the
 * canonically named file first, then by name).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {analyze} from '../../plugins/threat-model/lib/load';
import {checkUseCases} from '../../plugins/threat-model/lib/rules/use-cases';
import type {ThreatModel} from '../../plugins/threat-model/lib/types';

const config = loadConfig(fixtureConfig);
const dir = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const {index} = analyze(['web.md', 'tool.md'].map((name) => ({file: `threat-models/${name}`, bytes: fs.readFileSync(path.join(dir, name))})), config);
const [web, tool] = index.models as [ThreatModel, ThreatModel];
const findings = (models: ThreatModel[], files?: string[]) => checkUseCases(models, config, files).map((d) => ({
  rule: d.ruleId, file: d.file, at: `${d.line}:${d.column}`, severity: d.severity, message: d.reason, hint: d.hint,
}));

test('use-case rule', async (t) => {
  await t.test('should find nothing when each use case has one file', () => {
    assert.deepEqual([web.useCase, tool.useCase], ['web', 'tool']);
    assert.deepEqual(findings([web, tool], [web.file, tool.file]), []);
  });

  await t.test('should report a use case without a file at the file it should have', () => {
    assert.deepEqual(findings([web], [web.file]), [{
      rule: 'missing-use-case', file: 'threat-models/tool.md', at: '1:1', severity: 'error',
      message: 'Missing threat model for use case "tool" (Command-line tool)',
      hint: 'Create it with `npm run new -- tool`, or remove "tool" from useCases in threat-model.config.ts.',
    }]);
  });

  await t.test('should report every use case, in configured order, when there are no models', () => {
    assert.deepEqual(findings([]).map((d) => d.file), ['threat-models/web.md', 'threat-models/tool.md']);
  });

  await t.test('should not report a use case missing when its file exists but failed to parse', () => {
    assert.deepEqual(findings([web], [web.file, 'threat-models/tool.md']), []);
  });

  await t.test('should report a second file for a use case, keeping the canonically named one', () => {
    const copy: ThreatModel = {...tool, file: 'threat-models/a-tool.md'};
    const expected = [{
      rule: 'duplicate-use-case', file: 'threat-models/a-tool.md', at: '1:1', severity: 'error',
      message: 'Use case "tool" is already modelled in threat-models/tool.md',
      hint: 'Merge the two files into threat-models/tool.md; each use case has one file.',
    }];
    assert.deepEqual(findings([web, copy, tool]), expected);
    assert.deepEqual(findings([web, tool, copy]), expected, 'whatever the order given');
  });

  await t.test('should keep the first by name when no file has the canonical name', () => {
    const b: ThreatModel = {...tool, file: 'threat-models/b.md'};
    const a: ThreatModel = {...tool, file: 'threat-models/a.md'};
    const c: ThreatModel = {...tool, file: 'threat-models/c.md'};
    assert.deepEqual(findings([web, c, b, a]).map((d) => [d.file, d.message]), [
      ['threat-models/b.md', 'Use case "tool" is already modelled in threat-models/a.md'],
      ['threat-models/c.md', 'Use case "tool" is already modelled in threat-models/a.md'],
    ]);
  });

  await t.test('should ignore models of use cases that are not configured', () => {
    assert.deepEqual(findings([web, tool, {...tool, useCase: 'cli', file: 'threat-models/cli.md'}]), []);
  });
});
