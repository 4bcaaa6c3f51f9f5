/**
 * The triage page's props ("Is this a Node.js vulnerability?"): only what
 * the page shows, per use case. Route props become a JavaScript chunk that
 * the browser downloads before hydration, so mitigations, references and the
 * rest of each description stay in the JSON export and on the threat pages.
 */
import type {ThreatModelExport} from './export';
import {groupByResponsibility} from './present';
import type {Responsibility} from './vocabulary';

type ExportedModel = ThreatModelExport['models'][number];
type ExportedThreat = ExportedModel['threats'][number];

/** A threat listed by ID and title, linked to its anchor. */
export type TriageThreat = Pick<ExportedThreat, 'id' | 'title' | 'url'>;

/** A threat that would be a vulnerability in the runtime, with what the reader compares a report to. */
export interface RuntimeThreat extends TriageThreat {
  severity: ExportedThreat['severity'];
  /** First paragraph of the threat's description, plain text on one line: the conditions it describes. */
  conditions: string;
}

/** Threats of one responsibility other than the runtime's. */
export interface ResponsibilityGroup {
  responsibility: Exclude<Responsibility, 'node'>;
  threats: TriageThreat[];
}

/** One revision of the runtime's security policy, as a model names it. */
export type TriagePolicy = NonNullable<ExportedModel['policy']>;

export interface TriageUseCase {
  id: string;
  label: string;
  /** Title of the threat model and its page. */
  title: string;
  url: string;
  status: ExportedModel['status'];
  /** The policy revision the model was checked against; absent when the site names no policy or the model no revision. */
  policy?: TriagePolicy;
  /** Threats whose responsibility is the runtime's, in model order. */
  runtimeThreats: RuntimeThreat[];
  /** The other threats by responsibility, in the vocabulary's order; responsibilities without threats are left out. */
  otherThreats: ResponsibilityGroup[];
  /** The model's `Out of scope` items, code spans in backticks. */
  outOfScope: string[];
}

export interface TriageData {
  runtime: string;
  /** URL of the JSON export, of its JSON Schema, and of the reference page. */
  exportPath: string;
  schemaPath: string;
  referencePath: string;
  /** Every distinct policy revision the models name, in model order: what the lead links. */
  policies: TriagePolicy[];
  useCases: TriageUseCase[];
}

export interface TriagePaths {
  exportPath: string;
  schemaPath: string;
  referencePath: string;
}

export function buildTriageData(exported: ThreatModelExport, paths: TriagePaths): TriageData {
  const useCases = exported.models.map(triageUseCase);
  return {
    runtime: exported.runtime,
    ...paths,
    policies: distinctPolicies(useCases),
    useCases,
  };
}

function triageUseCase(model: ExportedModel): TriageUseCase {
  return {
    id: model.useCase,
    label: model.label,
    title: model.title,
    url: model.url,
    status: model.status,
    ...(model.policy ? {policy: model.policy} : {}),
    runtimeThreats: model.threats
      .filter((t) => t.responsibility === 'node')
      .map(({id, title, url, severity, summary}) => ({id, title, url, severity, conditions: oneLine(summary)})),
    otherThreats: groupByResponsibility(model.threats)
      .filter((group): group is {responsibility: Exclude<Responsibility, 'node'>; threats: typeof group.threats} =>
        group.responsibility !== 'node' && group.threats.length > 0)
      .map(({responsibility, threats}) => ({responsibility, threats: threats.map(({id, title, url}) => ({id, title, url}))})),
    outOfScope: model.outOfScope,
  };
}

/** The summary keeps the source's line breaks; the page and its props need none. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function distinctPolicies(useCases: TriageUseCase[]): TriagePolicy[] {
  const byUrl = new Map<string, TriagePolicy>();
  for (const {policy} of useCases) if (policy && !byUrl.has(policy.url)) byUrl.set(policy.url, policy);
  return [...byUrl.values()];
}
