/**
 * Findings about threat-model files, as unified's `VFileMessage`s: every
 * finding names a file and a place (a point or a range), its rule as
 * `source` and `ruleId` (printed together as `threat-model:<rule>`), what
 * is wrong (`reason`), how to fix it (`note`), what was found and what was
 * probably meant (`actual`, `expected`) and where the rule is documented
 * (`url`). Errors are `fatal`; warnings are not.
 */
import {VFileMessage} from 'vfile-message';
import {RULES, type RuleName} from './rules/registry';
import {visible} from './visible';

export {RULES, type RuleName};
export type Severity = 'error' | 'warning';

export interface Point {
  line: number;
  column: number;
}

/** A place in a file: a point, or a range from `start` to `end`. */
export type Place = Point | {start: Point; end: Point};

export const RULE_ORIGIN = 'threat-model';

/** `threat-model:<rule>`: what reports print and CI filters match. */
export function ruleId(rule: RuleName): string {
  return `${RULE_ORIGIN}:${rule}`;
}

export interface DiagnosticOptions {
  /** Default: the rule's. */
  severity?: Severity;
  /** What the author probably meant ("did you mean"). */
  expected?: string[];
  /** What the author wrote. */
  actual?: string;
}

/** The plain form a finding takes in JSON (the JSON report, the parse cache). */
export interface DiagnosticJson {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  source: string;
  ruleId: string;
  message: string;
  hint: string;
  url: string;
  expected?: string[];
  actual?: string;
}

export class Diagnostic extends VFileMessage {
  declare file: string;
  declare line: number;
  declare column: number;
  declare ruleId: RuleName;
  declare source: string;
  declare note: string;
  declare url: string;

  constructor(file: string, place: Place | undefined, rule: RuleName, reason: string, hint: string, options: DiagnosticOptions = {}) {
    // A quoted value may hold control characters; a finding never prints them raw.
    super(visible(reason), {place: place ?? {line: 1, column: 1}, source: RULE_ORIGIN, ruleId: rule});
    this.file = file;
    this.fatal = (options.severity ?? RULES[rule].severity) === 'error';
    this.note = visible(hint);
    this.url = RULES[rule].url;
    if (options.expected) this.expected = options.expected.map(visible);
    if (options.actual !== undefined) this.actual = visible(options.actual);
    // No trace: a finding is data about a file, and thousands may be made.
    this.stack = '';
  }

  /** `error` or `warning`. */
  get severity(): Severity {
    return this.fatal ? 'error' : 'warning';
  }

  /** How to fix it: the message's `note`. */
  get hint(): string {
    return this.note;
  }

  /** `threat-model:<rule>`, as printed. */
  get id(): string {
    return `${this.source}:${this.ruleId}`;
  }

  toJSON(): DiagnosticJson {
    const end = this.place && 'end' in this.place ? this.place.end : undefined;
    return {
      file: this.file,
      line: this.line,
      column: this.column,
      ...(end ? {endLine: end.line, endColumn: end.column} : {}),
      severity: this.severity,
      source: this.source,
      ruleId: this.ruleId,
      message: this.reason,
      hint: this.note,
      url: this.url,
      ...(this.expected ? {expected: this.expected} : {}),
      ...(this.actual !== undefined ? {actual: this.actual} : {}),
    };
  }

  /** A finding back from its JSON form (the parse cache). */
  static fromJSON(json: DiagnosticJson): Diagnostic {
    const start = {line: json.line, column: json.column};
    const place = json.endLine !== undefined ? {start, end: {line: json.endLine, column: json.endColumn!}} : start;
    const d = new Diagnostic(json.file, place, json.ruleId as RuleName, json.message, json.hint, {
      severity: json.severity,
      ...(json.expected ? {expected: json.expected} : {}),
      ...(json.actual !== undefined ? {actual: json.actual} : {}),
    });
    return d;
  }
}

export function diagnostic(
  file: string,
  place: Place | undefined,
  rule: RuleName,
  message: string,
  hint: string,
  options?: Severity | DiagnosticOptions,
): Diagnostic {
  return new Diagnostic(file, place, rule, message, hint, typeof options === 'string' ? {severity: options} : options);
}

/** Sort by file, then position, so output is stable across runs. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.id.localeCompare(b.id);
}

/**
 * The closest candidate to `value`, if it is close enough to be a typo:
 * an edit distance of at most a third of the longer length (min 1),
 * compared case-insensitively.
 */
export function propose(value: string, candidates: readonly string[]): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(needle.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** For `expected`: the close candidate if there is one, else every candidate. */
export function nearest(value: string, candidates: readonly string[]): string[] {
  const guess = propose(value, candidates);
  return guess === undefined ? [...candidates] : [guess];
}

/** `Did you mean "x"?` or an empty string. */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const guess = propose(value, candidates);
  return guess === undefined ? '' : `did you mean "${guess}"?`;
}

/** Optimal string alignment distance (Levenshtein plus transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({length: rows}, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
