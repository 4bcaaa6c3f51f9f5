/**
 * The triage page's wording where the site's content does not reach it: no
 * policy, one policy revision for every model or several, a draft model, a
 * model with no threat of the runtime's, none of anyone else's or nothing
 * out of scope. The theme component is bundled with stand-ins for
 * Docusaurus's Layout, Heading and Link and rendered to static HTML, as the
 * build renders it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import {createElement, type ComponentType, type ReactElement} from 'react';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {buildExport} from '../../plugins/threat-model/lib/export';
import {analyze} from '../../plugins/threat-model/lib/load';
import {buildTriageData, type TriageData} from '../../plugins/threat-model/lib/triage-data';
import {themeComponent} from './theme-bundle';

// The site has no type declarations of react-dom; this is the one function used.
const {renderToStaticMarkup} = require('react-dom/server') as {renderToStaticMarkup: (element: ReactElement) => string};
const fixtures = path.join(__dirname, '..', 'fixtures', 'shared', 'threat-models');
const paths = {exportPath: '/threat-models.json', schemaPath: '/threat-models.schema.json', referencePath: '/reference'};

/** The fixture's triage data; `revisions` adds a `policy_revision` to each named file (and a policy to the config). */
function triageOf(revisions?: Record<string, string>): TriageData {
  const config = loadConfig(revisions ? {...fixtureConfig, policy: {label: 'SECURITY.md', url: 'https://example.org/blob/{revision}/SECURITY.md'}} : fixtureConfig);
  const source = (name: string) => {
    const text = fs.readFileSync(path.join(fixtures, `${name}.md`), 'utf8');
    const revision = revisions?.[name];
    return {file: `threat-models/${name}.md`, bytes: Buffer.from(revision ? text.replace(/^---\n/, `---\npolicy_revision: "${revision}"\n`) : text)};
  };
  const {index} = analyze([source('web'), source('tool')], config);
  return buildTriageData(buildExport(index, config, {web: '/threat-models/web', tool: '/threat-models/tool'}), paths);
}

/** The page's text with tags removed and spaces collapsed, and its HTML. */
function render(Page: ComponentType<{triage: TriageData}>, triage: TriageData): {text: string; html: string} {
  const html = renderToStaticMarkup(createElement(Page, {triage}));
  return {html, text: html.replace(/<[^>]+>/g, '').replace(/&#x27;/g, '\'').replace(/\s+/g, ' ')};
}

/** The HTML of one use case's section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`data-use-case="${id}"`);
  assert.notEqual(start, -1, id);
  const end = html.indexOf('<section', start);
  return html.slice(start, end === -1 ? undefined : end);
}

test('the triage page', async (t) => {
  const Page = await themeComponent<{triage: TriageData}>('ThreatModelTriage/index.tsx');

  await t.test('should say the policy wins, and link no revision when the site names no policy', () => {
    const {text, html} = render(Page, triageOf());
    assert.match(text, /^Is this a Node\.js vulnerability\?/);
    assert.match(html, /<p>Where this page differs from Node\.js&#x27;s own security policy, the policy wins\.<\/p>/);
    assert.doesNotMatch(html, /example\.org/);
    assert.match(html, /<a href="\/threat-models\.json">threat-models\.json<\/a> \(<a href="\/threat-models\.schema\.json">JSON Schema<\/a>\)/);
    assert.match(html, /<a href="\/reference">security-model reference<\/a>/);
  });

  await t.test('should link the one revision every model was checked against in the lead', () => {
    const {text, html} = render(Page, triageOf({web: 'abc123', tool: 'abc123'}));
    assert.match(text, /the policy wins\. Every threat model here was checked against SECURITY\.md at abc123\./);
    assert.equal(html.split('<a href="https://example.org/blob/abc123/SECURITY.md">SECURITY.md at abc123</a>').length - 1, 3, 'the lead and each use case');
  });

  await t.test('should send the reader to each use case when the models name different revisions', () => {
    const {text, html} = render(Page, triageOf({web: 'abc123', tool: 'def4567890abcdef'}));
    assert.match(text, /the policy wins\. Each use case below names the revision of the policy its model was checked against, if any\./);
    assert.match(section(html, 'tool'), /Checked against <a href="https:\/\/example\.org\/blob\/def4567890abcdef\/SECURITY\.md">SECURITY\.md at def4567890ab<\/a>\./);
  });

  await t.test('should show each model\'s status, and say what a draft is', () => {
    const {html} = render(Page, triageOf());
    assert.match(section(html, 'web'), /Threat model: <a href="\/threat-models\/web">Node\.js as a web server<\/a>\. Status: Draft\./);
    assert.match(section(html, 'web'), /<strong>Draft\.<\/strong> Not every statement in this model has been checked against its sources yet\./);
    assert.match(section(html, 'tool'), /Status: In review\./);
    assert.doesNotMatch(section(html, 'tool'), /Not every statement/);
  });

  await t.test('should list the runtime\'s threats with labels, and say so when a model has none', () => {
    const {html} = render(Page, triageOf());
    const web = section(html, 'web');
    assert.match(web, /Node\.js vulnerability<\/span>: 1 threat</);
    assert.match(web, /<a href="\/threat-models\/web#WEB-01">WEB-01<\/a>: Request smuggling between a proxy and the server/);
    assert.match(web, /<dt>Severity<\/dt><dd><span class="tm-badge tm-badge--severity tm-badge--severity-high">High<\/span><\/dd>/);
    assert.match(web, /<dt>Conditions<\/dt><dd>When a proxy and the server disagree/);
    assert.match(web, /<span class="tm-badge tm-badge--responsibility tm-badge--responsibility-application">Application<\/span>: 1 threat/);
    assert.match(section(html, 'tool'), /Node\.js vulnerability<\/span>: 0 threats<\/h3><p>This model marks no threat as a Node\.js vulnerability\.<\/p>/);
  });

  await t.test('should say when a model has no other threat, nothing out of scope, or a threat without a description', () => {
    const triage = triageOf();
    const web = triage.useCases[0]!;
    web.otherThreats = [];
    web.outOfScope = [];
    web.runtimeThreats[0]!.conditions = '';
    const {html} = render(Page, triage);
    assert.match(section(html, 'web'), /This model marks no threat as the application&#x27;s, the operator&#x27;s or the ecosystem&#x27;s responsibility\./);
    assert.match(section(html, 'web'), /<p>The model lists nothing as out of scope\.<\/p>/);
    assert.match(section(html, 'web'), /<dt>Conditions<\/dt><dd>The threat model gives no description; see the threat&#x27;s page\.<\/dd>/);
  });

  await t.test('should show code spans of out-of-scope items as code', () => {
    const triage = triageOf();
    triage.useCases[1]!.outOfScope = ['Escapes from `node:vm` contexts.'];
    assert.match(section(render(Page, triage).html, 'tool'), /<li>Escapes from <code>node:vm<\/code> contexts\.<\/li>/);
  });
});
