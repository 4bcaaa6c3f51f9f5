/**
 * OWASP Threat Model Library schema (TM-BOM) 1.0.2: trust zones and
 * boundaries, actors, components, data stores, data flows, threats,
 * controls and risks, all named by lower-case symbolic names.
 *
 * Lossy by design (each decision is documented where it is made):
 * - Symbolic names are lower case (`srv-01`); the extension keeps our IDs.
 * - The schema requires facts the models do not state (the scope's business
 *   criticality, tier and data sensitivity, a threat persona per threat,
 *   a data store's type, whether a flow is encrypted or carries sensitive
 *   data, a risk's likelihood). Each gets a neutral placeholder, and the
 *   extension's `placeholders` lists every such field so that no reader
 *   takes it for an assessment.
 * - Our own fields travel in `extensions[TMS_EXTENSION]`.
 */
import type {Severity} from '../schema';
import type {DataFlow, ElementKind, FlowElement, Threat, ThreatModel} from '../types';
import {allThreats, documentTitle, flowsOf, type InterchangeInput, newestReview, ownFields, pageUrl, plain, TMS_EXTENSION, useCaseLabel} from './common';

export const TM_BOM_VERSION = '1.0.2';
export const TM_BOM_SCHEMA_URI = `https://github.com/OWASP/www-project-threat-model-library/blob/v${TM_BOM_VERSION}/threat-model.schema.json`;

/** Fields the schema requires whose values the models do not state (see the module comment). */
export const TM_BOM_PLACEHOLDERS = [
  'scope.business_criticality',
  'scope.tier',
  'scope.data_sensitivity',
  'threat_personas',
  'actors[].type',
  'data_stores[].type',
  'data_flows[].has_sensitive_data',
  'data_flows[].encrypted',
  'risks[].likelihood',
  'risks[].score',
] as const;

const IMPACT: Record<Severity, 'minor' | 'moderate' | 'major' | 'severe'> = {low: 'minor', medium: 'moderate', high: 'major', critical: 'severe'};
const IMPACT_RANK = {negligible: 1, minor: 2, moderate: 3, major: 4, severe: 5} as const;
/** The placeholder likelihood, the middle of the scale, and its rank for the score (likelihood × impact, 0–25). */
const LIKELIHOOD = 'possible';
const LIKELIHOOD_RANK = 3;

/** Where an element goes: processes are components, data stores data stores, external entities actors. */
const ELEMENT_TYPE: Record<ElementKind, 'component' | 'data_store' | 'actor'> = {'process': 'component', 'data-store': 'data_store', 'external-entity': 'actor'};

export interface TmBomDocument {
  $schema: string;
  version: string;
  scope: Record<string, unknown>;
  description: string;
  reviewed_at?: string;
  trust_zones: Array<Record<string, unknown>>;
  trust_boundaries: Array<Record<string, unknown>>;
  actors: Array<Record<string, unknown>>;
  components: Array<Record<string, unknown>>;
  data_stores: Array<Record<string, unknown>>;
  data_sets: never[];
  data_flows: Array<Record<string, unknown>>;
  assumptions: Array<Record<string, unknown>>;
  threat_personas: Array<Record<string, unknown>>;
  threats: Array<Record<string, unknown>>;
  controls: Array<Record<string, unknown>>;
  risks: Array<Record<string, unknown>>;
  extensions: Record<string, unknown>;
}

export function toTmBom(input: InterchangeInput): TmBomDocument {
  const models = input.index.models;
  const threats = allThreats(input);
  const reviewed = newestReview(input);
  return {
    $schema: TM_BOM_SCHEMA_URI,
    version: tmBomVersion(reviewed),
    scope: tmBomScope(input),
    description: models.map((m) => `${m.frontMatter.title}: ${m.scope}`).join('\n\n'),
    ...(reviewed ? {reviewed_at: reviewed} : {}),
    trust_zones: models.flatMap((m) => flowsOf(m).zones.map((z) => ({symbolic_name: symbolic(z.id), title: plain(z.name), description: `${z.trust === 'trusted' ? 'Trusted' : 'Untrusted'} zone of the ${useCaseLabel(input, m.useCase)} model${z.parent ? `, inside ${z.parent}` : ''}.`}))),
    trust_boundaries: models.flatMap(tmBomBoundaries),
    actors: elementsOf(models, 'external-entity').map((e) => ({...elementBase(e), type: 'third_party', trust_zone: symbolic(e.zone)})),
    components: elementsOf(models, 'process').map((e) => ({...elementBase(e), trust_zone: symbolic(e.zone)})),
    // The schema's store types are database kinds; `key_value` is the placeholder for stores such as the environment.
    data_stores: elementsOf(models, 'data-store').map((e) => ({...elementBase(e), type: 'key_value', trust_zone: symbolic(e.zone)})),
    data_sets: [],
    data_flows: models.flatMap((m) => flowsOf(m).flows.map((f) => tmBomFlow(f, m))),
    assumptions: models.flatMap((m) => m.trusted.map((t) => ({description: `${useCaseLabel(input, m.useCase)}: trusted: ${plain(t)}`, topics: [m.useCase.replace(/[^0-9a-z-]/g, '-')], validity: 'confirmed'}))),
    threat_personas: models.map((m) => tmBomPersona(input, m)),
    threats: threats.map(tmBomThreat),
    controls: threats.flatMap(tmBomControls),
    risks: threats.map(tmBomRisk),
    extensions: {[TMS_EXTENSION]: tmBomExtension(input)},
  };
}

/** TM-BOM symbolic names are `[0-9a-z-]+`: our IDs lower-cased. */
export function symbolic(id: string): string {
  return id.toLowerCase().replace(/[^0-9a-z-]/g, '-');
}

/** The document's version is the newest review date, `YYYY.MM.DD`: it changes when a model is reviewed. */
function tmBomVersion(reviewed: string | undefined): string {
  return reviewed ? reviewed.replaceAll('-', '.') : '0';
}

/**
 * The scope's ratings are placeholders (listed in the extension): the
 * middle of each scale. Exposure is derived: `external` when a model lists
 * untrusted parties, which every model of a runtime's security model does.
 */
function tmBomScope(input: InterchangeInput): Record<string, unknown> {
  return {
    title: documentTitle(input),
    description: input.index.models.map((m) => `${m.frontMatter.title}: ${m.frontMatter.description}`).join('\n'),
    business_criticality: 'moderate',
    data_sensitivity: [],
    exposure: input.index.models.some((m) => m.untrusted.length > 0) ? 'external' : 'internal',
    tier: 'important',
  };
}

function elementsOf(models: ThreatModel[], kind: ElementKind): FlowElement[] {
  return models.flatMap((m) => flowsOf(m).elements.filter((e) => e.kind === kind));
}

function elementBase(element: FlowElement): Record<string, unknown> {
  return {symbolic_name: symbolic(element.id), title: plain(element.name), description: `${plain(element.name)} (${element.id}).`};
}

/** One boundary per pair of zones that a flow marked `Boundary: yes` connects. */
function tmBomBoundaries(model: ThreatModel): Array<Record<string, unknown>> {
  const {elements, flows} = flowsOf(model);
  const zoneOf = new Map(elements.map((e) => [e.id, e.zone]));
  const pairs = new Map<string, [string, string]>();
  for (const flow of flows.filter((f) => f.crossesBoundary)) {
    const a = zoneOf.get(flow.from);
    const b = zoneOf.get(flow.to);
    if (!a || !b || a === b) continue;
    const pair = [a, b].sort() as [string, string];
    pairs.set(pair.join(' '), pair);
  }
  return [...pairs.values()].map(([a, b]) => ({trust_zone_a: symbolic(a), trust_zone_b: symbolic(b)}));
}

/** Whether a flow is encrypted or carries sensitive data is not in the models: both are placeholders (false). */
function tmBomFlow(flow: DataFlow, model: ThreatModel): Record<string, unknown> {
  const kindOf = new Map(flowsOf(model).elements.map((e) => [e.id, e.kind]));
  const end = (id: string) => ({type: ELEMENT_TYPE[kindOf.get(id) ?? 'process'], object: symbolic(id)});
  return {
    symbolic_name: symbolic(flow.id),
    title: `${flow.id}: ${flow.from} → ${flow.to}`,
    description: plain(flow.data),
    source: end(flow.from),
    destination: end(flow.to),
    has_sensitive_data: false,
    encrypted: false,
  };
}

/**
 * Each threat must name a persona. The models name who is not trusted, not
 * attackers' profiles: one persona per model stands for its untrusted
 * parties, with placeholder ratings.
 */
function tmBomPersona(input: InterchangeInput, model: ThreatModel): Record<string, unknown> {
  return {
    symbolic_name: personaName(model.useCase),
    title: `Untrusted parties of the ${useCaseLabel(input, model.useCase)} model`,
    description: model.untrusted.map(plain).join('; ') || 'The model lists no untrusted parties.',
    is_person: false,
    skill_level: 'engineer',
    access_level: 'anonymous',
    malicious_intent: true,
    applicability_to_org: 'moderate',
  };
}

function personaName(useCase: string): string {
  return `${symbolic(useCase)}-untrusted`;
}

function tmBomThreat(threat: Threat): Record<string, unknown> {
  const affected = (threat.flows ?? []).filter((id) => /-E\d+$/.test(id)).map(symbolic);
  const weaknesses = threat.references.filter((r) => r.kind === 'cwe').map((r) => ({cwe_id: Number(r.text.replace(/^CWE-/, '')), cwe_title: r.text}));
  return {
    symbolic_name: symbolic(threat.id),
    title: threat.title,
    description: threat.details || threat.summary || threat.title,
    ...(affected.length > 0 ? {components_affected: affected} : {}),
    threat_persona: personaName(threat.useCase),
    event: threat.summary || threat.title,
    sources: ['adversary'],
    ...(weaknesses.length > 0 ? {weaknesses} : {}),
  };
}

/** Each line of Mitigations is a control; its priority is the threat's severity (TM-BOM has `critical`). */
function tmBomControls(threat: Threat): Array<Record<string, unknown>> {
  return threat.mitigations.map((text, i) => ({
    symbolic_name: `${symbolic(threat.id)}-m${i + 1}`,
    title: plain(text),
    description: plain(text),
    threats: [symbolic(threat.id)],
    status: 'suggested',
    priority: threat.severity,
  }));
}

/** Impact and level come from severity; likelihood (and so the score) is the placeholder. */
function tmBomRisk(threat: Threat): Record<string, unknown> {
  const impact = IMPACT[threat.severity];
  return {
    symbolic_name: `${symbolic(threat.id)}-risk`,
    title: threat.title,
    description: threat.summary || threat.title,
    threats: [symbolic(threat.id)],
    likelihood: LIKELIHOOD,
    impact,
    impact_description: `Severity ${threat.severity} in the threat model.`,
    score: LIKELIHOOD_RANK * IMPACT_RANK[impact],
    level: threat.severity,
  };
}

/** Our fields, keyed by symbolic name so a reader can recover IDs and everything the schema has no place for. */
function tmBomExtension(input: InterchangeInput): Record<string, unknown> {
  return {
    placeholders: [...TM_BOM_PLACEHOLDERS],
    models: input.index.models.map((m) => ({useCase: m.useCase, title: m.frontMatter.title, url: pageUrl(input, m.useCase), lastReviewed: m.frontMatter.last_reviewed, owners: m.frontMatter.owners})),
    threats: Object.fromEntries(allThreats(input).map((t) => [symbolic(t.id), ownFields(input, t)])),
    flows: Object.fromEntries(input.index.models.flatMap((m) => flowsOf(m).flows.map((f) => [symbolic(f.id), {id: f.id, crossesBoundary: f.crossesBoundary}]))),
  };
}
