/**
 * Deterministic fuzzing: mutations of the real threat models (text, raw
 * HTML, line endings and front-matter YAML) go through `analyze()`, which
 * must never throw and must always return findings that name a known rule
 * and a real position in the file. A mutant the check accepts must be read
 * whole: every heading that carries a threat ID is one of its threats, and
 * the site's sanitizer finds nothing to remove from its page.
 *
 * A real 250-line file takes ~15 ms to parse in the site's dialect, so most
 * rounds mutate the small valid two-file set of the fixtures
 * (`tests/fixtures/shared/`), and every fiftieth round a real file.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import siteConfig from '../../threat-model.config';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig, type Config} from '../../plugins/threat-model/lib/config';
import {RULES, type Diagnostic} from '../../plugins/threat-model/lib/diagnostics';
import {analyze} from '../../plugins/threat-model/lib/load';
import {rng} from '../../bench/corpus';
import {formatDiagnostic} from '../../plugins/threat-model/lib/report/text';
import {parseMarkdown} from '../../plugins/threat-model/lib/markdown';
import {explicitId, ID_LIKE} from '../../plugins/threat-model/lib/read/headings';
import {withoutBom} from '../../plugins/threat-model/lib/read/front-matter';
import type {ThreatIndex, ThreatModel} from '../../plugins/threat-model/lib/types';
import {contentDigest, type ParseCache} from '../../plugins/threat-model/lib/parse-cache';
import type {ParseResult} from '../../plugins/threat-model/lib/parse';
import type {Heading} from 'mdast';
import {visit} from 'unist-util-visit';
import {renderedChanges} from './render';

/**
 * 10,000 rounds in all, run as two halves with their own seeds by
 * `fuzz-1.test.ts` and `fuzz-2.test.ts`, which the test runner runs side by
 * side. The seeds are fixed, so every run checks the same inputs; to explore,
 * set FUZZ_SEED to another number. FUZZ_DUMP=<file> saves the input of a
 * failing round.
 */
export const ROUNDS = 10_000;

const repo = path.join(__dirname, '..', '..');

interface Site {
  config: Config;
  files: Array<{file: string; text: string}>;
}

function readSet(dir: string, config: Config): Site {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({file: `threat-models/${name}`, text: fs.readFileSync(path.join(dir, name), 'utf8')}));
  return {config, files};
}

const real = readSet(path.join(repo, 'threat-models'), loadConfig(siteConfig));
const small = readSet(path.join(repo, 'tests', 'fixtures', 'shared', 'threat-models'), loadConfig(fixtureConfig));

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

const HTML = ['<b>', '</b>', '<details>', '</details>', '<summary>x</summary>', '<div class="navbar">', '</div>', '<img src=x onerror=alert(1)>', '<!--', '-->',
  '<!-- c -->', '<style>', '<a href="javascript:x">y</a>', '<br>', '<kbd>x</kbd>', '<span id="WEB-01">', '<svg/onload=x>', '<plaintext>', '<b title="a>b" onclick="x">',
  '<code>', '</code>', '<q>', '&lt;', '<x', '<a href=x', '<?php ?>', '<![CDATA[x]]>', '<!DOCTYPE html>', '<textarea>', '<sub>2</sub>'];
const YAML = ['&a ', '*a', '!!js/function ', '!!str ', '!foo ', '<<: ', '? ', '[', ']', '{', '}', '"', "'", ': ', '\t', '...', '---', '#', '- ', '|', '>', '%YAML 1.1', '__proto__: x', 'slug: /x', 'draft: true', 'mdx: {format: mdx}'];

/** Where the front matter ends (the closing fence), or 0. */
function frontMatterEnd(text: string): number {
  const close = text.indexOf('\n---', 3);
  return close === -1 ? 0 : close;
}

Object.assign(MUTATIONS, {
  'insert raw HTML': (text, random) => {
    const at = offset(text, random);
    return text.slice(0, at) + pick(HTML, random) + text.slice(at);
  },
  'insert a raw HTML block': (text, random) =>
    withLines(text, random, (lines, at) => {
      lines.splice(at, 0, '', pick(HTML, random), '');
    }),
  'change line endings': (text, random) => {
    const ending = pick(['\r', '\r\n'], random);
    if (random() < 0.5) return text.replace(/\n/g, ending);
    const at = text.indexOf('\n', offset(text, random));
    return at === -1 ? text : text.slice(0, at) + ending + text.slice(at + 1);
  },
  'mutate the front matter': (text, random) => {
    const end = frontMatterEnd(text);
    if (end === 0) return text;
    const at = 4 + Math.floor(random() * Math.max(1, end - 4));
    const piece = pick(YAML, random);
    return text.slice(0, at) + (random() < 0.5 ? `\n${piece}` : piece) + text.slice(at);
  },
} satisfies Record<string, Mutation>);

const RULE_IDS = new Set(Object.keys(RULES).map((rule) => `threat-model:${rule}`));

function checkDiagnostic(d: Diagnostic, files: Map<string, string>): void {
  assert.ok(RULE_IDS.has(d.id), `unknown rule id ${d.id}`);
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

/** A heading that carries a threat-shaped ID but is not one of the model's threats. */
function lostThreat(text: string, model: ThreatModel): string | undefined {
  const ids = new Set(model.threats.map((t) => t.id));
  let lost: string | undefined;
  visit(parseMarkdown(withoutBom(text)), 'heading', (heading: Heading) => {
    const id = explicitId(heading)?.id;
    if (id && ID_LIKE.test(id) && !ids.has(id)) lost ??= `the heading {#${id}} is no threat of the model`;
  });
  return lost;
}

/** Parse results of the unmutated files, kept across rounds. */
const unchanged: ParseCache = (() => {
  const results = new Map<string, ParseResult>();
  const pristine = new Set([...real.files, ...small.files].map((o) => contentDigest(o.text)));
  return {
    get: (_file, digest) => results.get(digest),
    set: (_file, digest, result) => {
      if (pristine.has(digest)) results.set(digest, result);
    },
    save: () => undefined,
  };
})();

export function fuzz(half: 0 | 1): void {
  const SEED = Number(process.env.FUZZ_SEED ?? 0x7e57ab1e) + half;
  const rounds = ROUNDS / 2;
  test(`fuzz, half ${half + 1} of 2`, async (t) => {
  await t.test('should start from files that have no errors', () => {
    for (const site of [real, small]) {
      const {diagnostics} = analyze(site.files.map(({file, text}) => ({file, bytes: Buffer.from(text)})), site.config, unchanged);
      assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
    }
  });

  await t.test(`should survive ${rounds} mutations with well-formed findings, and read every accepted one whole`, async () => {
    const random = prng(SEED);
    const names = Object.keys(MUTATIONS);
    const seenRules = new Set<string>();
    let accepted = 0;
    for (let round = 0; round < rounds; round++) {
      const site = round % 50 === 0 ? real : small;
      const {config} = site;
      const original = pick(site.files, random);
      let text = original.text;
      const applied: string[] = [];
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        const name = pick(names, random);
        applied.push(name);
        text = MUTATIONS[name]!(text, random);
      }
      const files = new Map([[original.file, text]]);
      let diagnostics: Diagnostic[];
      let models: ThreatModel[] = [];
      let index: ThreatIndex | undefined;
      try {
        // With the other files as they are, so cross-file rules see the whole site.
        const sources = site.files.map((o) => ({file: o.file, bytes: Buffer.from(o.file === original.file ? text : o.text)}));
        const result = analyze(sources, config, unchanged);
        diagnostics = result.diagnostics.filter((d) => d.file === original.file);
        models = result.index.models;
        index = result.index;
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
        seenRules.add(d.id);
      }
      const model = models.find((m) => m.file === original.file);
      if (model && !diagnostics.some((d) => d.severity === 'error' && d.file === original.file)) {
        accepted++;
        // Rendering takes twice as long as checking: every fourth accepted mutant is rendered.
        const problem = lostThreat(text, model) ?? (accepted % 4 === 1 ? renderedChanges(text, original.file, model, config) : undefined);
        if (problem) {
          if (process.env.FUZZ_DUMP) fs.writeFileSync(process.env.FUZZ_DUMP, text);
          assert.fail(`round ${round} (${applied.join(', ')}) on ${original.file} was accepted, but ${problem}`);
        }
      }
    }
    // Enough mutants pass the check for the invariants above to mean something.
    assert.ok(accepted >= rounds / 20, `only ${accepted} accepted mutants`);
    t.diagnostic(`${accepted} of ${rounds} mutants accepted; ${seenRules.size} rules seen`);
    // The mutations reach most rules, not only the cross-file ones (35 and 36 with the default seeds).
    assert.ok(seenRules.size >= 35, `only ${seenRules.size} rules seen: ${[...seenRules].join(', ')}`);
  });
});
}
