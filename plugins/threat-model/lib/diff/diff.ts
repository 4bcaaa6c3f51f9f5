/**
 * The model diff: two indexes in, what changed out. Pure, so the command,
 * the Changes page and the tests share one definition of a change, and
 * neither git nor the file system is needed to test it.
 *
 * Threats are matched by ID across all models: the ID is what links point
 * at, so a threat that keeps its ID and changes its title is renamed, and a
 * threat that loses its ID is removed even when a similar one appears.
 */
import type {Config, RetiredId} from '../config';
import type {Reference, Threat, ThreatIndex, ThreatModel} from '../types';
import {STRIDE, type Stride} from '../vocabulary';
import {
  DIFF_VERSION, type BreakingChange, type CellState, type ChangedThreat, type CoverageChange, type DiffSummary,
  type FieldChange, type ModelDiff, type RemovedThreat, type UseCaseDiff,
} from './types';

/** What the diff reads from the configuration: use-case labels and order, and the tombstones. */
export type DiffConfig = Pick<Config, 'useCases' | 'retiredIds'>;

export function diffIndexes(before: ThreatIndex, after: ThreatIndex, config: DiffConfig = {useCases: [], retiredIds: []}): ModelDiff {
  const beforeThreats = threatsById(before);
  const afterThreats = threatsById(after);
  const retired = new Map(config.retiredIds.map((r) => [r.id, r]));
  const useCases = useCaseOrder(before, after, config).map((useCase) =>
    diffUseCase(useCase, modelOf(before, useCase), modelOf(after, useCase), {before, after, beforeThreats, afterThreats, retired, config}));
  const changed = useCases.filter(hasChanges);
  const breaking = changed.flatMap(breakingChanges);
  return {version: DIFF_VERSION, summary: summarize(changed, breaking), breaking, useCases: changed};
}

interface Sides {
  before: ThreatIndex;
  after: ThreatIndex;
  beforeThreats: Map<string, Threat>;
  afterThreats: Map<string, Threat>;
  retired: Map<string, RetiredId>;
  config: DiffConfig;
}

function diffUseCase(useCase: string, old: ThreatModel | undefined, now: ThreatModel | undefined, sides: Sides): UseCaseDiff {
  const label = sides.config.useCases.find((u) => u.id === useCase)?.label ?? useCase;
  const oldThreats = old?.threats ?? [];
  const newThreats = now?.threats ?? [];
  const oldStatus = old?.frontMatter.status;
  const newStatus = now?.frontMatter.status;
  return {
    useCase,
    label,
    model: !old ? 'added' : !now ? 'removed' : 'changed',
    file: (now ?? old)!.file,
    ...(oldStatus !== newStatus ? {status: {...(oldStatus ? {before: oldStatus} : {}), ...(newStatus ? {after: newStatus} : {})}} : {}),
    added: newThreats.filter((t) => !sides.beforeThreats.has(t.id)).map(({id, title}) => ({id, title})),
    removed: oldThreats.filter((t) => !sides.afterThreats.has(t.id)).map((t) => removedThreat(t, sides.retired.get(t.id))),
    changed: newThreats.flatMap((t) => {
      const was = sides.beforeThreats.get(t.id);
      const changes = was ? threatChanges(was, t) : [];
      return changes.length > 0 ? [{id: t.id, title: t.title, changes} satisfies ChangedThreat] : [];
    }),
    coverage: coverageChanges(sides.before.coverage[useCase], sides.after.coverage[useCase]),
  };
}

function removedThreat(threat: Threat, tombstone: RetiredId | undefined): RemovedThreat {
  const {id, title} = threat;
  if (!tombstone) return {id, title};
  return {id, title, retired: {reason: tombstone.reason, ...(tombstone.replacedBy ? {replacedBy: tombstone.replacedBy} : {})}};
}

/** The fields of one threat that differ, in the order a reader scans a threat. */
export function threatChanges(was: Threat, now: Threat): FieldChange[] {
  const changes: FieldChange[] = [];
  if (was.title !== now.title) changes.push({field: 'title', before: was.title, after: now.title});
  if (was.severity !== now.severity) changes.push({field: 'severity', before: was.severity, after: now.severity});
  if (was.responsibility !== now.responsibility) changes.push({field: 'responsibility', before: was.responsibility, after: now.responsibility});
  if (was.status !== now.status) {
    changes.push({field: 'status', ...(was.status ? {before: was.status} : {}), ...(now.status ? {after: now.status} : {})});
  }
  const stride = listChange(was.stride, now.stride, (s) => s);
  if (stride) changes.push({field: 'stride', added: sortStride(stride.added), removed: sortStride(stride.removed)});
  const references = listChange(was.references, now.references, referenceKey);
  if (references) changes.push({field: 'references', ...references});
  return changes;
}

/** A reference is the same reference while it points at the same place; its display text may change. */
function referenceKey(reference: Reference): string {
  return `${reference.kind} ${reference.url}`;
}

function listChange<T>(was: readonly T[], now: readonly T[], key: (item: T) => string): {added: T[]; removed: T[]} | undefined {
  const oldKeys = new Set(was.map(key));
  const newKeys = new Set(now.map(key));
  const added = now.filter((item) => !oldKeys.has(key(item)));
  const removed = was.filter((item) => !newKeys.has(key(item)));
  return added.length + removed.length > 0 ? {added, removed} : undefined;
}

function sortStride(list: Stride[]): Stride[] {
  return [...list].sort((a, b) => STRIDE.indexOf(a) - STRIDE.indexOf(b));
}

/** Cells whose state changed; a cell that only gained or lost one of several threats stays covered. */
function coverageChanges(was: ThreatIndex['coverage'][string] | undefined, now: ThreatIndex['coverage'][string] | undefined): CoverageChange[] {
  // A model that is added or removed changes every cell; its threats already say how.
  if (!was || !now) return [];
  return STRIDE.flatMap((category) => {
    const before = cellState(was[category]);
    const after = cellState(now[category]);
    return before === after ? [] : [{category, before, after}];
  });
}

export function cellState(cell: {threats: string[]; notApplicable?: string} | undefined): CellState {
  if (cell && cell.threats.length > 0) return 'covered';
  return cell?.notApplicable ? 'not-applicable' : 'uncovered';
}

function breakingChanges(diff: UseCaseDiff): BreakingChange[] {
  return diff.removed
    .filter((t) => !t.retired)
    .map((t) => ({
      useCase: diff.useCase,
      id: t.id,
      title: t.title,
      message: `${t.id} was removed: links to #${t.id} and mentions of it elsewhere no longer find it`,
      hint: `If the removal is meant, add {id: '${t.id}', reason: '…'} to retiredIds in the configuration, so the ID is never reused and readers learn why; otherwise restore the threat.`,
    }));
}

function hasChanges(diff: UseCaseDiff): boolean {
  return diff.model !== 'changed' || Boolean(diff.status) ||
    diff.added.length + diff.removed.length + diff.changed.length + diff.coverage.length > 0;
}

function summarize(useCases: UseCaseDiff[], breaking: BreakingChange[]): DiffSummary {
  const total = (pick: (d: UseCaseDiff) => number) => useCases.reduce((n, d) => n + pick(d), 0);
  return {
    modelsAdded: useCases.filter((d) => d.model === 'added').length,
    modelsRemoved: useCases.filter((d) => d.model === 'removed').length,
    statusChanged: useCases.filter((d) => d.model === 'changed' && d.status).length,
    threatsAdded: total((d) => d.added.length),
    threatsRemoved: total((d) => d.removed.length),
    threatsChanged: total((d) => d.changed.length),
    coverageChanged: total((d) => d.coverage.length),
    breaking: breaking.length,
  };
}

function threatsById(index: ThreatIndex): Map<string, Threat> {
  const byId = new Map<string, Threat>();
  for (const threat of index.models.flatMap((m) => m.threats)) if (!byId.has(threat.id)) byId.set(threat.id, threat);
  return byId;
}

function modelOf(index: ThreatIndex, useCase: string): ThreatModel | undefined {
  return index.models.find((m) => m.useCase === useCase);
}

/** Configured use cases first, in their order; any other use case after them, by name. */
function useCaseOrder(before: ThreatIndex, after: ThreatIndex, config: DiffConfig): string[] {
  const present = new Set([...before.models, ...after.models].map((m) => m.useCase));
  const configured = config.useCases.map((u) => u.id).filter((id) => present.has(id));
  const others = [...present].filter((id) => !configured.includes(id)).sort();
  return [...configured, ...others];
}
