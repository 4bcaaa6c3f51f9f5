/**
 * The cross-file tracked-risk rule: a threat whose `Review by` date is
 * before the check's date is an error that names the threat, its status and
 * its owner. The day itself is still in time.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {analyze} from '../../plugins/threat-model/lib/load';
import {checkRiskReviews} from '../../plugins/threat-model/lib/rules/risk-review';
import type {ThreatModel} from '../../plugins/threat-model/lib/types';
import {FIXTURE_TODAY} from './corpus';

const config = loadConfig(fixtureConfig);
const fixture = path.join(__dirname, '..', 'fixtures', 'expired-risk', 'threat-models');
const shared = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const sources = [
  {file: 'threat-models/tool.md', bytes: fs.readFileSync(path.join(fixture, 'tool.md'))},
  {file: 'threat-models/web.md', bytes: fs.readFileSync(path.join(shared, 'web.md'))},
];
const {index, diagnostics} = analyze(sources, config, undefined, undefined, [], undefined, FIXTURE_TODAY);
const found = (models: readonly ThreatModel[], today: string) =>
  checkRiskReviews(models, today).map((d) => [d.ruleId, `${d.line}:${d.column}`, d.severity, d.reason]);

test('risk-review rule', async (t) => {
  await t.test('should read the tracked risks of the fixture', () => {
    const tool = index.models.find((m) => m.useCase === 'tool')!;
    assert.deepEqual(tool.threats.map((x) => [x.id, x.status, x.owner, x.reviewBy]), [
      ['TOOL-01', 'accepted', '@platform-team', '2026-11-30'],
      ['TOOL-02', 'accepted', '@cli-maintainers', '2027-06-01'],
      ['TOOL-03', 'open', undefined, '2026-12-01'],
      ['TOOL-04', 'open', undefined, '2026-10-01'],
    ]);
  });

  await t.test('should report each passed date at its value, naming the threat, its status and its owner', () => {
    assert.deepEqual(found(index.models, FIXTURE_TODAY), [
      ['expired-risk', '40:14', 'error', 'The review of accepted risk TOOL-01, owned by @platform-team, was due by 2026-11-30, 1 day before 2026-12-01'],
      ['expired-risk', '78:14', 'error', 'The review of open risk TOOL-04 was due by 2026-10-01, 61 days before 2026-12-01'],
    ]);
  });

  await t.test('should leave a date that is today or later alone', () => {
    assert.deepEqual(found(index.models, '2026-09-30'), []);
    assert.equal(found(index.models, '2027-06-02').length, 4);
  });

  await t.test('should tell the owner what to do, or ask for an owner', () => {
    const [owned, unowned] = checkRiskReviews(index.models, FIXTURE_TODAY);
    assert.equal(owned!.hint, '@platform-team: review the risk, then set `Review by` to the date of the next review (or change its `Status`).');
    assert.equal(unowned!.hint, 'Review the risk, add `- Owner: @handle`, and set `Review by` to the date of the next review (or change its `Status`).');
  });

  await t.test('should run in analyze, against the date it is given', () => {
    assert.deepEqual(diagnostics.filter((d) => d.ruleId === 'expired-risk').map((d) => d.reason.slice(0, 40)), [
      'The review of accepted risk TOOL-01, own',
      'The review of open risk TOOL-04 was due ',
    ]);
    const later = analyze(sources, config, undefined, undefined, [], undefined, '2026-10-01').diagnostics.filter((d) => d.ruleId === 'expired-risk');
    assert.deepEqual(later, []);
  });

  await t.test('should carry the tracked fields into the JSON-ready model, and none for an untracked threat', () => {
    const web = index.models.find((m) => m.useCase === 'web')!;
    assert.equal(web.threats.some((x) => 'status' in x || 'owner' in x || 'reviewBy' in x), false);
  });
});
