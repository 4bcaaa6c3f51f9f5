/**
 * Open Threat Model (OTM) 0.2.0, IriusRisk's open format: one project with
 * trust zones, components, data flows, threats and mitigations.
 *
 * Lossy by design (each decision is documented where it is made):
 * - OTM rates a threat by numeric likelihood and impact (0–100); the models
 *   rate severity only, so impact comes from severity and likelihood is null.
 * - OTM mitigations need a numeric risk reduction, which the models do not
 *   estimate: it is 0, and `tms:riskReduction` says it was not estimated.
 * - Responsibility, severity, STRIDE names, related IDs, features, flows,
 *   tracked-risk fields and the page URL travel in `attributes` as `tms:…`.
 */
import type {DataFlow, FlowElement, Threat, ThreatModel, TrustZone} from '../types';
import type {Severity} from '../schema';
import {allThreats, documentTitle, flowsOf, type InterchangeInput, ns, ownFields, pageUrl, plain, useCaseLabel} from './common';

export const OTM_VERSION = '0.2.0';

/**
 * Severity as OTM impact (0–100): the four levels spread evenly over the
 * scale. It is a rank, not a measurement; `tms:severity` keeps the level.
 */
export const OTM_IMPACT: Record<Severity, number> = {low: 25, medium: 50, high: 75, critical: 100};

/** Trusted zones rate 100, untrusted 0: the models say which side a zone is on, not how far. */
export const OTM_TRUST_RATING = {trusted: 100, untrusted: 0} as const;

export interface OtmDocument {
  otmVersion: string;
  project: {name: string; id: string; description: string; attributes: Record<string, unknown>};
  trustZones: Array<Record<string, unknown>>;
  components: Array<Record<string, unknown>>;
  dataflows: Array<Record<string, unknown>>;
  threats: Array<Record<string, unknown>>;
  mitigations: Array<Record<string, unknown>>;
}

export function toOtm(input: InterchangeInput): OtmDocument {
  const threats = allThreats(input);
  return {
    otmVersion: OTM_VERSION,
    project: otmProject(input),
    trustZones: input.index.models.flatMap((m) => flowsOf(m).zones.map(otmTrustZone)),
    components: input.index.models.flatMap((m) => flowsOf(m).elements.map((e) => otmComponent(e, m))),
    dataflows: input.index.models.flatMap((m) => flowsOf(m).flows.map((f) => otmDataflow(f, m))),
    threats: threats.map((t) => otmThreat(input, t)),
    mitigations: threats.flatMap(otmMitigations),
  };
}

/** The site is the project; each model's own front matter travels in `tms:models`. */
function otmProject(input: InterchangeInput): OtmDocument['project'] {
  return {
    name: documentTitle(input),
    id: slug(documentTitle(input)),
    description: input.index.models.map((m) => `${m.frontMatter.title}: ${m.frontMatter.description}`).join('\n'),
    attributes: {
      [ns('models')]: input.index.models.map((m) => ({
        useCase: m.useCase,
        label: useCaseLabel(input, m.useCase),
        title: m.frontMatter.title,
        description: m.frontMatter.description,
        url: pageUrl(input, m.useCase),
        lastReviewed: m.frontMatter.last_reviewed,
        owners: m.frontMatter.owners,
        scope: m.scope,
        trusted: m.trusted.map(plain),
        untrusted: m.untrusted.map(plain),
        outOfScope: m.outOfScope.map(plain),
        notApplicable: m.notApplicable.map(({category, reason}) => ({category, reason})),
      })),
    },
  };
}

function otmTrustZone(zone: TrustZone): Record<string, unknown> {
  return {
    id: zone.id,
    name: plain(zone.name),
    type: zone.trust,
    risk: {trustRating: OTM_TRUST_RATING[zone.trust]},
    ...(zone.parent ? {parent: {trustZone: zone.parent}} : {}),
    attributes: {[ns('trust')]: zone.trust},
  };
}

/** OTM's component `type` is free text: the element's kind goes there as the models write it. */
function otmComponent(element: FlowElement, model: ThreatModel): Record<string, unknown> {
  const threats = model.threats.filter((t) => (t.flows ?? []).includes(element.id));
  return {
    id: element.id,
    name: plain(element.name),
    type: element.kind,
    parent: {trustZone: element.zone},
    ...(threats.length > 0 ? {threats: threats.map(otmThreatInstance)} : {}),
  };
}

/** OTM's data flow has a name but no data field: the data carried is its name. */
function otmDataflow(flow: DataFlow, model: ThreatModel): Record<string, unknown> {
  const threats = model.threats.filter((t) => (t.flows ?? []).includes(flow.id));
  return {
    id: flow.id,
    name: plain(flow.data),
    source: flow.from,
    destination: flow.to,
    bidirectional: false,
    ...(threats.length > 0 ? {threats: threats.map(otmThreatInstance)} : {}),
    attributes: {[ns('crossesBoundary')]: flow.crossesBoundary},
  };
}

/**
 * A threat on a component or flow it names in `Flows`. OTM's state is free
 * text; `exposed` is the specification's own example for a threat that applies.
 */
function otmThreatInstance(threat: Threat): Record<string, unknown> {
  return {
    threat: threat.id,
    state: 'exposed',
    mitigations: threat.mitigations.map((_, i) => ({mitigation: mitigationId(threat, i), state: 'recommended'})),
  };
}

function otmThreat(input: InterchangeInput, threat: Threat): Record<string, unknown> {
  return {
    id: threat.id,
    name: threat.title,
    description: threat.summary,
    categories: [...threat.stride],
    cwes: threat.references.filter((r) => r.kind === 'cwe').map((r) => r.text),
    risk: {
      // The models give no likelihood apart from severity; null says "not rated" instead of a made-up number.
      likelihood: null,
      likelihoodComment: 'Not rated: the threat model rates severity only.',
      impact: OTM_IMPACT[threat.severity],
      impactComment: `Severity ${threat.severity} in the threat model.`,
    },
    tags: [threat.useCase],
    attributes: prefixed({...ownFields(input, threat), mitigations: threat.mitigations.map((_, i) => mitigationId(threat, i))}),
  };
}

/** One OTM mitigation per line of the threat's Mitigations, IDs `<threat>-M<n>`. */
function otmMitigations(threat: Threat): Array<Record<string, unknown>> {
  return threat.mitigations.map((text, i) => ({
    id: mitigationId(threat, i),
    name: plain(text),
    description: plain(text),
    // Required by OTM; the models do not estimate it, and the attribute says so.
    riskReduction: 0,
    attributes: {[ns('riskReduction')]: 'not estimated', [ns('threat')]: threat.id},
  }));
}

export function mitigationId(threat: Threat, index: number): string {
  return `${threat.id}-M${index + 1}`;
}

function prefixed(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [ns(key), value]));
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
