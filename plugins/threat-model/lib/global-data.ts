/**
 * What pages show at run time from other files, and the site-wide summary.
 *
 * - `ThreatModelGlobalData` (`setGlobalData`): use cases with their pages,
 *   descriptions, review state and counts, the reference and export paths.
 *   Kept to what the home and 404 pages need: it ships in every page's main
 *   bundle, so it holds counts, never the threats themselves.
 * - `ThreatModelPageData` (one JSON module per threat-model page, under
 *   `@generated`): the titles and pages of the threats that page names or
 *   that name its threats, and its threats' backlinks. The page's compiled
 *   Markdown imports it, so an edit in another file changes only this data
 *   module, never the page's own output.
 *
 * Browser-safe: no Node.js imports.
 */
import type {CveDatabase} from './evidence';
import type {ThreatModelExport} from './export';
import {responsibilityCounts} from './present';
import type {ThreatIndex} from './types';
import type {Responsibility, Status} from './vocabulary';

/** Name under which the plugin's data is published (`usePluginData`, `@generated/<name>/`). */
export const PLUGIN_NAME = 'docusaurus-plugin-threat-model';

/** One configured use case as the home and 404 pages list it. */
export interface UseCaseEntry {
  /** Use-case ID from the configuration (`server`). */
  id: string;
  /** Display name from the configuration (`Server`). */
  label: string;
  /** Threat-ID prefix from the configuration (`SRV`). */
  prefix: string;
  /** URL path of its page; absent when the use case has no valid file yet. */
  permalink?: string;
  /** What the model covers, one sentence (front matter `description`); absent without a valid file. */
  description?: string;
  /** Review state (front matter `status`); absent without a valid file. Show it with `statusLabel`. */
  status?: Status;
  /** Date of the last review, `YYYY-MM-DD` (front matter `last_reviewed`); absent without a valid file. */
  lastReviewed?: string;
  /** Threats in the model. */
  threats: number;
  /** Threats per responsibility, every value present (0 when none, and all 0 without a valid file). */
  byResponsibility: Record<Responsibility, number>;
}

export interface ThreatModelGlobalData {
  /** Name of the runtime the models are about (`Node.js`), for `responsibilityLabel`. */
  runtime: string;
  /** URL path of the generated reference page. */
  referencePath: string;
  /** URL path of the JSON export. */
  exportPath: string;
  /** Every configured use case, in the configuration's order, with or without a valid file. */
  useCases: UseCaseEntry[];
}

export interface ThreatModelPageData {
  /** Threat ID → its title and URL, for every threat the page shows from another place. */
  threats: Record<string, {title: string; url: string}>;
  /** Threat ID (of this page) → IDs of threats in other use cases whose Related names it. */
  backlinks: Record<string, string[]>;
  /**
   * With a CVE database configured: CVE ID → what the database says of it,
   * for every CVE the page's threats cite that the database has.
   */
  cves?: Record<string, PageCve>;
  /**
   * The data-flow diagram as SVG markup, serialized from generated hast in
   * which every text from the file is an escaped text node (see
   * `lib/diagram/markup.ts`); absent when the model has no `## Data flows`.
   */
  diagram?: string;
}

/** A cited CVE as its threat's References show it. */
export interface PageCve {
  /** The advisory's severity: critical, high, medium, low or unknown. */
  severity: string;
  /** First fixed release of each line, lowest first. */
  patched: string[];
}

/** File name of a page's data module, from the threat-model file's name (`server.md`). */
export function pageDataFile(fileName: string): string {
  return `page-${fileName.replace(/\.md$/, '')}.json`;
}

export function buildGlobalData(
  exported: ThreatModelExport,
  config: {runtime: string; useCases: ReadonlyArray<{id: string; label: string; prefix: string}>},
  paths: {referencePath: string; exportPath: string},
): ThreatModelGlobalData {
  const models = new Map(exported.models.map((m) => [m.useCase, m]));
  return {
    runtime: config.runtime,
    ...paths,
    useCases: config.useCases.map((u) => {
      const model = models.get(u.id);
      return {
        id: u.id,
        label: u.label,
        prefix: u.prefix,
        ...(model?.url ? {permalink: model.url} : {}),
        ...(model ? {description: model.description, status: model.status, lastReviewed: model.lastReviewed} : {}),
        threats: model?.threats.length ?? 0,
        byResponsibility: responsibilityCounts(model?.threats ?? []),
      };
    }),
  };
}

/** The data module of the page of `file`; empty when the file has no model (it has errors). */
export function buildPageData(index: ThreatIndex, file: string, permalinks: Record<string, string>, evidence?: CveDatabase): ThreatModelPageData {
  const model = index.models.find((m) => m.file === file);
  const data: ThreatModelPageData = {threats: {}, backlinks: {}};
  if (!model) return data;
  if (evidence) data.cves = pageCves(model.threats.flatMap((t) => t.references), evidence);
  const add = (id: string) => {
    const location = index.locations[id];
    const permalink = location ? permalinks[location.useCase] : undefined;
    if (location && permalink !== undefined) data.threats[id] = {title: location.title, url: `${permalink}#${id}`};
  };
  for (const threat of model.threats) {
    for (const id of threat.related) add(id);
    const sources = (index.backlinks[threat.id] ?? []).filter((id) => index.locations[id]?.useCase !== threat.useCase);
    if (sources.length === 0) continue;
    data.backlinks[threat.id] = sources;
    for (const id of sources) add(id);
  }
  return data;
}

/** What the database says of each cited CVE it has (the same reading the check used). */
function pageCves(references: ReadonlyArray<{kind: string; text: string}>, evidence: CveDatabase): Record<string, PageCve> {
  const cves: Record<string, PageCve> = {};
  for (const r of references) {
    const record = r.kind === 'cve' ? evidence.records[r.text] : undefined;
    if (record) cves[r.text] = {severity: record.severity, patched: record.patched};
  }
  return cves;
}
