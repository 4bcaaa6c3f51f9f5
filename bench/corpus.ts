/**
 * Deterministic synthetic corpus in the real threat-model format.
 *
 * `generateCorpus({files, threats, seed})` returns N files × M threats and
 * the use-case configuration they need (ids `uc-0001`…, prefixes `UCA`,
 * `UCB`… `UCZ`, `UCAA`…): valid front matter, every section in order, STRIDE
 * coverage (some files declare a category not applicable instead), Related
 * links to threats in other files, CVE/CWE/URL references, Features from a
 * small feature list, and prose. The same seed always gives the same bytes.
 *
 * `writeCorpus` writes it to `<root>/threat-models/*.md` plus
 * `<root>/threat-model.config.ts`, touching only files whose content
 * changed (so Docusaurus's persistent cache stays warm across runs), and
 * `assertClean` runs the real check on it and throws unless it finds
 * 0 errors and 0 warnings.
 */
import fs from 'node:fs';
import path from 'node:path';
import {loadConfig, loadThreatModels, type Config, type ConfigInput} from '../plugins/threat-model/index';
import {STRIDE, SEVERITIES, RESPONSIBILITIES, type Stride} from '../plugins/threat-model/lib/schema';

export interface CorpusOptions {
  files: number;
  threats: number;
  seed?: number;
  /**
   * Give every file a `## Data flows` section (3 zones, 6 elements, 8 flows)
   * and every threat a `Flows` field. Off by default; the added text comes
   * from its own generator, so the rest of each file is byte-identical with
   * or without it and a build with diagrams compares with the same build
   * without them.
   */
  dataFlows?: boolean;
}

export interface CorpusFile {
  /** File name inside the threat-model folder, e.g. `uc-0001.md`. */
  name: string;
  text: string;
}

export interface Corpus {
  options: Required<CorpusOptions>;
  config: ConfigInput;
  files: CorpusFile[];
  /** Total threats (files × threats). */
  threats: number;
  /** Total UTF-8 bytes of the Markdown files. */
  bytes: number;
}

export const DEFAULT_SEED = 20261125;

/** Small, seeded PRNG (mulberry32): the corpus must not depend on Math.random. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `uc-0001` for index 0. */
export function useCaseId(i: number): string {
  return `uc-${String(i + 1).padStart(4, '0')}`;
}

/** `UCA`, `UCB`, … `UCZ`, `UCAA`, `UCAB`, … (bijective base 26), unique per index. */
export function prefixOf(i: number): string {
  let n = i + 1;
  let letters = '';
  while (n > 0) {
    n -= 1;
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26);
  }
  return `UC${letters}`;
}

export function threatId(file: number, threat: number, threatsPerFile: number): string {
  const width = Math.max(2, String(threatsPerFile).length);
  return `${prefixOf(file)}-${String(threat + 1).padStart(width, '0')}`;
}

/** The features threats may cite: a small list, like the real configuration's. */
export const FEATURES: ConfigInput['features'] = [
  {id: '--permission', label: 'Permission model', description: 'Restricts file system, child process and worker access.', url: 'https://example.org/runtime/permissions'},
  {id: '--allow-fs-read', label: 'Allow file system reads', description: 'Grants read access to the listed paths.', url: 'https://example.org/runtime/cli#allow-fs-read'},
  {id: '--allow-fs-write', label: 'Allow file system writes', description: 'Grants write access to the listed paths.', url: 'https://example.org/runtime/cli#allow-fs-write'},
  {id: '--disable-proto', label: 'Disable __proto__', description: 'Removes or throws on Object.prototype.__proto__.', url: 'https://example.org/runtime/cli#disable-proto'},
  {id: '--frozen-intrinsics', label: 'Frozen intrinsics', description: 'Freezes built-in objects in the main context.', url: 'https://example.org/runtime/cli#frozen-intrinsics'},
  {id: '--max-http-header-size', label: 'Maximum HTTP header size', description: 'Caps the size of HTTP headers the parser accepts.', url: 'https://example.org/runtime/cli#max-http-header-size'},
  {id: 'headersTimeout', label: 'server.headersTimeout', description: 'Limits how long a server waits for request headers.', url: 'https://example.org/runtime/http#headers-timeout'},
  {id: '--secure-heap', label: 'Secure heap', description: 'Allocates a secure heap for key material.', url: 'https://example.org/runtime/cli#secure-heap'},
];

const WORDS = (
  'attacker server client request response header parser buffer stream socket process worker module package ' +
  'registry token secret credential certificate session cookie payload archive path directory file user operator ' +
  'application runtime sandbox policy permission boundary input output network proxy cache queue timeout limit ' +
  'memory handle signal environment variable script command argument option flag build pipeline artifact release ' +
  'dependency lockfile manifest checksum signature key heap thread event loop callback promise error exception log ' +
  'audit trace metric entry name value field record schema format encoding decoder locale clock resource quota ' +
  'crafted untrusted trusted remote local malicious partial stale shared global default unchecked unbounded ' +
  'reads writes parses accepts rejects forwards loads spawns exposes leaks blocks retries caches resolves validates'
).split(' ');

const NOUNS = WORDS.slice(0, 110);
const ADJECTIVES = ['crafted', 'untrusted', 'malicious', 'oversized', 'stale', 'shared', 'unbounded', 'unchecked', 'remote', 'partial'];
const VERBS = ['exhausts', 'overwrites', 'leaks', 'spoofs', 'bypasses', 'poisons', 'blocks', 'replaces', 'forges', 'escalates through'];
const FLAGS = ['--max-old-space-size', '--no-experimental-fetch', '--frozen-intrinsics', '--report-on-signal', '--trace-warnings'];

/** Generate the corpus in memory. */
export function generateCorpus(options: CorpusOptions): Corpus {
  const opts: Required<CorpusOptions> = {seed: DEFAULT_SEED, dataFlows: false, ...options};
  if (!Number.isInteger(opts.files) || opts.files < 1) throw new Error(`--files must be a positive integer, got ${opts.files}`);
  if (!Number.isInteger(opts.threats) || opts.threats < 1) throw new Error(`--threats must be a positive integer, got ${opts.threats}`);
  const random = rng(opts.seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => random() < p;
  const shuffled = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const sentence = (min = 9, max = 18, extras = true): string => {
    const count = min + int(max - min + 1);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(pick(WORDS));
    if (extras && chance(0.25)) words.splice(1 + int(count - 1), 0, `\`${pick(FLAGS)}\``);
    if (extras && chance(0.1)) words.splice(1 + int(count - 1), 0, `[the ${pick(NOUNS)} docs](https://example.org/docs/${pick(NOUNS)})`);
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (sentences: number) => Array.from({length: sentences}, () => sentence()).join(' ');
  const list = (min: number, max: number) => Array.from({length: min + int(max - min + 1)}, () => `- ${sentence(6, 14)}`).join('\n');

  const useCases = Array.from({length: opts.files}, (_, i) => ({
    id: useCaseId(i),
    label: `Use case ${String(i + 1).padStart(4, '0')}`,
    prefix: prefixOf(i),
  }));
  const config: ConfigInput = {runtime: 'Bench runtime', dir: 'threat-models', useCases, features: FEATURES};
  const featureIds = FEATURES!.map((f) => f.id);

  const files: CorpusFile[] = [];
  let bytes = 0;
  for (let f = 0; f < opts.files; f++) {
    // STRIDE: every category is covered by a threat or declared not
    // applicable; about a quarter of the files declare one category N/A.
    const order = shuffled(STRIDE);
    const naCount = Math.max(opts.threats >= STRIDE.length && chance(0.25) ? 1 : 0, STRIDE.length - opts.threats);
    const covered = order.slice(0, STRIDE.length - naCount);
    const notApplicable = order.slice(STRIDE.length - naCount);

    const threats: string[] = [];
    for (let t = 0; t < opts.threats; t++) {
      const id = threatId(f, t, opts.threats);
      const stride: Stride[] = [t < covered.length ? covered[t]! : pick(covered)];
      if (covered.length > 1 && chance(0.35)) {
        const second = pick(covered.filter((c) => c !== stride[0]));
        stride.push(second);
      }
      const fields = [
        `- STRIDE: ${STRIDE.filter((c) => stride.includes(c)).join(', ')}`,
        `- Severity: ${pick(SEVERITIES)}`,
        `- Responsibility: ${pick(RESPONSIBILITIES)}`,
        `- Mitigations: ${Array.from({length: 1 + int(3)}, () => sentence(5, 10).slice(0, -1)).join('; ')}`,
      ];
      if (opts.dataFlows) fields.push(`- Flows: ${threatFlows(prefixOf(f), t, opts.threats).join(', ')}`);
      if (chance(0.6)) {
        fields.push(`- Features: ${shuffled(featureIds).slice(0, 1 + int(2)).join(', ')}`);
      }
      if (opts.files > 1 && chance(0.7)) {
        const related = new Set<string>();
        const n = 1 + int(3);
        for (let r = 0; r < n; r++) {
          let other = int(opts.files - 1);
          if (other >= f) other += 1;
          related.add(threatId(other, int(opts.threats), opts.threats));
        }
        fields.push(`- Related: ${[...related].join(', ')}`);
      }
      const references = [`CVE-${2018 + int(8)}-${10000 + int(89999)}`];
      if (chance(0.6)) references.push(`CWE-${20 + int(1300)}`);
      if (chance(0.7)) references.push(`[${pick(ADJECTIVES)} ${pick(NOUNS)} advisory](https://example.org/advisories/${useCaseId(f)}-${t + 1})`);
      fields.push(`- References: ${references.join(', ')}`);
      const title = `${pick(ADJECTIVES).replace(/^./, (c) => c.toUpperCase())} ${pick(NOUNS)} ${pick(VERBS)} the ${pick(NOUNS)} ${pick(NOUNS)}`;
      threats.push(`### ${title} {#${id}}\n\n${fields.join('\n')}\n\n${paragraph(4 + int(3))}\n\n${paragraph(3 + int(3))}\n`);
    }

    const useCase = useCases[f]!;
    const lines = [
      '---',
      `use_case: ${useCase.id}`,
      `title: Threat model of ${useCase.label.toLowerCase()}`,
      `description: ${sentence(10, 16, false)}`,
      `status: ${pick(['draft', 'review', 'published'])}`,
      `last_reviewed: "2026-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}"`,
      `owners: ["@bench/team-${1 + int(9)}"]`,
      '---',
      '',
      paragraph(3),
      '',
      '## Scope',
      '',
      paragraph(3),
      '',
      '## Trust',
      '',
      'Trusted:',
      '',
      list(2, 4),
      '',
      'Untrusted:',
      '',
      list(2, 4),
      '',
      '## Assets',
      '',
      list(3, 5),
      '',
      ...(opts.dataFlows ? dataFlowSection(prefixOf(f)) : []),
      '## Threats',
      '',
      threats.join('\n'),
    ];
    if (notApplicable.length > 0) {
      lines.push('## Not applicable', '', ...STRIDE.filter((c) => notApplicable.includes(c)).map((c) => `- ${c}: ${sentence(8, 14, false)}`), '');
    }
    lines.push('## Out of scope', '', list(2, 3), '');
    const text = lines.join('\n');
    bytes += Buffer.byteLength(text);
    files.push({name: `${useCase.id}.md`, text});
  }
  return {options: opts, config, files, threats: opts.files * opts.threats, bytes};
}

/**
 * One file's `## Data flows` section: a client in an untrusted zone, a proxy
 * and a store on the host, the runtime's parser, the application and a
 * worker inside its process, and the flows between them. F1 and F2 cross
 * the trust boundary; `threatFlows` ties each of them to a threat.
 */
export function dataFlowSection(prefix: string): string[] {
  const zones = [['Z1', 'Internet', 'untrusted', ''], ['Z2', 'Host', 'trusted', ''], ['Z3', 'Runtime process', 'trusted', `${prefix}-Z2`]];
  const elements = [
    ['E1', 'Client', 'external entity', 'Z1'], ['E2', 'Reverse proxy', 'process', 'Z2'], ['E3', 'Configuration', 'data store', 'Z2'],
    ['E4', '`node:http` parser', 'process', 'Z3'], ['E5', 'Application', 'process', 'Z3'], ['E6', 'Worker', 'process', 'Z3'],
  ];
  const flows = [
    ['F1', 'E1', 'E2', 'Requests', 'yes'], ['F2', 'E2', 'E4', 'Forwarded requests', 'yes'], ['F3', 'E4', 'E5', 'Parsed requests', 'no'],
    ['F4', 'E5', 'E2', 'Responses', 'no'], ['F5', 'E3', 'E5', 'Settings', 'no'], ['F6', 'E5', 'E6', 'Jobs', 'no'],
    ['F7', 'E6', 'E5', 'Results', 'no'], ['F8', 'E5', 'E3', 'Cached data', 'no'],
  ];
  const id = (local: string) => `${prefix}-${local}`;
  return [
    '## Data flows',
    '',
    '| Zone | Name | Trust | Inside |',
    '| --- | --- | --- | --- |',
    ...zones.map(([z, name, trust, inside]) => `| ${id(z!)} | ${name} | ${trust} | ${inside} |`),
    '',
    '| Element | Name | Kind | Zone |',
    '| --- | --- | --- | --- |',
    ...elements.map(([e, name, kind, zone]) => `| ${id(e!)} | ${name} | ${kind} | ${id(zone!)} |`),
    '',
    '| Flow | From | To | Data | Boundary |',
    '| --- | --- | --- | --- | --- |',
    ...flows.map(([fl, from, to, data, boundary]) => `| ${id(fl!)} | ${id(from!)} | ${id(to!)} | ${data} | ${boundary} |`),
    '',
  ];
}

/** The flows threat `t` of `threats` names: threats go round the eight flows, and the first threat covers both boundary flows. */
export function threatFlows(prefix: string, t: number, threats: number): string[] {
  const flows = t === 0 ? [1, 2] : [1 + (t % 8)];
  if (threats === 1) flows.splice(0, flows.length, 1, 2);
  return flows.map((n) => `${prefix}-F${n}`);
}

/** Write `content` unless the file already holds exactly it (keeps mtimes for warm caches). */
export function writeIfChanged(file: string, content: string): boolean {
  try {
    if (fs.readFileSync(file, 'utf8') === content) return false;
  } catch {
    // missing: write it
  }
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, content);
  return true;
}

export interface WrittenCorpus {
  root: string;
  /** Absolute threat-model folder. */
  dir: string;
  configFile: string;
  config: Config;
}

/**
 * Write the corpus under `root`: `threat-models/<id>.md` and
 * `threat-model.config.ts`. Stale `.md` files from a bigger corpus are removed.
 */
export function writeCorpus(root: string, corpus: Corpus): WrittenCorpus {
  const dir = path.join(root, 'threat-models');
  fs.mkdirSync(dir, {recursive: true});
  const wanted = new Set(corpus.files.map((f) => f.name));
  for (const entry of fs.readdirSync(dir)) {
    if (!wanted.has(entry)) fs.rmSync(path.join(dir, entry), {recursive: true, force: true});
  }
  for (const file of corpus.files) writeIfChanged(path.join(dir, file.name), file.text);
  const configFile = path.join(root, 'threat-model.config.ts');
  writeIfChanged(
    configFile,
    `// Generated by bench/corpus.ts (${corpus.options.files} files × ${corpus.options.threats} threats, seed ${corpus.options.seed}). Do not edit.\n` +
      `const config = ${JSON.stringify(corpus.config, null, 2)};\n\nexport default config;\n`,
  );
  return {root, dir, configFile, config: loadConfig(corpus.config, configFile)};
}

/** Run the real check on a written corpus; throw unless it is clean (0 errors, 0 warnings). */
export function assertClean(written: WrittenCorpus): {files: number; threats: number} {
  const {index, diagnostics, files} = loadThreatModels('threat-models', written.config, written.root);
  if (diagnostics.length > 0) {
    const sample = diagnostics.slice(0, 10).map((d) => `  ${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} ${d.ruleId}`);
    throw new Error(`The synthetic corpus in ${written.root} is not clean: ${diagnostics.length} findings:\n${sample.join('\n')}`);
  }
  const threats = index.models.reduce((n, m) => n + m.threats.length, 0);
  return {files: files.length, threats};
}
