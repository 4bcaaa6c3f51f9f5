/**
 * The readers' shared context: `at` gives a node's start (1:1 when it has
 * none), `placeOf` its whole range or its start, and `report` adds a finding
 * for the context's file at a point or over a node's range, with the rule's
 * severity unless told otherwise.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {at, placeOf, report, type Context} from '../../plugins/threat-model/lib/read/context';

const config = loadConfig(fixtureConfig);
const context = (): Context => ({file: 'threat-models/web.md', config, text: '', diagnostics: []});
const position = {start: {line: 3, column: 5, offset: 20}, end: {line: 4, column: 2, offset: 30}};

test('read context', async (t) => {
  await t.test('should give a node\'s start line and column, and 1:1 without a position', () => {
    assert.deepEqual(at({position}), {line: 3, column: 5});
    assert.deepEqual(at({}), {line: 1, column: 1});
    assert.deepEqual(at(undefined), {line: 1, column: 1});
  });

  await t.test('should give a node\'s whole range without offsets, or its start when it has no end', () => {
    assert.deepEqual(placeOf({position}), {start: {line: 3, column: 5}, end: {line: 4, column: 2}});
    assert.deepEqual(placeOf({position: {start: {line: 2, column: 7}} as never}), {line: 2, column: 7});
    assert.deepEqual(placeOf(undefined), {line: 1, column: 1});
  });

  await t.test('should report at a point with the rule\'s own severity', () => {
    const ctx = context();
    report(ctx, {line: 7, column: 9}, 'stride-coverage', 'A message', 'A hint');
    assert.equal(ctx.diagnostics.length, 1);
    const json = ctx.diagnostics[0]!.toJSON();
    assert.deepEqual(
      {file: json.file, line: json.line, column: json.column, endLine: json.endLine, ruleId: json.ruleId, message: json.message, hint: json.hint, severity: json.severity},
      {file: 'threat-models/web.md', line: 7, column: 9, endLine: undefined, ruleId: 'stride-coverage', message: 'A message', hint: 'A hint', severity: 'error'},
    );
  });

  await t.test('should report over a node\'s range, and take a severity or "did you mean" options', () => {
    const ctx = context();
    report(ctx, {position}, 'stride-coverage', 'Ranged', 'Hint', 'warning');
    report(ctx, undefined, 'unknown-field', 'Unplaced', 'Hint', {expected: ['title'], actual: 'titel'});
    const [ranged, unplaced] = ctx.diagnostics.map((d) => d.toJSON());
    assert.deepEqual([ranged!.line, ranged!.column, ranged!.endLine, ranged!.endColumn, ranged!.severity], [3, 5, 4, 2, 'warning']);
    assert.deepEqual([unplaced!.line, unplaced!.column, unplaced!.expected, unplaced!.actual], [1, 1, ['title'], 'titel']);
  });
});
