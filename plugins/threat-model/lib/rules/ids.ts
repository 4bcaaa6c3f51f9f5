/** Cross-file rule: threat IDs are unique across all files. */
import {diagnostic, type Diagnostic, type Point} from '../diagnostics';
import type {Threat, ThreatModel} from '../types';

export function checkDuplicateIds(threats: Threat[]): Diagnostic[] {
  const first = new Map<string, Threat>();
  const diagnostics: Diagnostic[] = [];
  for (const threat of threats) {
    const earlier = first.get(threat.id);
    if (!earlier) {
      first.set(threat.id, threat);
      continue;
    }
    diagnostics.push(
      diagnostic(threat.file, threat.position, 'duplicate-id',
        `Duplicate threat ID "${threat.id}" (also at ${earlier.file}:${earlier.position.line}:${earlier.position.column})`,
        'Give this threat the next free number; IDs are never reused.'),
    );
  }
  return diagnostics;
}

/**
 * Cross-file rule: zone, element and flow IDs are unique across all files
 * too, so `#TOOL-F1` and the export's rows each name one thing.
 */
export function checkDuplicateDataFlowIds(models: readonly ThreatModel[]): Diagnostic[] {
  const first = new Map<string, {file: string; position: Point}>();
  const diagnostics: Diagnostic[] = [];
  for (const model of models) {
    const {zones = [], elements = [], flows = []} = model.dataFlows ?? {};
    const rows: Array<[string, {id: string; position: Point}]> = [
      ...zones.map((r) => ['zone', r] as [string, typeof r]),
      ...elements.map((r) => ['element', r] as [string, typeof r]),
      ...flows.map((r) => ['flow', r] as [string, typeof r]),
    ];
    for (const [kind, row] of rows) {
      const earlier = first.get(row.id);
      if (!earlier) {
        first.set(row.id, {file: model.file, position: row.position});
        continue;
      }
      diagnostics.push(
        diagnostic(model.file, row.position, 'duplicate-id',
          `Duplicate ${kind} ID "${row.id}" (also at ${earlier.file}:${earlier.position.line}:${earlier.position.column})`,
          `Give this ${kind} the next free number; IDs are never reused.`),
      );
    }
  }
  return diagnostics;
}
