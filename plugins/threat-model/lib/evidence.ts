/**
 * The evidence source: a dated snapshot of the Node.js security working
 * group's vulnerability database (`vuln/core` of
 * https://github.com/nodejs/security-wg), read once per load and indexed by
 * CVE ID. The check tests cited CVEs against it (`rules/evidence.ts`), and
 * the threat pages and the reference page show what it says about them.
 *
 * The folder holds `<n>.json`, one advisory each, exactly as upstream
 * writes them, and `snapshot.json`, which says which commit they come from
 * and when it was made (`npm run refresh-cve-db` writes both). Each advisory
 * is validated here, so a refresh that brings in another shape fails with
 * the file and the field, instead of showing wrong versions on a page.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

/** `CVE-YYYY-NNNN…`: the year and the sequence number, as the reference reader accepts them. */
export const CVE_ID = /^CVE-(\d{4})-(\d{4,})$/;

/** Advisory severities the database uses. */
export const CVE_SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'] as const;
export type CveSeverity = (typeof CVE_SEVERITIES)[number];

/** One `vuln/core/<n>.json`: only the fields the site uses are required; upstream's others are ignored. */
export const AdvisorySchema = z.object({
  /** CVE IDs of the advisory; empty for the early ones that never had one. */
  cve: z.array(z.string().regex(CVE_ID, 'use CVE-YYYY-NNNN')),
  /** Affected release lines, a semver range such as `18.x || 20.x`. */
  vulnerable: z.string(),
  /** First fixed release of each line, a semver range such as `^18.20.2 || ^20.12.2`. */
  patched: z.string(),
  severity: z.enum(CVE_SEVERITIES),
  /** What the flaw is, a few sentences of Markdown-ish text. */
  overview: z.string().optional(),
  /** A one-line title; some advisories have it instead of an overview. */
  description: z.string().optional(),
});
export type Advisory = z.infer<typeof AdvisorySchema>;

/** `snapshot.json`: where and when the advisories were taken. */
export const SnapshotSchema = z.object({
  /** The upstream repository, e.g. `https://github.com/nodejs/security-wg`. */
  repository: z.url({protocol: /^https$/}),
  /** The commit the advisories were copied from. */
  commit: z.string().regex(/^[0-9a-f]{40}$/, 'use the full 40-character commit hash'),
  /** The commit's date, ISO 8601 with its offset. */
  date: z.iso.datetime({offset: true}),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const SNAPSHOT_FILE = 'snapshot.json';
const ADVISORY_FILE = /^(\d+)\.json$/;

/** What the site keeps of one CVE: enough for a page line and the reference list. */
export interface CveRecord {
  id: string;
  /** Number of the advisory file that lists it (`150` for `150.json`). */
  advisory: number;
  severity: CveSeverity;
  /** First fixed release of each line, lowest line first: `['18.20.2', '20.12.2']`. */
  patched: string[];
  /** The overview (or, without one, the description) on one line, whole. */
  overview: string;
}

export interface CveDatabase {
  /** The folder as configured, relative to the site. */
  path: string;
  snapshot: Snapshot;
  /** CVE ID → record. */
  records: Record<string, CveRecord>;
  /** The highest CVE ID in the snapshot, by year then number: IDs above it were assigned after it. */
  highest: {year: number; number: number};
}

/** A configured database that cannot be read: names the path and what is wrong, with a hint. */
export class EvidenceError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'EvidenceError';
  }
}

/** The year and number of a CVE ID, or undefined when it is not one. */
export function cveParts(id: string): {year: number; number: number; digits: string} | undefined {
  const match = CVE_ID.exec(id);
  return match ? {year: Number(match[1]), number: Number(match[2]), digits: match[2]!} : undefined;
}

/**
 * Read the database folder `shown` (as configured, relative to `siteDir`).
 * Throws an `EvidenceError` naming the path when it is missing or not in
 * the `vuln/core` shape.
 */
export function readCveDatabase(siteDir: string, shown: string): CveDatabase {
  const folder = path.resolve(siteDir, shown);
  const where = `the CVE database "${shown}" (evidence.cveDatabase)`;
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new EvidenceError(`Cannot read ${where}: no such folder under ${siteDir}`,
      'Give a folder relative to the site root that holds the snapshot, e.g. `data/nodejs-vuln-core` (`npm run refresh-cve-db -- /path/to/security-wg` writes one).');
  }
  const files = fs.readdirSync(folder)
    .filter((name) => name === SNAPSHOT_FILE || ADVISORY_FILE.test(name))
    .map((name) => ({name, text: fs.readFileSync(path.join(folder, name), 'utf8')}));
  return parseCveDatabase(files, shown);
}

/** `readCveDatabase` on texts already read: `files` are the folder's `snapshot.json` and `<n>.json`. */
export function parseCveDatabase(files: ReadonlyArray<{name: string; text: string}>, shown: string): CveDatabase {
  const snapshotFile = files.find((f) => f.name === SNAPSHOT_FILE);
  if (!snapshotFile) {
    throw new EvidenceError(`${shown} is not a CVE database snapshot: it has no ${SNAPSHOT_FILE}`,
      'Write the snapshot with `npm run refresh-cve-db -- /path/to/security-wg`, which records the commit and date in snapshot.json.');
  }
  const snapshot = parseJson(SnapshotSchema, snapshotFile, shown);
  const advisories = files.filter((f) => ADVISORY_FILE.test(f.name));
  if (advisories.length === 0) {
    throw new EvidenceError(`${shown} is not in the shape of vuln/core: it holds no <n>.json advisory`,
      'Point evidence.cveDatabase at the folder that `npm run refresh-cve-db` writes, with one <n>.json per advisory.');
  }
  const records: Record<string, CveRecord> = {};
  let highest = {year: 0, number: 0};
  for (const file of advisories) {
    const advisory = parseJson(AdvisorySchema, file, shown);
    const number = Number(ADVISORY_FILE.exec(file.name)![1]);
    for (const id of advisory.cve) {
      records[id] = {id, advisory: number, severity: advisory.severity, patched: patchedVersions(advisory.patched), overview: oneLine(advisory.overview ?? advisory.description ?? '')};
      const parts = cveParts(id)!;
      if (parts.year > highest.year || (parts.year === highest.year && parts.number > highest.number)) highest = {year: parts.year, number: parts.number};
    }
  }
  return {path: shown, snapshot, records, highest};
}

function parseJson<T>(schema: z.ZodType<T>, file: {name: string; text: string}, shown: string): T {
  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch (error) {
    throw new EvidenceError(`${shown}/${file.name} is not JSON: ${(error as Error).message}`,
      'Refresh the snapshot with `npm run refresh-cve-db`; its files are upstream\'s, not edited by hand.');
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new EvidenceError(`${shown}/${file.name} is not in the shape of vuln/core: ${problems}`,
      'Refresh the snapshot with `npm run refresh-cve-db`; if upstream changed its format, the reader in lib/evidence.ts needs the change too.');
  }
  return result.data;
}

/**
 * The first fixed release of each line from a `patched` range:
 * `^18.20.2 || ^20.12.2` → `18.20.2`, `20.12.2`; `>= 10.9.0` → `10.9.0 and later`.
 * Lowest line first, as upstream does not keep one order.
 */
export function patchedVersions(range: string): string[] {
  const parts = range.split('||').map((p) => p.trim()).filter((p) => p !== '');
  const shown = parts.map((p) => {
    const caret = /^\^\s*(\d+\.\d+\.\d+)$/.exec(p);
    if (caret) return caret[1]!;
    const atLeast = /^>=\s*(\d+\.\d+\.\d+)$/.exec(p);
    if (atLeast) return `${atLeast[1]} and later`;
    return p;
  });
  return shown.sort((a, b) => versionKey(a) - versionKey(b));
}

function versionKey(version: string): number {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? Number(match[1]) * 1e8 + Number(match[2]) * 1e4 + Number(match[3]) : Number.MAX_SAFE_INTEGER;
}

/** Collapse whitespace, so a multi-line overview reads as one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cut `text` to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function shorten(text: string, max = 140): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The snapshot's date as `YYYY-MM-DD`, in the commit's own offset. */
export function snapshotDay(snapshot: Snapshot): string {
  return snapshot.date.slice(0, 10);
}

/**
 * Refuse a declaration of another product's CVE that the database lists:
 * one of the two is wrong, and the check would otherwise trust the
 * declaration over the database without a word.
 */
export function checkOtherProducts(database: CveDatabase, otherProducts: Readonly<Record<string, string>>): void {
  const listed = Object.keys(otherProducts).filter((id) => database.records[id]);
  if (listed.length === 0) return;
  const which = listed.map((id) => `${id} (${database.path}/${database.records[id]!.advisory}.json)`).join(', ');
  throw new EvidenceError(`evidence.otherProducts declares ${which} as another product's, but the Node.js vulnerability database lists ${listed.length === 1 ? 'it' : 'them'}`,
    `Remove ${listed.join(', ')} from evidence.otherProducts in the configuration: the database says ${listed.length === 1 ? 'it is' : 'they are'} Node.js's.`);
}
