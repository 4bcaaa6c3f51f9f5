/**
 * The bench's command line: stages by letter or by name, and an unknown
 * stage refused before anything is built.
 */
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import test from 'node:test';

const root = path.join(__dirname, '..', '..');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], {cwd: root, encoding: 'utf8'});

test('bench command line', async (t) => {
  await t.test('should refuse an unknown stage and name the stages it knows, letters and names', () => {
    const result = run('--stages', 'nope');
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'bench: Unknown stage "nope": use a, b, c, d, e, f, g, lighthouse or check, overhead, scale, weight, reference, evidence, diagrams, lighthouse\n');
  });

  await t.test('should list the stage names in its usage', () => {
    const result = run('--help');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /--stages a,b,c,d,e,f,g,lighthouse/);
    assert.match(result.stdout, /evidence \(f\)/);
    assert.match(result.stdout, /diagrams \(g\)/);
  });
});
test('bench corpus with data flows', async (t) => {
  const {generateCorpus, threatFlows} = await import('../../bench/corpus');
  await t.test('should add only the Data flows sections and Flows fields, leaving the rest byte-identical', () => {
    const plain = generateCorpus({files: 4, threats: 5});
    const flows = generateCorpus({files: 4, threats: 5, dataFlows: true});
    for (const [i, file] of flows.files.entries()) {
      assert.match(file.text, /^## Data flows$/m);
      const stripped = file.text.replace(/## Data flows[\s\S]*?(?=## Threats)/, '').replace(/^- Flows: .*\n/gm, '');
      assert.equal(stripped, plain.files[i]!.text);
    }
  });

  await t.test('should tie both boundary-crossing flows to a threat, even with one threat per file', () => {
    assert.deepEqual(threatFlows('UCA', 0, 10), ['UCA-F1', 'UCA-F2']);
    assert.deepEqual(threatFlows('UCA', 3, 10), ['UCA-F4']);
    assert.deepEqual(threatFlows('UCA', 0, 1), ['UCA-F1', 'UCA-F2']);
  });
});
