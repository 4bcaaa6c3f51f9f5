/**
 * What every interchange format starts from: the typed index, the
 * configuration and where each model's page is, plus the helpers the
 * mappings share (plain text, stable UUIDs, the extension namespace).
 *
 * Each format gets one document for the whole site, like `/threat-models.json`:
 * the models' IDs are unique across files, so their threats, zones, elements
 * and flows never collide in one document.
 */
import {createHash} from 'node:crypto';
import type {Config} from '../config';
import {inlineText} from '../present';
import type {DataFlows, Inline, Threat, ThreatIndex, ThreatModel} from '../types';

/**
 * The one namespace our own fields travel under in every format: OTM
 * `attributes` keys `tms:…`, Threat Composer metadata keys `custom:tms:…`,
 * and the TM-BOM extension named by `TMS_EXTENSION`.
 */
export const NAMESPACE = 'tms';

/**
 * TM-BOM names an extension like a domain and a URL path, globally unique;
 * it need not be requestable. This one is the generator's default site.
 */
export const TMS_EXTENSION = 'threat-model-site.github.io/tms';

export interface InterchangeInput {
  index: ThreatIndex;
  config: Config;
  /** use case → page URL path, as the JSON export has them. */
  permalinks: Record<string, string>;
  /** The site's origin (`https://example.org`), to make URLs absolute; paths stay relative without it. */
  siteUrl?: string;
}

/** `ns('severity')` → `tms:severity`. */
export function ns(key: string): string {
  return `${NAMESPACE}:${key}`;
}

export function plain(inline: readonly Inline[]): string {
  return inlineText(inline);
}

/** The threat's address on the site, absolute when the site's origin is known. */
export function threatUrl(input: InterchangeInput, threat: Threat): string {
  return `${pageUrl(input, threat.useCase)}#${threat.id}`;
}

export function pageUrl(input: InterchangeInput, useCase: string): string {
  const page = input.permalinks[useCase] ?? '';
  return input.siteUrl ? `${input.siteUrl.replace(/\/+$/, '')}${page}` : page;
}

export function useCaseLabel(input: InterchangeInput, useCase: string): string {
  return input.config.useCases.find((u) => u.id === useCase)?.label ?? useCase;
}

export function allThreats(input: InterchangeInput): Threat[] {
  return input.index.models.flatMap((m) => m.threats);
}

/** The document's title: one document holds every model of the site. */
export function documentTitle(input: InterchangeInput): string {
  return `${input.config.runtime} threat models`;
}

/** The newest `last_reviewed` of the models (`YYYY-MM-DD`), or undefined when there are none. */
export function newestReview(input: InterchangeInput): string | undefined {
  return input.index.models.map((m) => m.frontMatter.last_reviewed).sort().at(-1);
}

/** The model's data flows, or empty tables when the file has no `## Data flows`. */
export function flowsOf(model: ThreatModel): DataFlows {
  return model.dataFlows ?? {zones: [], elements: [], flows: []};
}

/**
 * A UUID (version 5 layout, SHA-1 of a name) that is the same on every build,
 * for formats whose IDs must be UUIDs (Threat Composer): re-importing a new
 * export then updates the same threats instead of adding copies.
 */
export function stableUuid(name: string): string {
  const hash = createHash('sha1').update(`${NAMESPACE}:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Cut `text` to `max` characters (a format's limit), ending with an ellipsis when cut. */
export function clamp(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Fields of a threat that every format carries in our namespace, as plain JSON. */
export function ownFields(input: InterchangeInput, threat: Threat): Record<string, string | string[]> {
  return {
    id: threat.id,
    useCase: threat.useCase,
    severity: threat.severity,
    responsibility: threat.responsibility,
    stride: [...threat.stride],
    related: [...threat.related],
    features: [...threat.features],
    flows: [...(threat.flows ?? [])],
    references: threat.references.map((r) => r.url),
    url: threatUrl(input, threat),
    ...(threat.status ? {status: threat.status} : {}),
    ...(threat.owner ? {owner: threat.owner} : {}),
    ...(threat.reviewBy ? {reviewBy: threat.reviewBy} : {}),
  };
}
