/**
 * The cross-file Related rule: every ID a threat lists under `Related`
 * names a threat that exists. A missing one is reported where it is
 * written, with the existing ID it is a typo of, or the threats of its use
 * case, or, when its use case has no threat model yet, that file to add;
 * a use case whose file exists but failed to parse is left to that file's
 * own findings.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {analyze} from '../../plugins/threat-model/lib/load';
import {checkRelated} from '../../plugins/threat-model/lib/rules/related';
import type {Threat} from '../../plugins/threat-model/lib/types';

const config = loadConfig(fixtureConfig);
const models = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const {index} = analyze(['web.md', 'tool.md'].map((name) => ({file: `threat-models/${name}`, bytes: fs.readFileSync(path.join(models, name))})), config);
const threats = index.models.flatMap((m) => m.threats);
const web = threats.filter((t) => t.useCase === 'web');
const web03 = threats.find((t) => t.id === 'WEB-03')!;
/** WEB-03 with `related` as its Related list, each written at line 60. */
const relating = (...related: string[]): Threat => ({...web03, related, relatedAt: Object.fromEntries(related.map((id, i) => [id, {line: 60, column: 14 + i * 9}]))});
const others = threats.filter((t) => t !== web03);
/** The web threats but WEB-03, relating to nothing. */
const webAlone = web.filter((t) => t !== web03).map((t) => ({...t, related: [], relatedAt: {}}));

test('Related rule', async (t) => {
  await t.test('should find nothing when every Related ID exists', () => {
    assert.deepEqual(web03.related, ['WEB-01']);
    assert.deepEqual(checkRelated(threats, config, ['threat-models/web.md', 'threat-models/tool.md']), []);
    assert.deepEqual(checkRelated([]), []);
  });

  await t.test('should report a typo of an existing ID where it is written, with the ID meant', () => {
    const [finding, ...rest] = checkRelated([...others, relating('WEB-01', 'TOOL-1')], config);
    assert.deepEqual(rest, []);
    assert.equal(finding!.ruleId, 'unknown-related');
    assert.equal(finding!.file, 'threat-models/web.md');
    assert.deepEqual([finding!.line, finding!.column], [60, 23]);
    assert.equal(finding!.reason, 'Related ID "TOOL-1" in WEB-03 exists in no threat model (did you mean "TOOL-01"?)');
    assert.equal(finding!.hint, 'Write "TOOL-01", or remove "TOOL-1" from Related.');
  });

  await t.test('should list the threats of the use case, never guess a neighbouring number', () => {
    const [finding] = checkRelated([...others, relating('TOOL-03')], config);
    assert.equal(finding!.reason, 'Related ID "TOOL-03" in WEB-03 exists in no threat model');
    assert.equal(finding!.hint, 'Remove "TOOL-03" from Related, or link one of the "tool" threats: TOOL-01, TOOL-02.');
    const [withoutConfig] = checkRelated([...others, relating('TOOL-03')]);
    assert.equal(withoutConfig!.hint, 'Remove "TOOL-03" from Related, or link one of the TOOL threats: TOOL-01, TOOL-02.');
  });

  await t.test('should suggest adding a threat for an ID of no known prefix', () => {
    const [finding] = checkRelated([...others, relating('API-07')], config);
    assert.equal(finding!.reason, 'Related ID "API-07" in WEB-03 exists in no threat model');
    assert.equal(finding!.hint, 'Remove "API-07" from Related, or add a threat with that ID.');
  });

  await t.test('should say when the ID\'s use case has no threat model yet', () => {
    const [finding, ...rest] = checkRelated([...webAlone, relating('TOOL-01')], config, ['threat-models/web.md']);
    assert.deepEqual(rest, []);
    assert.equal(finding!.reason, 'Related ID "TOOL-01" in WEB-03 points into use case "tool", which has no threat model yet');
    assert.equal(finding!.hint, 'Add threat-models/tool.md with a threat TOOL-01, or remove "TOOL-01" from Related.');
  });

  await t.test('should leave an ID of a use case whose file failed to parse to that file\'s findings', () => {
    const onlyWeb = [...webAlone, relating('TOOL-01')];
    assert.deepEqual(checkRelated(onlyWeb, config, ['threat-models/web.md', 'threat-models/tool.md']), []);
    assert.equal(checkRelated(onlyWeb).length, 1, 'without the configuration it cannot know the file');
  });

  await t.test('should fall back to the threat\'s place when the ID\'s place is not known', () => {
    const [finding] = checkRelated([...others, {...web03, related: ['TOOL-09'], relatedAt: {}}], config);
    assert.deepEqual([finding!.line, finding!.column], [web03.position.line, web03.position.column]);
  });
});
