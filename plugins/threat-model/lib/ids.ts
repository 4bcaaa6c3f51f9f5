/**
 * What an ID and a file name say: threat IDs (`PREFIX-NN`, the prefix names
 * the use case), the use case's file (`<dir>/<use case>.md`), and "did you
 * mean" for a mistyped ID. Every consumer asks here rather than building
 * the names itself. A suggestion is only ever a typo of the same threat (a
 * misspelt prefix, a missing dash, extra zeros): never a neighbouring
 * number, which would point at an unrelated threat.
 */
import {editDistance} from './diagnostics';

/** The configuration's part that IDs and file names depend on. */
interface Layout {
  dir: string;
  useCases: ReadonlyArray<{id: string; prefix: string}>;
}

/** The file of a use case, relative to the site: `threat-models/server.md`. */
export function modelFile(config: Pick<Layout, 'dir'>, useCase: string): string {
  return `${config.dir}/${useCase}.md`;
}

/** The use case a file is named after (`server.md` → `server`), whatever its folder. */
export function useCaseOfFile(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/, '');
}

/** The use case whose prefix an ID has, if any. */
export function ownerOf(config: Pick<Layout, 'useCases'>, id: string): {id: string; prefix: string} | undefined {
  return config.useCases.find((u) => id.startsWith(`${u.prefix}-`));
}

/** The `n`th ID of a prefix: `SRV-01`. */
export function threatId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(2, '0')}`;
}

/** `PREFIX-NN`: 01 to 99 with two digits, then 100 and up without leading zeros. */
export const ID_PATTERN = /^[A-Z][A-Z0-9]*-(?:0[1-9]|[1-9]\d+)$/;

/** The canonical form of something written as an ID, if it has one. */
export function canonicalId(written: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9]*?)[-_ ]?(\d+)$/.exec(written.trim());
  if (!match) return undefined;
  const number = Number.parseInt(match[2]!, 10);
  if (number === 0) return undefined;
  return `${match[1]!.toUpperCase()}-${String(number).padStart(2, '0')}`;
}

/** A well-formed version of a malformed ID, with the use case's prefix when given. */
export function suggestId(written: string, prefix?: string): string | undefined {
  const canonical = canonicalId(written);
  if (!canonical || canonical === written) return undefined;
  if (prefix && !canonical.startsWith(`${prefix}-`) && editDistance(canonical.split('-')[0]!, prefix) > 1) return undefined;
  return canonical;
}

/**
 * The known ID that `written` is a typo of: the same number with a prefix
 * one edit away, or the same ID in another spelling (case, dash, zeros).
 */
export function typoOf(written: string, known: readonly string[]): string | undefined {
  const canonical = canonicalId(written);
  if (!canonical) return undefined;
  if (known.includes(canonical) && canonical !== written) return canonical;
  const [prefix, number] = canonical.split('-') as [string, string];
  const matches = known.filter((id) => {
    const [p, n] = id.split('-') as [string, string];
    return n === number && p !== prefix && editDistance(p, prefix) <= 1;
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** What the letter after the dash of a data-flow ID names: `SRV-Z1`, `SRV-E1`, `SRV-F1`. */
export const FLOW_ID_LETTERS = {zone: 'Z', element: 'E', flow: 'F'} as const;
export type FlowIdKind = keyof typeof FLOW_ID_LETTERS;

/** `PREFIX-Z<n>`, `PREFIX-E<n>`, `PREFIX-F<n>`: n from 1 to 999 without a leading zero. */
export const FLOW_ID_PATTERN = /^[A-Z][A-Z0-9]*-[ZEF][1-9]\d{0,2}$/;

/** The `n`th data-flow ID of a kind: `SRV-F1`. */
export function flowId(prefix: string, kind: FlowIdKind, n: number): string {
  return `${prefix}-${FLOW_ID_LETTERS[kind]}${n}`;
}

/** The kind a well-formed data-flow ID names, if it is one. */
export function flowIdKind(id: string): FlowIdKind | undefined {
  if (!FLOW_ID_PATTERN.test(id)) return undefined;
  const letter = id.split('-').pop()![0];
  return (Object.keys(FLOW_ID_LETTERS) as FlowIdKind[]).find((k) => FLOW_ID_LETTERS[k] === letter);
}

/**
 * A well-formed data-flow ID of `kind` for something written as one (case,
 * a missing dash or letter, leading zeros): `srv-f01` → `SRV-F1`. With a
 * prefix, a suggestion in another use case's prefix is only made for a
 * one-letter typo of it.
 */
export function suggestFlowId(written: string, kind: FlowIdKind, prefix?: string): string | undefined {
  const letter = FLOW_ID_LETTERS[kind];
  const match = new RegExp(`^([A-Za-z][A-Za-z0-9]*?)[-_ ]?${letter}?[-_ ]?(\\d+)$`, 'i').exec(written.trim());
  if (!match) return undefined;
  const number = Number.parseInt(match[2]!, 10);
  if (number === 0 || number > 999) return undefined;
  const head = match[1]!.toUpperCase().replace(new RegExp(`${letter}$`), '');
  const canonical = `${head}-${letter}${number}`;
  if (canonical === written || !FLOW_ID_PATTERN.test(canonical)) return undefined;
  if (prefix && head !== prefix && editDistance(head, prefix) > 1) return undefined;
  return canonical;
}
