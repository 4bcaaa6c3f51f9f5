/**
 * A model diff in words: one line per change, the same sentences for the
 * text report, the pull-request comment and the Changes page. Browser-safe
 * (no Node.js imports), since the page's props carry these lines.
 */
import type {Reference} from '../types';
import type {CellState, DiffSummary, FieldChange, ModelDiff, RemovedThreat, UseCaseDiff} from './types';

export interface ChangeLine {
  useCase: string;
  /** What the line is about: the model itself, a threat, or a coverage cell. */
  kind: 'model' | 'added' | 'removed' | 'changed' | 'coverage';
  /** The threat's ID, when the line is about one threat. */
  id?: string;
  /** The change in one sentence. */
  text: string;
  /** Removing an ID that is not retired: links to it stop working. */
  breaking: boolean;
  /** What to do about a breaking change. */
  hint?: string;
}

/** Every change of one use case, model first, then threats in the order added, removed, changed, then coverage. */
export function describeUseCase(diff: UseCaseDiff, breakingHints: ReadonlyMap<string, string> = new Map()): ChangeLine[] {
  const {useCase} = diff;
  const lines: ChangeLine[] = [];
  const line = (kind: ChangeLine['kind'], text: string, id?: string): ChangeLine => ({useCase, kind, ...(id ? {id} : {}), text, breaking: false});
  if (diff.model === 'added') lines.push(line('model', `New model ${diff.file}${diff.status?.after ? `, status ${diff.status.after}` : ''}`));
  else if (diff.model === 'removed') lines.push(line('model', `Model ${diff.file} removed`));
  else if (diff.status) lines.push(line('model', `Model status: ${diff.status.before ?? 'none'} → ${diff.status.after ?? 'none'}`));
  for (const t of diff.added) lines.push(line('added', `Added: “${t.title}”`, t.id));
  for (const t of diff.removed) lines.push(removedLine(useCase, t, breakingHints.get(t.id)));
  for (const t of diff.changed) for (const change of t.changes) lines.push(line('changed', fieldText(change), t.id));
  for (const c of diff.coverage) lines.push(line('coverage', `Coverage of ${c.category}: ${cellText(c.before)} → ${cellText(c.after)}`));
  return lines;
}

/** Every line of the diff, the breaking changes first (they need action before a merge). */
export function describeDiff(diff: ModelDiff): ChangeLine[] {
  const hints = new Map(diff.breaking.map((b) => [b.id, b.hint]));
  const lines = diff.useCases.flatMap((u) => describeUseCase(u, hints));
  return [...lines.filter((l) => l.breaking), ...lines.filter((l) => !l.breaking)];
}

function removedLine(useCase: string, threat: RemovedThreat, hint: string | undefined): ChangeLine {
  const base = {useCase, kind: 'removed' as const, id: threat.id};
  if (threat.retired) {
    const replaced = threat.retired.replacedBy ? `; links to it can point at ${threat.retired.replacedBy}` : '';
    return {...base, text: `Removed: “${threat.title}”, a retired ID (${threat.retired.reason})${replaced}`, breaking: false};
  }
  return {
    ...base,
    text: `Removed: “${threat.title}”; links to #${threat.id} stop working, and the ID is not in retiredIds`,
    breaking: true,
    ...(hint ? {hint} : {}),
  };
}

export function fieldText(change: FieldChange): string {
  switch (change.field) {
    case 'title': return `Renamed: “${change.before}” → “${change.after}”`;
    case 'severity': return `Severity: ${change.before} → ${change.after}`;
    case 'responsibility': return `Responsibility: ${change.before} → ${change.after}`;
    case 'status': return `Risk status: ${change.before ?? 'none'} → ${change.after ?? 'none'}`;
    case 'stride': return `STRIDE: ${addedRemoved(change.added, change.removed, (s) => s)}`;
    case 'references': {
      const both = new Set(change.added.map((r) => r.text).filter((text) => change.removed.some((r) => r.text === text)));
      return `References: ${addedRemoved(change.added, change.removed, (r) => referenceText(r, both))}`;
    }
  }
}

function addedRemoved<T>(added: T[], removed: T[], text: (item: T) => string): string {
  return [
    added.length > 0 ? `added ${added.map(text).join(', ')}` : '',
    removed.length > 0 ? `removed ${removed.map(text).join(', ')}` : '',
  ].filter(Boolean).join('; ');
}

/** A reference by its text; with its URL too when the same text was both added and removed (only the address changed). */
function referenceText(reference: Reference, ambiguous: ReadonlySet<string>): string {
  return ambiguous.has(reference.text) && reference.text !== reference.url ? `${reference.text} (${reference.url})` : reference.text;
}

export function cellText(state: CellState): string {
  return state === 'not-applicable' ? 'not applicable' : state;
}

/** The counts in one phrase, breaking changes first, e.g. "1 breaking change, 2 threats added, 1 changed". */
export function summaryText(summary: DiffSummary): string {
  const parts = [
    count(summary.breaking, 'breaking change'),
    count(summary.modelsAdded, 'model added', 'models added'),
    count(summary.modelsRemoved, 'model removed', 'models removed'),
    count(summary.statusChanged, 'model status changed', 'model statuses changed'),
    count(summary.threatsAdded, 'threat added', 'threats added'),
    count(summary.threatsRemoved, 'threat removed', 'threats removed'),
    count(summary.threatsChanged, 'threat changed', 'threats changed'),
    count(summary.coverageChanged, 'coverage cell changed', 'coverage cells changed'),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no changes to the threat models';
}

/** Whether anything but counts changed: a model's status alone is a change too. */
export function isEmpty(diff: ModelDiff): boolean {
  return diff.useCases.length === 0;
}

function count(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? '' : `${n} ${n === 1 ? one : many}`;
}
