/**
 * Whole-file checks: every STRIDE category is covered by a threat or
 * declared not applicable (not both), reported at the given heading or at
 * 1:1; and scaffold placeholders left in the text are reported where they
 * are written (except `TODO`, which is an invalid reference already).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import type {Heading} from 'mdast';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import {checkCoverage, checkPlaceholders} from '../../plugins/threat-model/lib/read/coverage';
import type {Context} from '../../plugins/threat-model/lib/read/context';
import {readThreatModel} from '../../plugins/threat-model/lib/read/index';
import {PLACEHOLDERS} from '../../plugins/threat-model/lib/template';
import type {ThreatModel} from '../../plugins/threat-model/lib/types';

const config = loadConfig(fixtureConfig);
const file = 'threat-models/web.md';
const source = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'shared', file), 'utf8');
const context = (text = ''): Context => ({file, config, text, diagnostics: []});

function validModel(): ThreatModel {
  const {model, diagnostics} = readThreatModel({tree: parseMarkdown(source), source, file, config});
  assert.deepEqual(diagnostics.map((d) => d.message), []);
  return model!;
}

const heading: Heading = {type: 'heading', depth: 2, children: [], position: {start: {line: 40, column: 1}, end: {line: 40, column: 18}}};

test('read coverage', async (t) => {
  await t.test('should report nothing when every category is covered or declared', () => {
    const ctx = context();
    checkCoverage(validModel(), heading, ctx);
    assert.deepEqual(ctx.diagnostics, []);
  });

  await t.test('should report an uncovered category at the anchor heading, or at 1:1 without one', () => {
    const model = validModel();
    model.notApplicable = [];
    const ctx = context();
    checkCoverage(model, heading, ctx);
    checkCoverage(model, undefined, ctx);
    assert.deepEqual(ctx.diagnostics.map((d) => [d.ruleId, d.message, d.line, d.column]), [
      ['stride-coverage', 'STRIDE category "Repudiation" is not covered', 40, 1],
      ['stride-coverage', 'STRIDE category "Repudiation" is not covered', 1, 1],
    ]);
    assert.equal(ctx.diagnostics[0]!.hint, 'Add a threat whose STRIDE field lists Repudiation, or add `- Repudiation: <reason>` under `## Not applicable`.');
  });

  await t.test('should report every category when there are no threats', () => {
    const model = validModel();
    model.threats = [];
    model.notApplicable = [];
    const ctx = context();
    checkCoverage(model, heading, ctx);
    assert.deepEqual(ctx.diagnostics.map((d) => d.message), [
      'STRIDE category "Spoofing" is not covered',
      'STRIDE category "Tampering" is not covered',
      'STRIDE category "Repudiation" is not covered',
      'STRIDE category "Information disclosure" is not covered',
      'STRIDE category "Denial of service" is not covered',
      'STRIDE category "Elevation of privilege" is not covered',
    ]);
  });

  await t.test('should warn at the declaration when a category declared not applicable is covered', () => {
    const model = validModel();
    model.notApplicable.push({category: 'Tampering', reason: 'none', position: {line: 55, column: 3}});
    const ctx = context();
    checkCoverage(model, heading, ctx);
    assert.deepEqual(ctx.diagnostics.map((d) => [d.ruleId, d.severity, d.message, d.line, d.column]), [
      ['not-applicable-covered', 'warning', '"Tampering" is declared not applicable, but a threat covers it', 55, 3],
    ]);
  });

  await t.test('should report a placeholder left in the text at its line and column', () => {
    const text = `---\ntitle: x\n---\n\n## Scope\n\n  ${PLACEHOLDERS.scope} Node.js\n`;
    const ctx = context(text);
    checkPlaceholders(ctx);
    assert.deepEqual(ctx.diagnostics.map((d) => [d.ruleId, d.message, d.line, d.column]), [
      ['placeholder', `Scaffold text "${PLACEHOLDERS.scope}" was never replaced`, 7, 3],
    ]);
  });

  await t.test('should not report TODO or text without placeholders', () => {
    const ctx = context(`${source}\n- References: TODO\n`);
    checkPlaceholders(ctx);
    assert.deepEqual(ctx.diagnostics, []);
  });
});
