/**
 * The cross-file data that threat pages show at run time: titles of the
 * threats that a Related field or a "Referenced by" list names, and where
 * each use case's page is. The plugin publishes it with `setGlobalData`
 * after every load, so an edit in one file reaches every page without
 * recompiling the others; the pages' own Markdown never holds another
 * file's data. Browser-safe: no Node.js imports.
 */
import type {ThreatModelExport} from './export';
import type {ThreatIndex} from './types';

/** Name under which the plugin's global data is published (`usePluginData`). */
export const PLUGIN_NAME = 'docusaurus-plugin-threat-model';

export interface UseCaseEntry {
  id: string;
  label: string;
  prefix: string;
  /** URL path of its page; absent when the use case has no valid file yet. */
  permalink?: string;
  /** The model's one-line description, for cards. */
  description?: string;
  /** Threats in the model. */
  threats: number;
}

export interface ThreatModelGlobalData {
  runtime: string;
  /** URL path of the generated reference page. */
  referencePath: string;
  /** URL path of the JSON export. */
  exportPath: string;
  useCases: UseCaseEntry[];
  /**
   * Threat ID → its title and use case, for every threat that a Related
   * field names or whose Related field names another file's threat: only
   * those are shown on pages other than their own.
   */
  threats: Record<string, {title: string; useCase: string}>;
  /** Threat ID → IDs of threats in other use cases whose Related names it. */
  backlinks: Record<string, string[]>;
}

export function buildGlobalData(
  index: ThreatIndex,
  exported: ThreatModelExport,
  config: {runtime: string; useCases: ReadonlyArray<{id: string; label: string; prefix: string}>},
  paths: {referencePath: string; exportPath: string},
): ThreatModelGlobalData {
  const models = new Map(exported.models.map((m) => [m.useCase, m]));
  const named = new Set<string>();
  const backlinks: Record<string, string[]> = {};
  for (const [target, sources] of Object.entries(index.backlinks)) {
    const useCase = index.locations[target]?.useCase;
    const others = sources.filter((id) => index.locations[id]?.useCase !== useCase);
    if (others.length > 0) backlinks[target] = others;
  }
  for (const model of index.models) {
    for (const threat of model.threats) {
      if (threat.related.length === 0) continue;
      named.add(threat.id);
      for (const id of threat.related) named.add(id);
    }
  }
  const threats: ThreatModelGlobalData['threats'] = {};
  for (const id of [...named].sort()) {
    const location = index.locations[id];
    if (location) threats[id] = {title: location.title, useCase: location.useCase};
  }
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
        ...(model ? {description: model.description} : {}),
        threats: model?.threats.length ?? 0,
      };
    }),
    threats,
    backlinks,
  };
}

/** Where a threat is shown: its use case's page, at its ID. */
export function threatUrl(data: ThreatModelGlobalData, id: string): string | undefined {
  const useCase = data.threats[id]?.useCase;
  const permalink = data.useCases.find((u) => u.id === useCase)?.permalink;
  return permalink ? `${permalink}#${id}` : undefined;
}
