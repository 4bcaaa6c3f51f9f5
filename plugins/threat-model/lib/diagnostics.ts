import {visible} from './visible';

/**
 * Findings about threat-model files. Every finding names a file, a 1-based
 * line and column, a stable rule id, what is wrong and how to fix it.
 */

export type Severity = 'error' | 'warning';

export interface Point {
  line: number;
  column: number;
}

export interface Diagnostic {
  /** Path relative to the site root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable id, `threat-model:<rule>`; tests and CI filters rely on it. */
  ruleId: string;
  /** What is wrong, naming the offending value. */
  message: string;
  /** How to fix it, with "did you mean" where a near name exists. */
  hint: string;
}

/** Every rule, with a one-line description (used by SARIF and the docs). */
export const RULES = {
  'no-front-matter': 'The file has no front matter block.',
  'yaml-syntax': 'The front matter is not valid YAML.',
  'invalid-front-matter': 'A front-matter field has the wrong type or format.',
  'unknown-use-case': 'The front matter names a use case that is not configured.',
  'duplicate-use-case': 'Two files model the same use case.',
  'missing-use-case': 'A configured use case has no threat-model file.',
  'file-name': 'The file name does not match its use case.',
  'missing-section': 'A required section is missing.',
  'unknown-section': 'A section heading is not part of the format.',
  'section-order': 'Sections are not in the documented order.',
  'missing-trust-list': 'The Trust section lacks its Trusted: or Untrusted: list.',
  'unknown-field': 'A field name is not part of the format.',
  'missing-field': 'A required field is missing.',
  'invalid-value': 'A field has a value outside its allowed set.',
  'duplicate-field': 'A field appears twice in one threat.',
  'missing-id': 'A threat heading has no explicit {#ID}.',
  'malformed-id': 'A threat ID does not have the form PREFIX-NN.',
  'id-prefix': "A threat ID's prefix does not match its use case.",
  'duplicate-id': 'Two threats share one ID.',
  'missing-reference': 'A threat cites no source.',
  'invalid-reference': 'A reference is neither a CVE ID, a CWE ID nor an http(s) URL.',
  'unknown-related': 'A Related ID exists in no file.',
  'unknown-feature': 'A Features entry is not a configured feature.',
  'stride-coverage': 'A STRIDE category is neither covered nor declared not applicable.',
  'not-applicable-reason': 'A not-applicable category has no reason, or is not a STRIDE category.',
  'not-applicable-covered': 'A category is declared not applicable but a threat covers it.',
  'unsafe-html': 'Raw HTML or a URL that could run script.',
  'not-markdown': 'A file in the threat-model folder is not a .md file.',
  'empty-file': 'The file is empty.',
  'binary-file': 'The file is not UTF-8 text.',
  'no-threats': 'The Threats section has no threat.',
  'front-matter-fence': 'The front matter does not open with a line `---` or does not close with one.',
  'yaml-feature': 'The front matter uses a YAML feature beyond plain data: a tag, an anchor, an alias or a merge key.',
  'front-matter-key': 'A Docusaurus front-matter key that would change the page\'s route, visibility or rendering.',
  'line-ending': 'A lone carriage return (CR) as a line ending.',
  'control-character': 'A control or bidirectional-override character in the text.',
  'folder-layout': 'A subfolder or a symbolic link in the threat-model folder.',
  'raw-html': 'Raw HTML beyond the few inline elements the format allows, or any raw HTML in a heading.',
  'directive': 'Markdown directive syntax (`:name[…]`, `::name`, `:::name`) that the site would render as an element.',
  'unsupported-markdown': 'Markdown the format does not carry to the reference and export (footnotes, task-list boxes), or that the site rewrites before reading it (`mdx-code-block` fences).',
  'local-file': 'A link or image that points at a file outside the site, or uses `@site/`, an absolute path or `file:`.',
  'broken-link': 'A local link or image whose target page or file does not exist.',
  'broken-anchor': 'A link to an anchor (`#ID`) that the target page does not have.',
  'misplaced-threat': 'A heading that carries a threat ID but is not a `###` heading of the Threats section.',
  'heading-id': 'An explicit `{#id}` on a heading that is not a threat, or not written as plain text at its end.',
  'heading-content': 'A heading holds a link, an image, emphasis or strikethrough: headings are plain text and code.',
  'lost-content': 'Content that the page would show but the reference and export would drop: nested lists, extra paragraphs, a second list.',
  'empty-title': 'A threat heading has an ID but no title.',
  'placeholder': 'Text left from the scaffold (`npm run new`) that was never replaced.',
  'file-size': 'The file is larger than the check reads (128 KiB): Markdown parsing slows down sharply on some large inputs.',
} as const;

export type RuleName = keyof typeof RULES;

export const RULE_ORIGIN = 'threat-model';

export function ruleId(rule: RuleName): string {
  return `${RULE_ORIGIN}:${rule}`;
}

export function diagnostic(
  file: string,
  point: Point | undefined,
  rule: RuleName,
  message: string,
  hint: string,
  severity: Severity = 'error',
): Diagnostic {
  return {
    file,
    line: point?.line ?? 1,
    column: point?.column ?? 1,
    severity,
    ruleId: ruleId(rule),
    // A quoted value may hold control characters; a finding never prints them raw.
    message: visible(message),
    hint: visible(hint),
  };
}

/** Sort by file, then position, so output is stable across runs. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
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
