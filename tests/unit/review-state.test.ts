/**
 * The review state at the top of each model page: status, last review,
 * owners and, when the site names a security policy, the revision of it the
 * model was checked against; a draft says what draft means. The check
 * requires the revision exactly when there is a policy to name.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import type {Element, Root as HastRoot} from 'hast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {buildExport} from '../../plugins/threat-model/lib/export';
import {analyze} from '../../plugins/threat-model/lib/load';
import {parseThreatModel} from '../../plugins/threat-model/lib/parse';
import {threatModelTemplate} from '../../plugins/threat-model/lib/template';
import {renderPage} from './render';
import {textOf} from './hast';

const web = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models', 'web.md'), 'utf8');
const file = 'threat-models/web.md';
const REVISION = '004238d77c5ef7d23098b600f76f94d2bf4e2db5';
const plain = loadConfig(fixtureConfig);
const withPolicy = loadConfig({...fixtureConfig, policy: {label: 'SECURITY.md', url: 'https://github.com/nodejs/node/blob/{revision}/SECURITY.md'}});

const withFrontMatter = (text: string, lines: string) => text.replace(/^owners: .*$/m, (owners) => `${owners}\n${lines}`);
const withStatus = (text: string, status: string) => text.replace(/^status: .*$/m, `status: ${status}`);

function byClass(tree: HastRoot, className: string): Element | undefined {
  let found: Element | undefined;
  const walk = (node: {children?: unknown[]}) => {
    for (const child of (node.children ?? []) as Array<Element & {children?: unknown[]}>) {
      if (found) return;
      if (child.type === 'element' && (child.properties?.className as string[] | undefined)?.includes(className)) found = child;
      else walk(child);
    }
  };
  walk(tree);
  return found;
}


function links(node: unknown): string[] {
  const n = node as Element & {children?: unknown[]};
  const own = n.type === 'element' && n.tagName === 'a' ? [String(n.properties?.href)] : [];
  return [...own, ...(n.children ?? []).flatMap(links)];
}

test('a page says its status, last review and owners', () => {
  const tree = renderPage(withStatus(web, 'review'), file, plain);
  const review = byClass(tree, 'tm-summary__review');
  assert.ok(review, 'review line');
  assert.equal(textOf(review), 'Status: In review. Last reviewed 2026-11-01 by @nodejs/security-wg.');
  assert.equal(byClass(tree, 'tm-summary__draft'), undefined, 'no draft notice on a model in review');
});

test('a page names and links the policy revision it was checked against', () => {
  const tree = renderPage(withStatus(withFrontMatter(web, `policy_revision: "${REVISION}"`), 'published'), file, withPolicy);
  const review = byClass(tree, 'tm-summary__review')!;
  assert.match(textOf(review), /Checked against SECURITY\.md at 004238d77c5e\.$/);
  assert.deepEqual(links(review), [`https://github.com/nodejs/node/blob/${REVISION}/SECURITY.md`]);
});

test('a draft carries a notice that says what draft means', () => {
  const tree = renderPage(web, file, plain);
  const notice = byClass(tree, 'tm-summary__draft');
  assert.ok(notice, 'draft notice');
  assert.equal(notice.properties?.role, 'note');
  assert.match(textOf(notice), /^Draft\. Not every statement on this page has been checked against its sources yet\./);
});

test('the check asks for the revision when the site names a policy', () => {
  const [finding, ...rest] = parseThreatModel(web, file, withPolicy).diagnostics;
  assert.deepEqual(rest, []);
  assert.equal(finding?.ruleId, 'missing-field');
  assert.equal(finding?.reason, 'Missing front-matter field "policy_revision"');
  assert.equal(finding?.hint, 'Add `policy_revision: <revision>`: the revision of SECURITY.md you checked this model against (https://github.com/nodejs/node/blob/<revision>/SECURITY.md). Readers see it on the page.');
  assert.deepEqual(parseThreatModel(withFrontMatter(web, `policy_revision: "${REVISION}"`), file, withPolicy).diagnostics, []);
});

test('the check refuses a revision of no policy, and one that is not a revision', () => {
  const [orphan] = parseThreatModel(withFrontMatter(web, 'policy_revision: "abc1234"'), file, plain).diagnostics;
  assert.equal(orphan?.ruleId, 'invalid-front-matter');
  assert.equal(orphan?.reason, 'Front-matter field "policy_revision" names a revision of no policy');
  assert.equal(orphan?.line, 8);
  const [bad] = parseThreatModel(withFrontMatter(web, 'policy_revision: "../main"'), file, withPolicy).diagnostics;
  assert.equal(bad?.ruleId, 'invalid-front-matter');
  assert.match(bad?.reason ?? '', /^Invalid front-matter field "policy_revision": expected a revision such as a commit hash or a tag/);
});

test('a policy url must say where the revision goes', () => {
  assert.throws(() => loadConfig({...fixtureConfig, policy: {label: 'SECURITY.md', url: 'https://example.org/SECURITY.md'}}), /put \{revision\} where the revision goes/);
  assert.throws(() => loadConfig({...fixtureConfig, policy: {label: 'SECURITY.md', url: 'http://example.org/{revision}'}}));
});

test('the scaffold of a site with a policy asks for the revision, and the check reports it until filled in', () => {
  const useCase = withPolicy.useCases[0]!;
  const scaffold = threatModelTemplate(useCase, withPolicy.runtime, '2026-01-02', withPolicy.policy);
  assert.match(scaffold, /\npolicy_revision: "revision-you-checked-against" # the SECURITY\.md revision you checked against\n---\n/);
  const findings = parseThreatModel(scaffold, `threat-models/${useCase.id}.md`, withPolicy).diagnostics;
  const placeholder = findings.find((d) => d.reason === 'Scaffold text "revision-you-checked-against" was never replaced');
  assert.equal(placeholder?.line, 8);
  assert.doesNotMatch(threatModelTemplate(useCase, plain.runtime, '2026-01-02'), /policy_revision/);
});

test('the export carries the policy revision and its address', () => {
  const text = withFrontMatter(web, `policy_revision: "${REVISION}"`);
  const {index} = analyze([{file, bytes: new TextEncoder().encode(text)}], withPolicy);
  const [model] = buildExport(index, withPolicy, {web: '/threat-models/web'}).models;
  assert.deepEqual(model?.policy, {label: 'SECURITY.md', revision: REVISION, url: `https://github.com/nodejs/node/blob/${REVISION}/SECURITY.md`});
  const {index: without} = analyze([{file, bytes: new TextEncoder().encode(web)}], plain);
  assert.equal(buildExport(without, plain, {}).models[0]?.policy, undefined);
});
