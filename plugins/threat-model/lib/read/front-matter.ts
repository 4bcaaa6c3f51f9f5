/**
 * The one front-matter reader, for every Markdown file of the site: the
 * check reads threat models with it, and Docusaurus reads every page with it
 * through `markdown.parseFrontMatter` (see `../front-matter-hook.ts`), so the
 * build can never evaluate what the check refused.
 *
 * Only YAML, and only its data: the first line is exactly `---` followed by
 * LF or CRLF (gray-matter would take `---js` or `---` + a lone CR + `js` as a
 * request for its JavaScript engine, which calls `eval`), the block ends at a
 * line `---`, and it is read with the YAML 1.2 core schema with no custom
 * tags, no anchors or aliases (an alias bomb expands exponentially), no merge
 * keys and no duplicate keys.
 */
import {visible} from '../visible';
import {isAlias, isNode, isMap, isPair, isScalar, parseDocument, visit, type Node as YamlNode} from 'yaml';

export type FrontMatterRule = 'front-matter-fence' | 'yaml-syntax' | 'yaml-feature';

export interface FrontMatterFinding {
  rule: FrontMatterRule;
  /** 1-based position in the file. */
  line: number;
  column: number;
  message: string;
  hint: string;
}

export interface FrontMatterResult {
  /** False when the file does not start with a front-matter block. */
  present: boolean;
  /** The parsed mapping; empty when absent or refused. */
  data: Record<string, unknown>;
  /** The Markdown after the block (the whole text when there is none). */
  content: string;
  /** Line of the closing `---` (0 when absent). */
  endLine: number;
  /** The first problem found, if any: the block is refused as a whole. */
  finding?: FrontMatterFinding;
  /** Where each top-level key is written, 1-based. */
  keys: Record<string, {line: number; column: number}>;
}

/** Larger blocks are refused before YAML sees them. */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;

const OPEN = /^---(\r?\n)/;
const CLOSE = /^---[ \t]*$/;

/** Strip a byte-order mark: micromark skips it too, so offsets agree. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readFrontMatter(source: string): FrontMatterResult {
  const text = withoutBom(source);
  const none: FrontMatterResult = {present: false, data: {}, content: text, endLine: 0, keys: {}};
  if (!text.startsWith('---') || text.startsWith('----')) return none;

  const refuse = (finding: FrontMatterFinding): FrontMatterResult => ({...none, present: true, content: '', finding});
  const open = OPEN.exec(text);
  if (!open) {
    const rest = /^---([^\n]*)/.exec(text)![1]!;
    if (rest.startsWith('\r')) {
      return refuse({
        rule: 'front-matter-fence', line: 1, column: 4,
        message: 'The front-matter line `---` ends with a lone carriage return (CR)',
        hint: 'Save the file with LF (or CRLF) line endings; a lone CR after `---` is how a front-matter engine other than YAML is requested.',
      });
    }
    if (rest.trim() === '') {
      return refuse({
        rule: 'front-matter-fence', line: 1, column: 4,
        message: 'The first line holds `---` followed by spaces',
        hint: 'Make the first line exactly `---`.',
      });
    }
    return refuse({
      rule: 'front-matter-fence', line: 1, column: 4,
      message: `Front matter asks for the "${visible(rest.trim().slice(0, 20))}" engine; only YAML is read`,
      hint: 'Make the first line exactly `---` and write the fields in YAML: other front-matter languages can run code at build time.',
    });
  }

  // Lines after the opener, with their offsets, until the closing fence.
  const start = open[0].length;
  let offset = start;
  let line = 2;
  let close: {line: number; offset: number; end: number} | undefined;
  let dots: number | undefined;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline + 1;
    const content = text.slice(offset, newline === -1 ? text.length : newline).replace(/\r$/, '');
    if (CLOSE.test(content)) {
      close = {line, offset, end};
      break;
    }
    if (dots === undefined && /^\.\.\.[ \t]*$/.test(content)) dots = line;
    if (newline === -1) break;
    offset = end;
    line++;
  }
  if (!close) {
    return refuse(
      dots === undefined
        ? {rule: 'front-matter-fence', line: 1, column: 1, message: 'Front matter is not closed',
          hint: 'Add a line `---` after the last front-matter field.'}
        : {rule: 'front-matter-fence', line: dots, column: 1, message: 'Front matter is closed with `...`; the site only ends it at `---`',
          hint: 'Replace `...` with `---`.'},
    );
  }

  const yamlText = text.slice(start, close.offset);
  if (Buffer.byteLength(yamlText) > MAX_FRONT_MATTER_BYTES) {
    return refuse({
      rule: 'yaml-feature', line: 2, column: 1,
      message: `Front matter is ${Math.round(Buffer.byteLength(yamlText) / 1024)} KiB; at most ${MAX_FRONT_MATTER_BYTES / 1024} KiB is read`,
      hint: 'Keep front matter to a few short fields; put long text in the page body.',
    });
  }
  const where = (position: number) => locate(text, start + position);
  const deep = tooDeep(yamlText);
  if (deep !== undefined) {
    return refuse({
      rule: 'yaml-feature', ...where(deep),
      message: `Front matter nests deeper than ${MAX_DEPTH} levels`,
      hint: 'Keep front matter flat: a few fields, lists of strings.',
    });
  }
  const parsed = readYaml(yamlText, where);
  if ('finding' in parsed) return refuse(parsed.finding);
  return {present: true, data: parsed.data, content: text.slice(close.end), endLine: close.line, keys: parsed.keys};
}

type Where = (offset: number) => {line: number; column: number};

/** Deeper nesting is refused before YAML sees it: its parser recurses. */
export const MAX_DEPTH = 32;

/** Offset where brackets or indentation first pass `MAX_DEPTH`, if they do. */
function tooDeep(yamlText: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < yamlText.length; i++) {
    const c = yamlText[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (c === '#' && (i === 0 || /\s/.test(yamlText[i - 1]!))) {
      const end = yamlText.indexOf('\n', i);
      i = end === -1 ? yamlText.length : end - 1;
    } else if (c === '\n') {
      const indent = /^[ -]*/.exec(yamlText.slice(i + 1))![0].length;
      if (indent > MAX_DEPTH * 2) return i + 1;
    }
  }
  return undefined;
}

function readYaml(yamlText: string, where: Where): {data: Record<string, unknown>; keys: FrontMatterResult['keys']} | {finding: FrontMatterFinding} {
  const doc = parseDocument(yamlText, {version: '1.2', schema: 'core', uniqueKeys: true, merge: false, prettyErrors: false, strict: true});
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const at = where(problem.pos[0]);
    const duplicate = problem.code === 'DUPLICATE_KEY';
    const tag = problem.code === 'TAG_RESOLVE_FAILED';
    return {
      finding: {
        rule: tag ? 'yaml-feature' : 'yaml-syntax',
        ...at,
        message: duplicate ? 'A front-matter key appears twice' : tag ? `YAML tag ${visible(/: (.*)$/.exec(problem.message)?.[1] ?? '')} is not allowed` : `Front matter is not valid YAML: ${visible(firstLine(problem.message))}`,
        hint: duplicate ? 'Keep one of the two lines: YAML would silently keep only the last one.'
          : tag ? 'Remove the tag: front matter is plain YAML data (strings, numbers, booleans, lists and mappings).'
          : 'Check the indentation and quoting on this line; quote values that contain `:` or start with `@`, `[` or `{`.',
      },
    };
  }
  let feature: FrontMatterFinding | undefined;
  visit(doc, (_key, node) => {
    if (isPair(node)) {
      const key = node.key as (YamlNode & {range?: [number, number, number]}) | null;
      const at = where(key?.range?.[0] ?? 0);
      if (!isScalar(key) || typeof key.value !== 'string') {
        feature = {rule: 'yaml-feature', ...at, message: 'A front-matter key is not a plain string',
          hint: 'Write keys as plain words, e.g. `title:`.'};
      } else if (key.value === '<<') {
        feature = {rule: 'yaml-feature', ...at, message: 'YAML merge keys (`<<`) are not allowed in front matter',
          hint: 'Write the merged fields out in full.'};
      }
      return feature ? visit.BREAK : undefined;
    }
    if (!isNode(node)) return undefined;
    const yamlNode = node as YamlNode & {anchor?: string; tag?: string; range?: [number, number, number]};
    const at = where(yamlNode.range?.[0] ?? 0);
    if (isAlias(node)) {
      feature = {rule: 'yaml-feature', ...at, message: 'YAML aliases (`*name`) are not allowed in front matter',
        hint: 'Write the value out in full: an alias can expand to an exponentially large value.'};
    } else if (yamlNode.anchor) {
      feature = {rule: 'yaml-feature', ...at, message: `YAML anchors (\`&${visible(yamlNode.anchor)}\`) are not allowed in front matter`,
        hint: 'Remove the anchor and write each value out in full.'};
    } else if (yamlNode.tag) {
      feature = {rule: 'yaml-feature', ...at, message: `YAML tag ${visible(yamlNode.tag)} is not allowed`,
        hint: 'Remove the tag: front matter is plain YAML data (strings, numbers, booleans, lists and mappings).'};
    }
    return feature ? visit.BREAK : undefined;
  });
  if (feature) return {finding: feature};

  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    return {finding: {rule: 'yaml-syntax', ...where(0), message: 'Front matter is not a set of `key: value` fields',
      hint: 'Write one `key: value` per line, e.g. `title: My page`.'}};
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  // No prototype: a key named `__proto__` is only a key.
  const keys: FrontMatterResult['keys'] = Object.create(null);
  for (const pair of (contents as {items?: Array<{key?: {value?: unknown; range?: [number, number, number]}}>} | null)?.items ?? []) {
    const name = pair.key?.value;
    if (typeof name === 'string') keys[name] = where(pair.key?.range?.[0] ?? 0);
  }
  return {data, keys};
}

/** 1-based line and column of an offset. */
export function locate(text: string, offset: number): {line: number; column: number} {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return {line, column: offset - lineStart + 1};
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
