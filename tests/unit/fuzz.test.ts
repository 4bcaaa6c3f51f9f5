/**
 * Deterministic fuzzing: mutations of the real threat models go through
 * `analyze()`, which must never throw and must always return findings that
 * name a known rule and a real position in the file.
 *
 * A 250-line file takes ~15 ms to parse, so most rounds mutate a shorter
 * seed: a real file with only its first threat (the front matter and every
 * section kept), and every hundredth round a whole file.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import siteConfig from '../../threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {RULES, type Diagnostic} from '../../plugins/threat-model/lib/diagnostics';
import {analyze} from '../../plugins/threat-model/lib/load';
import {rng} from '../../bench/corpus';
import {formatDiagnostic} from '../../plugins/threat-model/lib/report/text';

/**
 * Fixed, so every run checks the same inputs. To explore, set FUZZ_SEED to
 * another number; FUZZ_DUMP=<file> saves the input of a failing round.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 0x7e57ab1e);
const ROUNDS = 2000;

const repo = path.join(__dirname, '..', '..');
const config = loadConfig(siteConfig);
const dir = path.join(repo, 'threat-models');
const originals = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({file: `threat-models/${name}`, text: fs.readFileSync(path.join(dir, name), 'utf8')}));

/** The file up to the end of its first threat, then its last sections. */
function firstThreat(text: string): string {
  const cut = text.split('\n### ', 2).join('\n### ').length;
  const tail = text.search(/\n## (Not applicable|Out of scope)\n/);
  assert.ok(tail > cut, 'a real file has sections after its threats');
  return text.slice(0, cut) + text.slice(tail);
}
const seeds = originals.map(({file, text}) => ({file, text: firstThreat(text)}));

// The bench's corpus generator uses the same seeded PRNG (mulberry32).
const prng = rng;

const PUNCTUATION = ['{#', '}', '---', ':', '<', '>', '#', '##', '###', '- ', '*', '`', '[', '](', ')', ',', '&#', ';', '\n', '\r', '\r\n', '\t', '"', "'", '@', '\\', '|', '<script>', 'javascript:', '&#x110000;', '\ufeff', '\u0000'];

type Mutation = (text: string, random: () => number) => string;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const offset = (text: string, random: () => number) => Math.floor(random() * (text.length + 1));

function withLines(text: string, random: () => number, change: (lines: string[], at: number) => void): string {
  const lines = text.split('\n');
  change(lines, Math.floor(random() * lines.length));
  return lines.join('\n');
}

const MUTATIONS: Record<string, Mutation> = {
  'delete a line': (text, random) => withLines(text, random, (lines, at) => lines.splice(at, 1)),
  'duplicate a line': (text, random) => withLines(text, random, (lines, at) => lines.splice(at, 0, lines[at]!)),
  'swap two lines': (text, random) =>
    withLines(text, random, (lines, at) => {
      const next = Math.min(at + 1, lines.length - 1);
      [lines[at], lines[next]] = [lines[next]!, lines[at]!];
    }),
  'swap two adjacent characters': (text, random) => {
    const at = Math.max(0, offset(text, random) - 2);
    return text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2);
  },
  'truncate': (text, random) => text.slice(0, offset(text, random)),
  'insert punctuation': (text, random) => {
    const at = offset(text, random);
    return text.slice(0, at) + pick(PUNCTUATION, random) + text.slice(at);
  },
  'insert punctuation at a line start': (text, random) =>
    withLines(text, random, (lines, at) => {
      lines[at] = pick(PUNCTUATION, random) + lines[at]!;
    }),
  'delete a character': (text, random) => {
    const at = offset(text, random);
    return text.slice(0, at) + text.slice(at + 1);
  },
};

const RULE_IDS = new Set(Object.keys(RULES).map((rule) => `threat-model:${rule}`));

function checkDiagnostic(d: Diagnostic, files: Map<string, string>): void {
  assert.ok(RULE_IDS.has(d.ruleId), `unknown rule id ${d.ruleId}`);
  assert.ok(Number.isInteger(d.line) && d.line >= 1, `line ${d.line}`);
  assert.ok(Number.isInteger(d.column) && d.column >= 1, `column ${d.column}`);
  assert.ok(d.severity === 'error' || d.severity === 'warning');
  assert.ok(typeof d.message === 'string' && d.message.length > 0);
  assert.ok(typeof d.hint === 'string' && d.hint.length > 0);
  // The text report keeps each finding to its line and its hint line.
  assert.equal(formatDiagnostic(d).split('\n').length, 2, 'the text report splits the finding');
  const text = files.get(d.file);
  if (text !== undefined) {
    // The position is inside the file (editors split lines as micromark does).
    const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
    assert.ok(d.line <= lines.length, `line ${d.line} of ${lines.length} in ${d.file}`);
    assert.ok(d.column <= lines[d.line - 1]!.length + 1, `column ${d.column} past the end of line ${d.line}: ${JSON.stringify(lines[d.line - 1])}`);
  }
}

test('fuzz', async (t) => {
  await t.test('should start from files that have no errors', () => {
    const {diagnostics} = analyze(originals.map(({file, text}) => ({file, bytes: Buffer.from(text)})), config);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  });

  await t.test(`should survive ${ROUNDS} mutations with well-formed findings`, () => {
    const random = prng(SEED);
    const names = Object.keys(MUTATIONS);
    const seenRules = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const original = pick(round % 100 === 0 ? originals : seeds, random);
      let text = original.text;
      const applied: string[] = [];
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        const name = pick(names, random);
        applied.push(name);
        text = MUTATIONS[name]!(text, random);
      }
      const files = new Map([[original.file, text]]);
      let diagnostics: Diagnostic[];
      try {
        diagnostics = analyze([{file: original.file, bytes: Buffer.from(text)}], config).diagnostics;
      } catch (error) {
        if (process.env.FUZZ_DUMP) fs.writeFileSync(process.env.FUZZ_DUMP, text);
        assert.fail(`round ${round} (${applied.join(', ')}) on ${original.file} threw: ${(error as Error).stack}`);
      }
      for (const d of diagnostics) {
        try {
          checkDiagnostic(d, files);
        } catch (error) {
          if (process.env.FUZZ_DUMP) fs.writeFileSync(process.env.FUZZ_DUMP, text);
          assert.fail(`round ${round} (${applied.join(', ')}) on ${original.file}: ${(error as Error).message}\n${JSON.stringify(d)}`);
        }
        seenRules.add(d.ruleId);
      }
    }
    // The mutations reach most rules, not only the cross-file ones (24 with the default seed).
    assert.ok(seenRules.size >= 20, `only ${seenRules.size} rules seen: ${[...seenRules].join(', ')}`);
  });
});
