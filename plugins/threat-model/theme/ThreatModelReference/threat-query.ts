/**
 * The threat table's query (text filter, filters, sort) as plain data: how
 * it reads from and writes to the URL's query string, which threats it
 * keeps and in which order. Pure and browser-safe, so the table, the URL
 * sync and the unit tests share one definition.
 */
import {RESPONSIBILITIES, RISK_STATUSES, SEVERITIES, STRIDE, type Responsibility, type RiskStatus, type Severity, type Stride} from '../../lib/vocabulary';
import type {ReferenceThreat} from '../../lib/reference-data';

/** Columns the table sorts by. */
export const SORT_KEYS = ['id', 'title', 'useCase', 'severity', 'responsibility'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface ThreatQuery {
  /** Text the ID or title must contain (each word, case-insensitive); '' for none. */
  q: string;
  /** '' means "all" for each filter. */
  useCase: string;
  stride: Stride | '';
  severity: Severity | '';
  responsibility: Responsibility | '';
  /** A tracked risk's status (only sites that track risks show this filter). */
  status: RiskStatus | '';
  /** null: the models' own order. */
  sort: SortKey | null;
  dir: SortDir;
}

export const DEFAULT_QUERY: ThreatQuery = {q: '', useCase: '', stride: '', severity: '', responsibility: '', status: '', sort: null, dir: 'asc'};

/** Query-string parameter of each field, in the order they are written. */
const PARAMS = {q: 'q', useCase: 'use-case', stride: 'stride', severity: 'severity', responsibility: 'responsibility', status: 'status', sort: 'sort', dir: 'dir'} as const;

/**
 * The direction a first click on a column sorts in: most severe first, and
 * the runtime's own responsibility first (its order in the vocabulary);
 * text columns A to Z.
 */
export const FIRST_DIR: Record<SortKey, SortDir> = {id: 'asc', title: 'asc', useCase: 'asc', severity: 'desc', responsibility: 'asc'};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';
}

/**
 * Reads a query from `location.search`. A value the page does not know (a
 * severity that does not exist, a use case of another site, a sort column
 * that is not sortable) is dropped, so a stale or mistyped link still opens
 * the page, with that filter off.
 */
export function parseQuery(search: string, useCases: readonly string[]): ThreatQuery {
  const params = new URLSearchParams(search);
  const sort = oneOf(SORT_KEYS, params.get(PARAMS.sort)) || null;
  const dir = oneOf(['asc', 'desc'] as const, params.get(PARAMS.dir));
  return {
    q: (params.get(PARAMS.q) ?? '').trim().slice(0, 200),
    useCase: oneOf(useCases, params.get(PARAMS.useCase)),
    stride: oneOf(STRIDE, params.get(PARAMS.stride)),
    severity: oneOf(SEVERITIES, params.get(PARAMS.severity)),
    responsibility: oneOf(RESPONSIBILITIES, params.get(PARAMS.responsibility)),
    status: oneOf(RISK_STATUSES, params.get(PARAMS.status)),
    sort,
    dir: sort ? dir || FIRST_DIR[sort] : 'asc',
  };
}

/**
 * Writes a query as a query string (`?q=…&severity=high`, or '' when every
 * field is at its default), leaving defaults out so shared links stay short
 * and one state has one URL. Other parameters in `search` are kept.
 */
export function formatQuery(query: ThreatQuery, search = ''): string {
  const params = new URLSearchParams(search);
  for (const name of Object.values(PARAMS)) params.delete(name);
  const q = query.q.trim();
  if (q) params.set(PARAMS.q, q);
  if (query.useCase) params.set(PARAMS.useCase, query.useCase);
  if (query.stride) params.set(PARAMS.stride, query.stride);
  if (query.severity) params.set(PARAMS.severity, query.severity);
  if (query.responsibility) params.set(PARAMS.responsibility, query.responsibility);
  if (query.status) params.set(PARAMS.status, query.status);
  if (query.sort) {
    params.set(PARAMS.sort, query.sort);
    params.set(PARAMS.dir, query.dir);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Words of a text filter, lower-cased; every one must occur in the ID or the title. */
export function queryWords(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether a threat passes every filter of the query. `words` is `queryWords(query.q)`, computed once per query. */
export function matchesQuery(threat: ReferenceThreat, query: ThreatQuery, words: readonly string[] = queryWords(query.q)): boolean {
  if (query.useCase && threat.useCase !== query.useCase) return false;
  if (query.stride && !threat.stride.includes(query.stride)) return false;
  if (query.severity && threat.severity !== query.severity) return false;
  if (query.responsibility && threat.responsibility !== query.responsibility) return false;
  if (query.status && threat.status !== query.status) return false;
  if (words.length === 0) return true;
  const text = `${threat.id} ${threat.title}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

// Numeric collation: `SRV-9` before `SRV-10`; case and accents ignored.
const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});
const severityRank = new Map<string, number>(SEVERITIES.map((s, i) => [s, i]));
const responsibilityRank = new Map<string, number>(RESPONSIBILITIES.map((r, i) => [r, i]));

/**
 * Compares two threats by a column, ascending. Severity compares by rank
 * (low < medium < high < critical), responsibility by the vocabulary's
 * order, use cases by their label as the table shows it.
 */
export function compareBy(key: SortKey, useCaseLabels: ReadonlyMap<string, string>): (a: ReferenceThreat, b: ReferenceThreat) => number {
  switch (key) {
    case 'id':
      return (a, b) => collator.compare(a.id, b.id);
    case 'title':
      return (a, b) => collator.compare(a.title, b.title);
    case 'useCase':
      return (a, b) => collator.compare(useCaseLabels.get(a.useCase) ?? a.useCase, useCaseLabels.get(b.useCase) ?? b.useCase);
    case 'severity':
      return (a, b) => severityRank.get(a.severity)! - severityRank.get(b.severity)!;
    case 'responsibility':
      return (a, b) => responsibilityRank.get(a.responsibility)! - responsibilityRank.get(b.responsibility)!;
  }
}

/**
 * The threats a query keeps, in its order. Ties keep the models' order
 * (the sort is stable), and so do descending sorts: only the compared
 * value is reversed.
 */
export function selectThreats<T extends ReferenceThreat>(threats: readonly T[], query: ThreatQuery, useCaseLabels: ReadonlyMap<string, string>): T[] {
  const words = queryWords(query.q);
  const kept = threats.filter((t) => matchesQuery(t, query, words));
  if (!query.sort) return kept;
  const compare = compareBy(query.sort, useCaseLabels);
  const sign = query.dir === 'desc' ? -1 : 1;
  return kept.sort((a, b) => sign * compare(a, b));
}

/** The query after a click on a column's sort button: that column in its first direction, or the other direction if it is already sorted by it. */
export function toggleSort(query: ThreatQuery, key: SortKey): ThreatQuery {
  if (query.sort === key) return {...query, dir: query.dir === 'asc' ? 'desc' : 'asc'};
  return {...query, sort: key, dir: FIRST_DIR[key]};
}

/** Whether two queries select and order the same rows. */
export function sameQuery(a: ThreatQuery, b: ThreatQuery): boolean {
  return formatQuery(a) === formatQuery(b);
}
