/**
 * The cross-file review-age rule: a model last reviewed more than
 * `review.maxAgeDays` (default 365) days before the check's date gets a
 * warning at its `last_reviewed` value. The date comes from the caller, else
 * `SOURCE_DATE_EPOCH`, else the clock, so reports can be reproduced.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {analyze} from '../../plugins/threat-model/lib/load';
import {checkReviewAge, daysBetween, resolveToday} from '../../plugins/threat-model/lib/rules/review-age';
import type {ThreatModel} from '../../plugins/threat-model/lib/types';

const config = loadConfig(fixtureConfig);
const dir = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const sources = ['web.md', 'tool.md'].map((name) => ({file: `threat-models/${name}`, bytes: fs.readFileSync(path.join(dir, name))}));
const texts = new Map(sources.map((s) => [s.file, s.bytes.toString('utf8')]));
const {index} = analyze(sources, config);
const [web, tool] = index.models as [ThreatModel, ThreatModel];
const findings = (models: ThreatModel[], today: string, cfg = config) => checkReviewAge(models, cfg, texts, today).map((d) => ({
  rule: d.ruleId, file: d.file, at: `${d.line}:${d.column}`, severity: d.severity, message: d.reason, hint: d.hint,
}));

test('review-age rule', async (t) => {
  await t.test('should count whole days between two ISO dates, and refuse what is not one', () => {
    assert.equal(daysBetween('2026-11-01', '2026-11-01'), 0);
    assert.equal(daysBetween('2025-11-01', '2026-11-01'), 365);
    assert.equal(daysBetween('2024-03-01', '2025-03-01'), 365);
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('1 November 2026', '2026-11-01'), undefined);
  });

  await t.test('should take the date given, else SOURCE_DATE_EPOCH, else the clock', () => {
    assert.equal(resolveToday('2030-01-01', {SOURCE_DATE_EPOCH: '0'}), '2030-01-01');
    assert.equal(resolveToday(undefined, {SOURCE_DATE_EPOCH: '1796083200'}), '2026-12-01');
    assert.equal(resolveToday(undefined, {SOURCE_DATE_EPOCH: 'soon'}), new Date().toISOString().slice(0, 10));
    assert.equal(resolveToday(undefined, {}), new Date().toISOString().slice(0, 10));
  });

  await t.test('should find nothing up to the limit, and warn the day after', () => {
    assert.equal(web.frontMatter.last_reviewed, '2026-11-01');
    assert.deepEqual(findings([web, tool], '2027-10-15'), []);
    assert.deepEqual(findings([web], '2027-11-01'), []);
    assert.deepEqual(findings([web], '2027-11-02'), [{
      rule: 'stale-review', file: 'threat-models/web.md', at: '6:16', severity: 'warning',
      message: 'Last reviewed 2026-11-01, 366 days before 2027-11-02: older than the 365 days allowed',
      hint: 'Review the model against its sources and the current security policy, then set `last_reviewed` to the date of that review (the limit is review.maxAgeDays in threat-model.config.ts).',
    }]);
  });

  await t.test('should warn for each stale model, at its own file', () => {
    assert.equal(tool.frontMatter.last_reviewed, '2026-10-15');
    assert.deepEqual(findings([web, tool], '2027-11-02').map((f) => [f.file, f.at]), [['threat-models/web.md', '6:16'], ['threat-models/tool.md', '6:16']]);
  });

  await t.test('should follow review.maxAgeDays from the configuration', () => {
    const strict = loadConfig({...fixtureConfig, review: {maxAgeDays: 30}});
    assert.deepEqual(findings([web], '2026-12-01', strict).map((f) => f.message), []);
    assert.deepEqual(findings([web], '2026-12-02', strict).map((f) => f.message), ['Last reviewed 2026-11-01, 31 days before 2026-12-02: older than the 30 days allowed']);
    assert.throws(() => loadConfig({...fixtureConfig, review: {maxAgeDays: 0}}), /review\.maxAgeDays/);
  });

  await t.test('should run in the check, after the per-file reading', () => {
    const result = analyze(sources, config, undefined, undefined, [], undefined, '2030-01-01');
    assert.deepEqual(result.diagnostics.map((d) => [d.ruleId, d.file]), [['stale-review', 'threat-models/tool.md'], ['stale-review', 'threat-models/web.md']]);
    assert.deepEqual(analyze(sources, config, undefined, undefined, [], undefined, '2026-12-01').diagnostics, []);
  });
});
