/**
 * A file's H2 sections: blocks before the first H2 are the introduction,
 * each known `## Name` (any case) gathers the blocks up to the next H1/H2.
 * Level-1 headings, unknown and repeated sections are reported and their
 * blocks dropped; a missing required section is reported where it belongs,
 * and the first section out of the documented order is blamed.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {toString} from 'mdast-util-to-string';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import type {Context} from '../../plugins/threat-model/lib/read/context';
import {splitSections} from '../../plugins/threat-model/lib/read/sections';

const config = loadConfig(fixtureConfig);
const ALL = '## Scope\n\ns\n\n## Trust\n\nt\n\n## Assets\n\na\n\n## Threats\n\nth\n\n## Not applicable\n\nn\n\n## Out of scope\n\no\n';

function split(markdown: string) {
  const ctx: Context = {file: 'threat-models/web.md', config, text: markdown, diagnostics: []};
  const sections = splitSections(parseMarkdown(markdown), ctx);
  const found = ctx.diagnostics.map((d) => ({rule: d.ruleId, line: d.line, message: d.reason}));
  const text = Object.fromEntries([...sections.byName].map(([name, s]) => [name, s.nodes.map((n) => toString(n))]));
  return {sections, found, text, ctx};
}

test('splitSections', async (t) => {
  await t.test('should split a complete file into its introduction and sections, skipping front matter', () => {
    const {sections, found, text} = split(`---\ntitle: x\n---\n\nIntro one.\n\nIntro two.\n\n${ALL.replace('th\n', 'th\n\n### A threat {#WEB-01}\n\nbody\n')}`);
    assert.deepEqual(found, []);
    assert.deepEqual(sections.intro.map((n) => toString(n)), ['Intro one.', 'Intro two.']);
    assert.deepEqual([...sections.byName.keys()], ['Scope', 'Trust', 'Assets', 'Threats', 'Not applicable', 'Out of scope']);
    assert.deepEqual(text.Threats, ['th', 'A threat {#WEB-01}', 'body']);
    assert.equal(sections.byName.get('Scope')!.heading.position!.start.line, 9);
  });

  await t.test('should match section names in any case and keep the documented name', () => {
    const {sections, found, text} = split(ALL.replace('## Out of scope', '## OUT OF SCOPE'));
    assert.deepEqual(found, []);
    assert.deepEqual(text['Out of scope'], ['o']);
    assert.equal(toString(sections.byName.get('Out of scope')!.heading), 'OUT OF SCOPE');
  });

  await t.test('should allow the Not applicable section to be left out', () => {
    const {found, sections} = split(ALL.replace('## Not applicable\n\nn\n\n', ''));
    assert.deepEqual(found, []);
    assert.equal(sections.byName.has('Not applicable'), false);
  });

  await t.test('should report every required section of an empty file at its end', () => {
    const {found, sections, ctx} = split('');
    assert.deepEqual(sections.intro, []);
    assert.deepEqual(found.map((f) => f.message), ['Scope', 'Trust', 'Assets', 'Threats', 'Out of scope'].map((s) => `Missing section "## ${s}"`));
    assert.ok(found.every((f) => f.rule === 'missing-section' && f.line === 1));
    assert.equal(ctx.diagnostics[0]!.hint, 'Add a `## Scope` section; sections go in this order: Scope, Trust, Assets, Data flows, Threats, Not applicable, Out of scope.');
  });

  await t.test('should point a missing section at the next section present', () => {
    const {found} = split(ALL.replace('## Trust\n\nt\n\n', ''));
    assert.deepEqual(found, [{rule: 'missing-section', line: 5, message: 'Missing section "## Trust"'}]);
  });

  await t.test('should report a level-1 heading and drop the blocks under it', () => {
    const {found, text, sections} = split(`# Title\n\nlost\n\n${ALL}`);
    assert.deepEqual(found, [{rule: 'unknown-section', line: 1, message: 'Level-1 heading "Title" in a threat model'}]);
    assert.deepEqual(sections.intro, []);
    assert.deepEqual(Object.values(text).flat(), ['s', 't', 'a', 'th', 'n', 'o']);
  });

  await t.test('should report an unknown section with a guess and drop its blocks', () => {
    const {found, text, ctx} = split(ALL.replace('## Assets', '## Asets'));
    assert.deepEqual(found, [
      {rule: 'unknown-section', line: 9, message: 'Unknown section "## Asets" (did you mean "Assets"?)'},
      {rule: 'missing-section', line: 13, message: 'Missing section "## Assets"'},
    ]);
    assert.equal(text.Assets, undefined);
    assert.deepEqual(text.Trust, ['t']);
    assert.deepEqual(ctx.diagnostics[0]!.expected, ['Assets']);
    assert.equal(ctx.diagnostics[0]!.actual, 'Asets');
  });

  await t.test('should report a repeated section and keep the first', () => {
    const {found, text} = split(`${ALL}\n## Scope\n\nagain\n`);
    assert.deepEqual(found, [{rule: 'unknown-section', line: 25, message: 'Section "## Scope" appears twice'}]);
    assert.deepEqual(text.Scope, ['s']);
    assert.deepEqual(text['Out of scope'], ['o']);
  });

  await t.test('should blame the first section that comes after one it should precede', () => {
    const {found, ctx} = split('## Trust\n\n## Scope\n\n## Assets\n\n## Threats\n\n## Out of scope\n');
    assert.deepEqual(found, [{rule: 'section-order', line: 3, message: 'Section "## Scope" is out of order'}]);
    assert.equal(ctx.diagnostics[0]!.hint, 'Move it before `## Trust`; the order is: Scope, Trust, Assets, Data flows, Threats, Not applicable, Out of scope.');
  });
});
