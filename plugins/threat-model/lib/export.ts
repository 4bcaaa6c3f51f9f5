/**
 * The machine-readable export (`/threat-models.json`) and its JSON Schema.
 * Bump `SCHEMA_VERSION` on any breaking change to the shape.
 */
import * as z from 'zod';
import type {Config} from './config';
import {inlineText} from './present';
import {ResponsibilitySchema, SeveritySchema, StatusSchema, StrideSchema} from './schema';
import type {ThreatIndex, ThreatModel} from './types';

export const SCHEMA_VERSION = 3;

const ThreatExport = z.object({
  /** Stable ID, e.g. `SRV-01`; also the anchor on its page. */
  id: z.string(),
  title: z.string(),
  useCase: z.string(),
  /** Absolute URL path of the threat on the site. */
  url: z.string(),
  stride: z.array(StrideSchema),
  severity: SeveritySchema,
  responsibility: ResponsibilitySchema,
  /** One entry per mitigation, as plain text with code spans in backticks. */
  mitigations: z.array(z.string()),
  features: z.array(z.string()),
  related: z.array(z.string()),
  /** IDs of the model's flows and elements the threat concerns (`Flows`). */
  flows: z.array(z.string()),
  references: z.array(z.object({kind: z.enum(['cve', 'cwe', 'url']), text: z.string(), url: z.string()})),
  summary: z.string(),
});

/** `## Data flows`, names and data as plain text with code spans in backticks; empty when the model has none. */
const DataFlowsExport = z.object({
  zones: z.array(z.object({id: z.string(), name: z.string(), trust: z.enum(['trusted', 'untrusted']), parent: z.string().optional()})),
  elements: z.array(z.object({id: z.string(), name: z.string(), kind: z.enum(['process', 'data-store', 'external-entity']), zone: z.string()})),
  flows: z.array(z.object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    data: z.string(),
    /** The flow crosses a trust boundary (`Boundary: yes`). */
    crossesBoundary: z.boolean(),
    /** IDs of the threats whose `Flows` names this flow. */
    threats: z.array(z.string()),
  })),
});

const ModelExport = z.object({
  useCase: z.string(),
  label: z.string(),
  title: z.string(),
  description: z.string(),
  status: StatusSchema,
  lastReviewed: z.string(),
  owners: z.array(z.string()),
  /** Revision of the runtime's security policy the model was checked against, and its address; absent when the site names no policy. */
  policy: z.object({label: z.string(), revision: z.string(), url: z.string()}).optional(),
  url: z.string(),
  scope: z.string(),
  trusted: z.array(z.string()),
  untrusted: z.array(z.string()),
  assets: z.array(z.string()),
  outOfScope: z.array(z.string()),
  notApplicable: z.array(z.object({category: StrideSchema, reason: z.string()})),
  dataFlows: DataFlowsExport,
  threats: z.array(ThreatExport),
});

export const ExportSchema = z.object({
  /** Version of this document's shape. */
  schemaVersion: z.literal(SCHEMA_VERSION),
  runtime: z.string(),
  counts: z.object({models: z.number().int(), threats: z.number().int()}),
  features: z.array(z.object({id: z.string(), label: z.string(), description: z.string(), url: z.string(), mitigates: z.array(z.string())})),
  models: z.array(ModelExport),
});

export type ThreatModelExport = z.infer<typeof ExportSchema>;

export function exportJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Threat-model export',
    ...(z.toJSONSchema(ExportSchema, {target: 'draft-7'}) as Record<string, unknown>),
  };
}

/** `permalinks`: use case → page URL path. */
export function buildExport(index: ThreatIndex, config: Config, permalinks: Record<string, string>): ThreatModelExport {
  const threats = index.models.flatMap((m) => m.threats);
  return {
    schemaVersion: SCHEMA_VERSION,
    runtime: config.runtime,
    counts: {models: index.models.length, threats: threats.length},
    features: config.features.map((f) => ({...f, mitigates: threats.filter((t) => t.features.includes(f.id)).map((t) => t.id)})),
    models: index.models.map((m) => ({
      useCase: m.useCase,
      label: config.useCases.find((u) => u.id === m.useCase)?.label ?? m.useCase,
      title: m.frontMatter.title,
      description: m.frontMatter.description,
      status: m.frontMatter.status,
      lastReviewed: m.frontMatter.last_reviewed,
      owners: m.frontMatter.owners,
      ...(config.policy && m.frontMatter.policy_revision
        ? {policy: {label: config.policy.label, revision: m.frontMatter.policy_revision, url: config.policy.url.replace('{revision}', encodeURIComponent(m.frontMatter.policy_revision))}}
        : {}),
      url: permalinks[m.useCase] ?? '',
      scope: m.scope,
      trusted: m.trusted.map(inlineText),
      untrusted: m.untrusted.map(inlineText),
      assets: m.assets.map(inlineText),
      outOfScope: m.outOfScope.map(inlineText),
      notApplicable: m.notApplicable.map(({category, reason}) => ({category, reason})),
      dataFlows: exportDataFlows(m),
      threats: m.threats.map((t) => ({
        id: t.id,
        title: t.title,
        useCase: t.useCase,
        url: `${permalinks[m.useCase] ?? ''}#${t.id}`,
        stride: t.stride,
        severity: t.severity,
        responsibility: t.responsibility,
        mitigations: t.mitigations.map(inlineText),
        features: t.features,
        related: t.related,
        flows: t.flows,
        references: t.references,
        summary: t.summary,
      })),
    })),
  };
}

/** A model's data flows as plain data; empty lists when it has no `## Data flows`. */
function exportDataFlows(model: ThreatModel): z.infer<typeof DataFlowsExport> {
  const {zones = [], elements = [], flows = []} = model.dataFlows ?? {};
  return {
    zones: zones.map((zone) => ({id: zone.id, name: inlineText(zone.name), trust: zone.trust, ...(zone.parent ? {parent: zone.parent} : {})})),
    elements: elements.map((element) => ({id: element.id, name: inlineText(element.name), kind: element.kind, zone: element.zone})),
    flows: flows.map((flow) => ({
      id: flow.id,
      from: flow.from,
      to: flow.to,
      data: inlineText(flow.data),
      crossesBoundary: flow.crossesBoundary,
      threats: model.threats.filter((t) => t.flows.includes(flow.id)).map((t) => t.id),
    })),
  };
}
