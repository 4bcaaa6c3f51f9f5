/**
 * Parsing on several threads: the same readings, findings and trees as
 * parsing on one, and one thread for a folder too small to pay for more.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {Diagnostic} from '../../plugins/threat-model/lib/diagnostics';
import {analyze, analyzeInParallel, type SourceFile} from '../../plugins/threat-model/lib/load';
import {parseAndRead, parseThreatModel} from '../../plugins/threat-model/lib/parse';
import {parseAll, threadCount, type ParseJob} from '../../plugins/threat-model/lib/parse-pool';
import {withoutBom} from '../../plugins/threat-model/lib/read/front-matter';
import {treeStore} from '../../plugins/threat-model/lib/tree-store';

const config = loadConfig(fixtureConfig);
const fixtures = path.join(__dirname, '..', 'fixtures');

/** Every threat-model file of the rule fixtures: valid ones, and one per mistake. */
const jobs: ParseJob[] = fs
  .readdirSync(fixtures)
  .filter((name) => fs.existsSync(path.join(fixtures, name, 'threat-models')))
  .flatMap((name) =>
    fs.readdirSync(path.join(fixtures, name, 'threat-models'))
      .filter((file) => file.endsWith('.md'))
      .map((file) => ({file: `${name}/threat-models/${file}`, text: fs.readFileSync(path.join(fixtures, name, 'threat-models', file), 'utf8')})),
  );

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

test('the fixtures give the pool something to compare: valid files and files with findings', () => {
  assert.ok(jobs.length > 20, `${jobs.length} files`);
  assert.ok(jobs.some((job) => parseThreatModel(job.text, job.file, config).diagnostics.length > 0));
});

test('a folder smaller than a thread\'s share is parsed on one thread', () => {
  assert.equal(threadCount(jobs), 1);
  assert.equal(threadCount(jobs, {minCharsPerThread: 1, threads: 3}), 3);
  assert.equal(threadCount(jobs.slice(0, 2), {minCharsPerThread: 1, threads: 8}), 2, 'never more threads than files');
  assert.equal(threadCount([], {minCharsPerThread: 1}), 1);
});

test('workers read every file as the main thread does, findings included', async () => {
  const parsed = await parseAll(jobs, config, {threads: 3, minCharsPerThread: 1});
  assert.deepEqual([...parsed.keys()].sort(), jobs.map((job) => job.file).sort());
  for (const job of jobs) {
    const expected = parseThreatModel(job.text, job.file, config);
    const actual = parsed.get(job.file)!;
    assert.deepEqual(json(actual), json(expected), job.file);
    for (const finding of actual.diagnostics) {
      assert.ok(finding instanceof Diagnostic, `${job.file}: a finding from a worker is a Diagnostic again`);
      assert.equal(finding.id, `threat-model:${finding.ruleId}`);
    }
  }
});

test('workers hand their trees to the tree store, for exactly the text they parsed', async () => {
  const store = treeStore();
  store.clear();
  const sample = jobs.slice(0, 6);
  await parseAll(sample, config, {threads: 3, minCharsPerThread: 1, trees: store});
  for (const job of sample) {
    const kept = store.take(withoutBom(job.text));
    assert.ok(kept, `${job.file}: tree kept`);
    const expected = parseAndRead(job.text, job.file, config);
    assert.deepEqual(json(kept.tree), json(expected.tree), job.file);
    assert.deepEqual(json(kept.result), json(expected.result), job.file);
  }
  store.clear();
});

test('analyzeInParallel gives what analyze gives', async () => {
  const sources: SourceFile[] = jobs.map((job) => ({file: job.file, bytes: new TextEncoder().encode(job.text)}));
  const one = analyze(sources, config);
  const many = await analyzeInParallel(sources, config, {pool: {threads: 2, minCharsPerThread: 1}});
  assert.deepEqual(json(many.index), json(one.index));
  assert.deepEqual(many.diagnostics.map((d) => d.toJSON()), one.diagnostics.map((d) => d.toJSON()));
  assert.deepEqual(many.crossFile.map((d) => d.toJSON()), one.crossFile.map((d) => d.toJSON()));
});
