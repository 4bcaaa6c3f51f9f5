/**
 * Threat Composer's workspace export (`.tc.json`, schema version 1): one
 * application whose threats, mitigations and assumptions come from every model.
 *
 * Lossy by design (each decision is documented where it is made):
 * - Priority is High/Medium/Low: `critical` becomes High; `custom:tms:severity`
 *   keeps the level.
 * - Threat Composer has no structured data flows, only a Markdown
 *   description: zones, elements and flows are written there as lists.
 * - Its IDs are UUIDs: each is derived from our ID (`stableUuid`), and
 *   `custom:tms:id` keeps ours.
 * - Texts longer than the schema's limits are cut with an ellipsis.
 */
import type {Severity, Stride} from '../schema';
import type {Threat, ThreatModel} from '../types';
import {allThreats, clamp, documentTitle, flowsOf, type InterchangeInput, NAMESPACE, ownFields, pageUrl, plain, stableUuid, useCaseLabel} from './common';

/** The workspace schema version this mapping writes. */
export const TC_SCHEMA = 1;

/** The schema's limits that our texts can reach. */
const LIMITS = {name: 200, description: 100000, statement: 1400, content: 1000, comments: 1000, tag: 30, key: 50} as const;

const PRIORITY: Record<Severity, 'High' | 'Medium' | 'Low'> = {low: 'Low', medium: 'Medium', high: 'High', critical: 'High'};

const STRIDE_LETTER: Record<Stride, 'S' | 'T' | 'R' | 'I' | 'D' | 'E'> = {
  'Spoofing': 'S',
  'Tampering': 'T',
  'Repudiation': 'R',
  'Information disclosure': 'I',
  'Denial of service': 'D',
  'Elevation of privilege': 'E',
};

type Metadata = Array<{key: string; value: string | string[]}>;

export interface TcWorkspace {
  schema: number;
  applicationInfo: {name: string; description: string};
  dataflow: {description: string};
  assumptions: Array<Record<string, unknown>>;
  mitigations: Array<Record<string, unknown>>;
  mitigationLinks: Array<{mitigationId: string; linkedId: string}>;
  threats: Array<Record<string, unknown>>;
}

export function toThreatComposer(input: InterchangeInput): TcWorkspace {
  const threats = allThreats(input);
  const mitigations = tcMitigations(threats);
  return {
    schema: TC_SCHEMA,
    applicationInfo: {name: clamp(documentTitle(input), LIMITS.name), description: clamp(applicationDescription(input), LIMITS.description)},
    dataflow: {description: clamp(dataflowDescription(input), LIMITS.description)},
    assumptions: input.index.models.flatMap(tcAssumptions),
    mitigations: mitigations.list,
    mitigationLinks: mitigations.links,
    threats: threats.map((t, i) => tcThreat(input, t, i)),
  };
}

/** `custom:tms:<key>`, the only metadata keys Threat Composer leaves to other tools. */
export function tcKey(key: string): string {
  return clamp(`custom:${NAMESPACE}:${key}`, LIMITS.key);
}

function applicationDescription(input: InterchangeInput): string {
  return input.index.models
    .map((m) => `### ${m.frontMatter.title}\n\n${m.frontMatter.description}\n\n${m.scope}\n\n${pageUrl(input, m.useCase)}`)
    .join('\n\n');
}

/** Zones, elements and flows as Markdown lists: the format keeps no structure for them. */
function dataflowDescription(input: InterchangeInput): string {
  return input.index.models
    .filter((m) => m.dataFlows)
    .map((m) => {
      const {zones, elements, flows} = flowsOf(m);
      return [
        `### ${useCaseLabel(input, m.useCase)}`,
        ...zones.map((z) => `- Zone ${z.id}: ${plain(z.name)} (${z.trust}${z.parent ? `, inside ${z.parent}` : ''})`),
        ...elements.map((e) => `- Element ${e.id}: ${plain(e.name)} (${e.kind}, in ${e.zone})`),
        ...flows.map((f) => `- Flow ${f.id}: ${f.from} → ${f.to}: ${plain(f.data)}${f.crossesBoundary ? ' (crosses a trust boundary)' : ''}`),
      ].join('\n');
    })
    .join('\n\n');
}

/**
 * What a model trusts is what Threat Composer calls an assumption; its out
 * of scope entries are assumptions too, told apart by `custom:tms:kind`.
 */
function tcAssumptions(model: ThreatModel): Array<Record<string, unknown>> {
  const entries = [
    ...model.trusted.map((text) => ({kind: 'trusted', text: plain(text)})),
    ...model.outOfScope.map((text) => ({kind: 'out-of-scope', text: plain(text)})),
  ];
  return entries.map(({kind, text}, i) => ({
    id: stableUuid(`assumption:${model.useCase}:${kind}:${i}`),
    numericId: i + 1,
    content: clamp(text, LIMITS.content),
    tags: [clamp(model.useCase, LIMITS.tag)],
    metadata: [{key: tcKey('useCase'), value: model.useCase}, {key: tcKey('kind'), value: kind}],
  }));
}

/** One mitigation per distinct text: a mitigation several threats share is listed once and linked to each. */
function tcMitigations(threats: Threat[]): {list: Array<Record<string, unknown>>; links: TcWorkspace['mitigationLinks']} {
  const byText = new Map<string, string>();
  const list: Array<Record<string, unknown>> = [];
  const links: TcWorkspace['mitigationLinks'] = [];
  for (const threat of threats) {
    for (const inline of threat.mitigations) {
      const text = plain(inline);
      let id = byText.get(text);
      if (!id) {
        id = stableUuid(`mitigation:${text}`);
        byText.set(text, id);
        list.push({id, numericId: list.length + 1, content: clamp(text, LIMITS.content), metadata: [{key: tcKey('threats'), value: []}]});
      }
      const entry = list.find((m) => m.id === id)!;
      ((entry.metadata as Metadata)[0]!.value as string[]).push(threat.id);
      links.push({mitigationId: id, linkedId: threatUuid(threat)});
    }
  }
  return {list, links};
}

export function threatUuid(threat: Threat): string {
  return stableUuid(`threat:${threat.id}`);
}

/**
 * The statement is the title prefixed with our ID, so a reader of Threat
 * Composer sees which threat it is; the threat grammar's parts (source,
 * action, impact) are not written in the models and stay empty.
 */
function tcThreat(input: InterchangeInput, threat: Threat, index: number): Record<string, unknown> {
  const own = ownFields(input, threat);
  return {
    id: threatUuid(threat),
    numericId: index + 1,
    displayOrder: index + 1,
    statement: clamp(`${threat.id}: ${threat.title}`, LIMITS.statement),
    // Only `mitigated` says the threat is dealt with; an accepted or transferred risk is still open in Threat Composer's terms.
    status: threat.status === 'mitigated' ? 'threatResolved' : 'threatIdentified',
    tags: [threat.id, threat.useCase].map((t) => clamp(t, LIMITS.tag)),
    metadata: [
      {key: 'STRIDE', value: threat.stride.map((s) => STRIDE_LETTER[s])},
      {key: 'Priority', value: PRIORITY[threat.severity]},
      ...(threat.summary ? [{key: 'Comments', value: clamp(threat.summary, LIMITS.comments)}] : []),
      ...Object.entries(own).map(([key, value]) => ({key: tcKey(key), value})),
    ] satisfies Metadata,
  };
}
