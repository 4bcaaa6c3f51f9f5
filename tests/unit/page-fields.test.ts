/**
 * What a threat page shows of each threat and of the model: mitigations as
 * a list, one item per mitigation; severity badges that link to the rubric
 * when the site has one; and, first in "At a glance", how many threats are
 * the runtime's and how many are someone else's, with their IDs.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import type {Element, Root as HastRoot} from 'hast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {renderPage} from './render';
import {all, hasClass, textOf} from './hast';

const web = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models', 'web.md'), 'utf8');
const file = 'threat-models/web.md';
const plain = loadConfig(fixtureConfig);
const withRubric = loadConfig({...fixtureConfig, severityRubric: '/docs/contributing#severity-rubric'});


test('threat page fields', async (t) => {
  await t.test('should show mitigations as a list, one item per mitigation', () => {
    const listed = web.replace('- Mitigations: keep Node.js patched; never enable `--insecure-http-parser`',
      '- Mitigations:\n  - Keep Node.js patched\n  - Never enable `--insecure-http-parser`');
    const lists = all(renderPage(listed, file, plain), hasClass('tm-mitigations'));
    assert.equal(lists.length, 3, 'one list per threat');
    assert.equal(lists[0]!.tagName, 'ul');
    assert.deepEqual(lists[0]!.children.filter((c) => c.type === 'element').map(textOf), ['Keep Node.js patched', 'Never enable --insecure-http-parser']);
    // A value on the field's line is one mitigation.
    assert.deepEqual(lists[1]!.children.filter((c) => c.type === 'element').map(textOf), ['keep the default timeouts; put a proxy with its own limits in front']);
  });

  await t.test('should show a tracked risk\'s status, owner and review date under its threat, and nothing for an untracked one', () => {
    const tracked = web.replace('- Mitigations: keep Node.js patched; never enable `--insecure-http-parser`',
      '- Mitigations: keep Node.js patched\n- Status: accepted\n- Owner: @platform-team\n- Review by: 2027-03-01');
    const lists = all(renderPage(tracked, file, plain), hasClass('tm-fields'));
    const terms = (dl: Element) => dl.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'dt').map(textOf);
    assert.deepEqual(terms(lists[0]!).slice(-4), ['Risk status', 'Owner', 'Review by', 'References']);
    const badge = all(lists[0]!, hasClass('tm-badge--risk-accepted'));
    assert.deepEqual(badge.map(textOf), ['Accepted']);
    assert.deepEqual(all(lists[0]!, (el) => el.tagName === 'time').map((el) => [el.properties?.dateTime, textOf(el)]), [['2027-03-01', '2027-03-01']]);
    assert.equal(terms(lists[1]!).includes('Risk status'), false);
    assert.equal(all(renderPage(web, file, plain), hasClass('tm-badge--risk')).length, 0);
  });

  await t.test('should link each severity badge to the rubric when the site names one, and only then', () => {
    const linked = all(renderPage(web, file, withRubric), (el) => el.tagName === 'a' && all(el, hasClass('tm-badge--severity')).length > 0);
    assert.ok(linked.length >= 3 + 3, 'the summary counts and each threat');
    for (const a of linked) assert.equal(a.properties?.href, '/docs/contributing#severity-rubric');
    const labels = linked.map(textOf);
    assert.ok(labels.includes('High'), labels.join(', '));
    assert.ok(labels.includes('Critical: 1'), labels.join(', '));
    assert.deepEqual(all(renderPage(web, file, plain), (el) => el.tagName === 'a' && all(el, hasClass('tm-badge--severity')).length > 0), []);
  });

  await t.test('should put the responsibility split first, each with its own badge class and its threats', () => {
    const tree = renderPage(web, file, plain) as HastRoot;
    const [summary] = all(tree, hasClass('tm-summary'));
    const parts = (summary!.children as Element[]).filter((c) => c.type === 'element').map((c) => (c.properties?.className as string[] | undefined)?.[0]);
    // Review state, then responsibility, then severity and STRIDE (unclassed), then coverage.
    assert.deepEqual(parts, ['tm-summary__draft', 'tm-summary__review', 'tm-summary__total', 'tm-summary__responsibility', undefined, undefined, 'tm-summary__coverage']);
    const [split] = all(tree, hasClass('tm-summary__responsibility'));
    const items = split!.children.filter((c): c is Element => c.type === 'element');
    assert.deepEqual(items.map(textOf), ['Node.js vulnerability: 1 WEB-01', 'Application: 1 WEB-03', 'Operator: 1 WEB-02']);
    assert.deepEqual(items.map((li) => all(li, hasClass('tm-badge--responsibility'))[0]!.properties?.className), [
      ['tm-badge', 'tm-badge--responsibility', 'tm-badge--responsibility-node'],
      ['tm-badge', 'tm-badge--responsibility', 'tm-badge--responsibility-application'],
      ['tm-badge', 'tm-badge--responsibility', 'tm-badge--responsibility-operator'],
    ]);
    // The count opens the reference's table filtered to this use case and responsibility; each ID, its threat here.
    assert.deepEqual(items.map((li) => all(li, (el) => el.tagName === 'a').map((a) => a.properties?.href)), [
      ['/reference?use-case=web&responsibility=node#threats', '#WEB-01'],
      ['/reference?use-case=web&responsibility=application#threats', '#WEB-03'],
      ['/reference?use-case=web&responsibility=operator#threats', '#WEB-02'],
    ]);
  });
});
