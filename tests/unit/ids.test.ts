/**
 * What IDs and file names say: a use case's file is `<dir>/<use case>.md`,
 * a threat ID is `PREFIX-NN` and its prefix names the use case, and a
 * mistyped ID is only ever suggested as the same threat in another
 * spelling (case, dash, zeros, a prefix one edit away), never as a
 * neighbouring number.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {
  canonicalId,
  ID_PATTERN,
  modelFile,
  ownerOf,
  suggestId,
  threatId,
  typoOf,
  useCaseOfFile,
} from '../../plugins/threat-model/lib/ids';

const config = loadConfig(fixtureConfig);

test('ids', async (t) => {
  await t.test('should name a use case file after the configured folder and the use case', () => {
    assert.equal(modelFile(config, 'web'), 'threat-models/web.md');
    assert.equal(modelFile({dir: 'models/nested'}, 'server'), 'models/nested/server.md');
  });

  await t.test('should read the use case from a file name whatever its folder', () => {
    assert.equal(useCaseOfFile('threat-models/server.md'), 'server');
    assert.equal(useCaseOfFile('a/b/c/tool.md'), 'tool');
    assert.equal(useCaseOfFile('web.md'), 'web');
    assert.equal(useCaseOfFile('threat-models/notes.txt'), 'notes.txt');
    assert.equal(useCaseOfFile('threat-models/web.md.md'), 'web.md');
  });

  await t.test('should find the use case whose prefix an ID has, and none for an ID without the dash', () => {
    assert.deepEqual(ownerOf(config, 'WEB-01'), config.useCases[0]);
    assert.equal(ownerOf(config, 'TOOL-07')?.id, 'tool');
    assert.equal(ownerOf(config, 'WEB01'), undefined);
    assert.equal(ownerOf(config, 'SRV-01'), undefined);
    assert.equal(ownerOf({useCases: []}, 'WEB-01'), undefined);
    // A prefix that starts another prefix does not claim its IDs.
    const layout = {useCases: [{id: 'web', prefix: 'WEB'}, {id: 'webapp', prefix: 'WEBAPP'}]};
    assert.equal(ownerOf(layout, 'WEBAPP-02')?.id, 'webapp');
    assert.equal(ownerOf(layout, 'WEB-02')?.id, 'web');
  });

  await t.test('should number IDs with two digits up to 99 and without leading zeros after', () => {
    assert.equal(threatId('SRV', 1), 'SRV-01');
    assert.equal(threatId('SRV', 12), 'SRV-12');
    assert.equal(threatId('SRV', 99), 'SRV-99');
    assert.equal(threatId('SRV', 100), 'SRV-100');
  });

  await t.test('should accept only PREFIX-NN with no zero and no extra leading zeros', () => {
    for (const id of ['WEB-01', 'WEB-09', 'WEB-10', 'WEB-100', 'W2-05', threatId('TOOL', 123)]) assert.equal(ID_PATTERN.test(id), true, id);
    for (const id of ['WEB-00', 'WEB-1', 'WEB-010', 'web-01', '1W-01', 'WEB01', 'WEB_01', 'WEB-', '-01', '', 'WEB-01 ']) {
      assert.equal(ID_PATTERN.test(id), false, id);
    }
  });

  await t.test('should give the canonical form of an ID written in another spelling', () => {
    assert.equal(canonicalId('WEB-01'), 'WEB-01');
    assert.equal(canonicalId('web-1'), 'WEB-01');
    assert.equal(canonicalId('WEB1'), 'WEB-01');
    assert.equal(canonicalId('WEB_001'), 'WEB-01');
    assert.equal(canonicalId('web 3'), 'WEB-03');
    assert.equal(canonicalId('  Tool-12  '), 'TOOL-12');
    assert.equal(canonicalId('WEB-0100'), 'WEB-100');
  });

  await t.test('should give no canonical form to what is not an ID', () => {
    for (const written of ['', 'WEB', 'WEB-', '01', '-01', 'WEB-0', 'WEB-000', 'WEB--01', 'WEB-01a', 'W-E-B-01']) {
      assert.equal(canonicalId(written), undefined, written);
    }
  });

  await t.test('should suggest the well-formed ID for a malformed one and nothing for a well-formed one', () => {
    assert.equal(suggestId('web-1'), 'WEB-01');
    assert.equal(suggestId('WEB1'), 'WEB-01');
    assert.equal(suggestId('WEB-001'), 'WEB-01');
    assert.equal(suggestId('WEB-01'), undefined);
    assert.equal(suggestId('not an id'), undefined);
  });

  await t.test('should suggest only an ID whose prefix is the use case prefix or one edit from it', () => {
    assert.equal(suggestId('web-1', 'WEB'), 'WEB-01');
    assert.equal(suggestId('WEBB-1', 'WEB'), 'WEBB-01');
    assert.equal(suggestId('wbe-2', 'WEB'), 'WBE-02');
    assert.equal(suggestId('tool-1', 'WEB'), undefined);
    assert.equal(suggestId('tool-1', 'TOOL'), 'TOOL-01');
  });

  await t.test('should find the known ID a written one is a typo of', () => {
    const known = ['WEB-01', 'WEB-02', 'TOOL-01'];
    assert.equal(typoOf('web-1', known), 'WEB-01');
    assert.equal(typoOf('WEB02', known), 'WEB-02');
    assert.equal(typoOf('WEV-01', known), 'WEB-01');
    assert.equal(typoOf('TOL-01', known), 'TOOL-01');
    assert.equal(typoOf('WBE-02', known), 'WEB-02');
  });

  await t.test('should never suggest a neighbouring number, a far prefix, an ambiguous match or the ID itself', () => {
    const known = ['WEB-01', 'WEB-02', 'TOOL-01'];
    assert.equal(typoOf('WEB-03', known), undefined);
    assert.equal(typoOf('TOL-02', known), undefined);
    assert.equal(typoOf('SRV-01', known), undefined);
    assert.equal(typoOf('WEB-01', known), undefined);
    assert.equal(typoOf('nonsense', known), undefined);
    assert.equal(typoOf('WEB-01', []), undefined);
    assert.equal(typoOf('WED-01', ['WEB-01', 'WEC-01']), undefined);
  });
});
