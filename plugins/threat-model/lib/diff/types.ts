/**
 * What changed between two readings of the threat models. Plain JSON: the
 * `--format json` output is this object as it is, and the Changes page
 * keeps a few lines of it per commit. `version` changes whenever a field
 * changes meaning or goes away, so tools can refuse a shape they do not know.
 */
import type {Reference} from '../types';
import type {Responsibility, RiskStatus, Severity, Status, Stride} from '../vocabulary';

export const DIFF_VERSION = 1;

/** A threat as the diff names it. */
export interface ThreatRef {
  id: string;
  title: string;
}

/** A removed threat: a breaking change unless its ID is retired in the configuration. */
export interface RemovedThreat extends ThreatRef {
  /** The tombstone for the ID, when `retiredIds` lists it. */
  retired?: {reason: string; replacedBy?: string};
}

/** One field of a threat that differs. Lists (STRIDE, references) say what was added and removed. */
export type FieldChange =
  | {field: 'title'; before: string; after: string}
  | {field: 'severity'; before: Severity; after: Severity}
  | {field: 'responsibility'; before: Responsibility; after: Responsibility}
  | {field: 'status'; before?: RiskStatus; after?: RiskStatus}
  | {field: 'stride'; added: Stride[]; removed: Stride[]}
  | {field: 'references'; added: Reference[]; removed: Reference[]};

/** A threat whose ID is in both readings, with what differs; `title` is the new one. */
export interface ChangedThreat extends ThreatRef {
  changes: FieldChange[];
}

/** How a use case × STRIDE cell of the coverage matrix stands. */
export type CellState = 'covered' | 'not-applicable' | 'uncovered';

export interface CoverageChange {
  category: Stride;
  before: CellState;
  after: CellState;
}

/** Everything that changed in one use case; absent from the diff when nothing did. */
export interface UseCaseDiff {
  useCase: string;
  label: string;
  /** `added` or `removed` when the model itself is new or gone; `changed` otherwise. */
  model: 'added' | 'removed' | 'changed';
  /** Source file of the model, in the newer reading when it has one. */
  file: string;
  /** The model's front-matter `status`, when it changed (or the model was added or removed). */
  status?: {before?: Status; after?: Status};
  added: ThreatRef[];
  removed: RemovedThreat[];
  changed: ChangedThreat[];
  coverage: CoverageChange[];
}

/** A change that breaks something outside the models: today, a removed ID that is not retired. */
export interface BreakingChange {
  useCase: string;
  id: string;
  title: string;
  message: string;
  hint: string;
}

export interface DiffSummary {
  modelsAdded: number;
  modelsRemoved: number;
  /** Models that are in both readings with another front-matter `status`. */
  statusChanged: number;
  threatsAdded: number;
  threatsRemoved: number;
  threatsChanged: number;
  coverageChanged: number;
  breaking: number;
}

export interface ModelDiff {
  version: typeof DIFF_VERSION;
  summary: DiffSummary;
  /** The breaking changes, also listed under their use case. */
  breaking: BreakingChange[];
  /** Use cases with changes, in the configured order (removed use cases last). */
  useCases: UseCaseDiff[];
}
