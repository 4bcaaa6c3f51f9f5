/**
 * The cross-file link rule: a local link or image of a threat model must
 * reach another threat model and one of its anchors, an anchor of the
 * reference page, a page of the site and one of its headings, or a file in
 * a static folder. A broken one says what it missed and, where one is
 * close, what was probably meant; never a neighbouring threat.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {analyze} from '../../plugins/threat-model/lib/load';
import {parseThreatModel} from '../../plugins/threat-model/lib/parse';
import {anchorHint, checkLinks} from '../../plugins/threat-model/lib/rules/links';
import {readSite} from '../../plugins/threat-model/lib/site';

const config = loadConfig(fixtureConfig);
const siteDir = path.join(__dirname, '..', 'fixtures', 'shared');
const web = fs.readFileSync(path.join(siteDir, 'threat-models', 'web.md'), 'utf8');
const tool = fs.readFileSync(path.join(siteDir, 'threat-models', 'tool.md'), 'utf8');
const site = readSite(siteDir, config);

const files = ['threat-models/web.md', 'threat-models/tool.md'];
const toolModel = analyze([{file: files[1]!, bytes: Buffer.from(tool)}], config).index.models[0]!;

/** web.md with one out-of-scope item holding `markdown`, and tool.md. */
function withItem(markdown: string) {
  const text = web.replace('- Code the operator chose to run.', `- ${markdown}`);
  const result = parseThreatModel(text, files[0]!, config);
  assert.deepEqual(result.diagnostics.map(String), []);
  return {models: [result.model!, toolModel], files};
}

/** The findings of the link rule for one link or image. */
function check(markdown: string, withSite = true) {
  const {models, files} = withItem(markdown);
  return checkLinks(models, config, withSite ? site : undefined, files).map((d) => ({
    rule: d.ruleId, at: `${d.line}:${d.column}`, message: d.reason, hint: d.hint,
    ...(d.expected ? {expected: d.expected} : {}), ...(d.actual !== undefined ? {actual: d.actual} : {}),
  }));
}

const line = web.split('\n').indexOf('- Code the operator chose to run.') + 1;

test('link rule', async (t) => {
  await t.test('should find nothing wrong with the fixture models', () => {
    const {models, files} = withItem('Code the operator chose to run.');
    assert.deepEqual(checkLinks(models, config, site, files), []);
  });

  await t.test('should accept links that reach a model, its anchor, the reference page, a page heading or a static file', () => {
    for (const link of ['[t](./tool.md)', '[t](./tool.md#TOOL-01)', '[t](./tool.md#scope)', '[t](/threat-models/tool#TOOL-02)', '[r](/reference)',
      '[r](/reference#feature-permission)', '[r](/reference#use-case-tool)', '[d](/docs/permission-model#flags)', '[d](/docs)', '![l](/img/logo.svg)']) {
      assert.deepEqual(check(link), [], link);
    }
  });

  await t.test('should report a link to a threat model that does not exist, listing those that do', () => {
    for (const link of ['[s](./server.md)', '[s](/threat-models/server)']) {
      const url = link.slice(4, -1);
      assert.deepEqual(check(link), [{rule: 'broken-link', at: `${line}:3`, message: `Link "${url}" points at no threat model`, hint: 'Threat models: ./web.md, ./tool.md.'}]);
    }
  });

  await t.test('should say when a linked model exists but has errors', () => {
    const {models, files} = withItem('[t](./tool.md)');
    const findings = checkLinks(models.filter((m) => m.useCase !== 'tool'), config, site, files);
    assert.deepEqual(findings.map((d) => [d.ruleId, d.reason, d.hint]), [['broken-link', 'Link "./tool.md" points at a threat model that has errors', 'Fix the errors in that file first.']]);
  });

  await t.test('should report a missing anchor of another model with a typo of its ID or heading, else its threats', () => {
    assert.deepEqual(check('[t](./tool.md#TOOL-1)'), [{rule: 'broken-anchor', at: `${line}:3`, message: 'Link "./tool.md#TOOL-1": threat-models/tool.md has no anchor "#TOOL-1"', hint: 'Did you mean "#TOOL-01"?'}]);
    assert.equal(check('[t](./tool.md#scop)')[0]!.hint, 'Did you mean "#scope"?');
    assert.equal(check('[t](./tool.md#TOOL-09)')[0]!.hint, 'Threats of threat-models/tool.md: TOOL-01, TOOL-02.', 'never the neighbouring TOOL-01');
    assert.equal(check('[t](/threat-models/tool#nope)')[0]!.message, 'Link "/threat-models/tool#nope": threat-models/tool.md has no anchor "#nope"');
  });

  await t.test('should report a missing anchor of the reference page, with the close one', () => {
    assert.deepEqual(check('[r](/reference#feature-permision)'), [{
      rule: 'broken-anchor', at: `${line}:3`, message: 'Link "/reference#feature-permision": the reference page has no anchor "#feature-permision"',
      hint: 'Did you mean "#feature-permission"?', expected: ['feature-permission'], actual: 'feature-permision',
    }]);
    assert.equal(check('[r](/reference#zzzzzzzz)')[0]!.hint, 'Link to a feature as `#feature-<id>` or to a use case as `#use-case-<id>`.');
  });

  await t.test('should accept the triage page and its use-case sections, and report a missing one', () => {
    assert.deepEqual(check('[t](/is-this-a-vulnerability) [w](/is-this-a-vulnerability#use-case-web)'), []);
    assert.deepEqual(check('[t](/is-this-a-vulnerability#use-case-wbe)'), [{
      rule: 'broken-anchor', at: `${line}:3`, message: 'Link "/is-this-a-vulnerability#use-case-wbe": the triage page has no anchor "#use-case-wbe"',
      hint: 'Did you mean "#use-case-web"?', expected: ['use-case-web'], actual: 'use-case-wbe',
    }]);
    assert.equal(check('[t](/is-this-a-vulnerability#zzzzzzzz)')[0]!.hint, 'Link to a use case\'s section as `#use-case-<id>`.');
  });

  await t.test('should accept the Changes page, with any commit anchor', () => {
    assert.deepEqual(check('[c](/changes) [one](/changes#commit-1a2b3c4)'), []);
  });

  await t.test('should report a missing heading anchor of a docs page, with the close one or the page\'s anchors', () => {
    assert.deepEqual(check('[d](/docs/permission-model#flag)'), [{
      rule: 'broken-anchor', at: `${line}:3`, message: 'Link "/docs/permission-model#flag": the page /docs/permission-model has no anchor "#flag"',
      hint: 'Did you mean "#flags"?', expected: ['flags'], actual: 'flag',
    }]);
    assert.equal(check('[d](/docs/permission-model#zzzzzz)')[0]!.hint, 'Its anchors: #flags.');
    assert.equal(check('[d](/docs#x)')[0]!.hint, 'That page has no headings to link to.');
  });

  await t.test('should report a link that is neither a page nor a static file', () => {
    assert.deepEqual(check('[d](/docs/permision-model)'), [{
      rule: 'broken-link', at: `${line}:3`, message: 'Link "/docs/permision-model" is neither a page of the site nor a file in static',
      hint: 'Did you mean "/docs/permission-model"?', expected: ['/docs/permission-model'], actual: '/docs/permision-model',
    }]);
    assert.equal(check('[n](/nothing/here/at/all)')[0]!.hint, 'Check the URL; pages of the site are linked by their route, e.g. `/docs/…`.');
    assert.deepEqual(check('![m](/img/missing.png)').map((d) => [d.message, d.hint]), [['Image "/img/missing.png" is neither a page of the site nor a file in static', 'Put the image in `static/img/` and write `/img/<name>`.']]);
  });

  await t.test('should check links into the site only when it knows the site', () => {
    assert.deepEqual(check('[d](/docs/permision-model) [r](/reference#zzzzzzzz) ![m](/img/missing.png)', false), []);
    assert.equal(check('[t](./tool.md#TOOL-09)', false).length, 1, 'links between models are still checked');
  });
});

test('anchor hint', async (t) => {
  await t.test('should suggest the threat ID an anchor is a typo of', () => {
    assert.equal(anchorHint('tool-2', toolModel), 'Did you mean "#TOOL-02"?');
    assert.equal(anchorHint('TOL-01', toolModel), 'Did you mean "#TOOL-01"?');
  });

  await t.test('should suggest a close heading anchor, but never for something written as an ID', () => {
    assert.equal(anchorHint('asets', toolModel), 'Did you mean "#assets"?');
    assert.equal(anchorHint('TOOL-03', toolModel), 'Threats of threat-models/tool.md: TOOL-01, TOOL-02.');
  });

  await t.test('should point at the headings of a model without threats', () => {
    assert.equal(anchorHint('nothing-like-it', {...toolModel, threats: []}), 'Link to a heading of that page.');
  });
});
