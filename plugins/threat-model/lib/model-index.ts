/**
 * All parsed models → one cross-document index: where each ID is defined,
 * who references whom, and coverage (use case × STRIDE).
 */
import type {Config} from './config';
import {STRIDE} from './schema';
import type {CoverageCell, ThreatIndex, ThreatModel} from './types';
import {modelFile} from './ids';

export function buildIndex(models: ThreatModel[], config: Config): ThreatIndex {
  const order = new Map(config.useCases.map((u, i) => [u.id, i]));
  const sorted = models
    .filter((m) => order.has(m.useCase))
    .sort((a, b) => order.get(a.useCase)! - order.get(b.useCase)! || byCanonicalName(config)(a, b));
  // Only the first file of a use case counts; the duplicate is an error.
  const unique = sorted.filter((m, i) => sorted.findIndex((n) => n.useCase === m.useCase) === i);

  const locations: ThreatIndex['locations'] = {};
  const backlinks: ThreatIndex['backlinks'] = {};
  const coverage: ThreatIndex['coverage'] = {};
  for (const model of unique) {
    const cells: Record<string, CoverageCell> = {};
    for (const category of STRIDE) {
      const notApplicable = model.notApplicable.find((n) => n.category === category)?.reason;
      cells[category] = {threats: [], ...(notApplicable ? {notApplicable} : {})};
    }
    for (const threat of model.threats) {
      locations[threat.id] ??= {useCase: model.useCase, file: model.file, ...threat.position, title: threat.title};
      for (const category of threat.stride) cells[category]!.threats.push(threat.id);
    }
    coverage[model.useCase] = cells;
  }
  for (const model of unique) {
    for (const threat of model.threats) {
      for (const target of threat.related) {
        const list = (backlinks[target] ??= []);
        if (!list.includes(threat.id)) list.push(threat.id);
      }
    }
  }
  return {models: unique, locations, backlinks, coverage};
}

/**
 * Files of one use case in the order that decides which one counts: the one
 * named `<use-case>.md` first, then by name. The others are duplicates.
 */
export function byCanonicalName(config: Config): (a: ThreatModel, b: ThreatModel) => number {
  const canonical = (m: ThreatModel) => (m.file === modelFile(config, m.useCase) ? 0 : 1);
  return (a, b) => canonical(a) - canonical(b) || a.file.localeCompare(b.file);
}
