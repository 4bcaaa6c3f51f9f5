/**
 * The scaffold that `new` writes for a use case: valid front matter for that
 * use case dated today (with a policy revision to fill in when the site names
 * a policy), every required section in order, one threat whose ID has the
 * use case's prefix, and placeholder text everywhere a fact belongs, so a
 * scaffold that was never filled in cannot pass the check.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseThreatModel} from '../../plugins/threat-model/lib/parse';
import {readFrontMatter} from '../../plugins/threat-model/lib/read/front-matter';
import {FrontMatterSchema, SECTIONS} from '../../plugins/threat-model/lib/schema';
import {PLACEHOLDERS, threatModelTemplate} from '../../plugins/threat-model/lib/template';

const config = loadConfig(fixtureConfig);
const policy = {label: 'SECURITY.md', url: 'https://github.com/nodejs/node/blob/{revision}/SECURITY.md'};
const withPolicy = loadConfig({...fixtureConfig, policy});
const web = config.useCases[0]!;
const tool = config.useCases[1]!;
const TODAY = '2026-12-02';

test('the front matter is valid for the use case, a draft reviewed today', () => {
  const front = readFrontMatter(threatModelTemplate(web, 'Node.js', TODAY));
  assert.equal(front.finding, undefined);
  assert.deepEqual(FrontMatterSchema.parse(front.data), {
    use_case: 'web',
    title: 'Node.js — Web server',
    description: PLACEHOLDERS.description,
    status: 'draft',
    last_reviewed: TODAY,
    owners: [PLACEHOLDERS.owner],
  });
});

test('a policy revision is asked for only when the site names a policy', () => {
  assert.doesNotMatch(threatModelTemplate(web, 'Node.js', TODAY), /policy_revision/);
  const text = threatModelTemplate(web, 'Node.js', TODAY, policy);
  assert.equal(readFrontMatter(text).data.policy_revision, PLACEHOLDERS.policyRevision);
  assert.match(text, /^policy_revision: "revision-you-checked-against" # the SECURITY\.md revision you checked against$/m);
});

test('the sections are the required ones, in order', () => {
  const headings = [...threatModelTemplate(web, 'Node.js', TODAY).matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual(headings, [...SECTIONS]);
});

test('the first threat takes the use case\'s prefix', () => {
  assert.match(threatModelTemplate(web, 'Node.js', TODAY), /^### First threat title \{#WEB-01\}$/m);
  const toolText = threatModelTemplate(tool, 'Node.js', TODAY);
  assert.match(toolText, /^### First threat title \{#TOOL-01\}$/m);
  assert.doesNotMatch(toolText, /WEB-/);
});

test('the runtime\'s name is written where the text names it', () => {
  const text = threatModelTemplate(web, 'Deno', TODAY);
  assert.match(text, /^title: Deno — Web server$/m);
  assert.match(text, /^Which deployments of Deno this model covers/m);
  assert.match(text, /vulnerability in Deno under its security model\./);
  assert.doesNotMatch(text, /Node\.js/);
});

test('every placeholder is in the scaffold, so the check can find it', () => {
  const text = threatModelTemplate(web, 'Node.js', TODAY, policy);
  for (const [name, placeholder] of Object.entries(PLACEHOLDERS)) {
    assert.ok(text.includes(placeholder), name);
  }
});

test('the check reads the scaffold\'s threat and reports every placeholder left in it', () => {
  const {model, diagnostics} = parseThreatModel(threatModelTemplate(tool, 'Node.js', TODAY, withPolicy.policy), 'threat-models/tool.md', withPolicy);
  const threat = model!.threats[0]!;
  assert.deepEqual([threat.id, threat.title, threat.stride, threat.severity, threat.responsibility], ['TOOL-01', 'First threat title', ['Tampering'], 'medium', 'application']);
  const placeholders = diagnostics.filter((d) => d.ruleId === 'placeholder').map((d) => d.message);
  assert.deepEqual(placeholders, Object.entries(PLACEHOLDERS)
    .filter(([name]) => name !== 'reference')
    .map(([, text]) => `Scaffold text "${text}" was never replaced`));
  const others = new Set(diagnostics.filter((d) => d.ruleId !== 'placeholder').map((d) => d.ruleId));
  assert.deepEqual([...others].sort(), ['invalid-reference', 'missing-reference', 'stride-coverage'], 'the TODO reference and the uncovered categories, nothing about the structure');
});

test('the scaffold\'s data flows use the use case\'s prefix, and its threat names the boundary flow', () => {
  const {model, diagnostics} = parseThreatModel(threatModelTemplate(tool, 'Deno', TODAY), 'threat-models/tool.md', config);
  const flows = model!.dataFlows!;
  assert.deepEqual(flows.zones.map((z) => [z.id, z.trust]), [['TOOL-Z1', 'untrusted'], ['TOOL-Z2', 'trusted']]);
  assert.deepEqual(flows.elements.map((e) => [e.id, e.kind, e.zone]), [['TOOL-E1', 'external-entity', 'TOOL-Z1'], ['TOOL-E2', 'process', 'TOOL-Z2']]);
  assert.deepEqual(flows.elements[1]!.name, [{type: 'text', value: 'The Deno process'}]);
  assert.deepEqual(flows.flows.map((f) => [f.id, f.from, f.to, f.crossesBoundary]), [['TOOL-F1', 'TOOL-E1', 'TOOL-E2', true]]);
  assert.deepEqual(model!.threats[0]!.flows, ['TOOL-F1']);
  // Nothing about the section but its placeholders: no unknown zone, dangling or uncovered flow.
  assert.ok(!diagnostics.some((d) => ['unknown-zone', 'dangling-flow', 'uncovered-flow', 'unknown-flow', 'missing-field', 'lost-content'].includes(d.ruleId)));
  assert.deepEqual(diagnostics.filter((d) => d.ruleId === 'placeholder' && /flow|data/i.test(d.reason)).map((d) => d.reason), [
    `Scaffold text "${PLACEHOLDERS.flowSource}" was never replaced`,
    `Scaffold text "${PLACEHOLDERS.flowData}" was never replaced`,
  ]);
});
