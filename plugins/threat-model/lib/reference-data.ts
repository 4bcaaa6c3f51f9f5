/**
 * The reference page's props: only what the page shows. Route props become a
 * JavaScript chunk that the browser downloads and parses before hydration,
 * so prose, references and mitigations stay in the JSON export and on the
 * threat pages.
 */
import type {ThreatModelExport} from './export';
import type {CoverageCell} from './types';

type ExportedThreat = ThreatModelExport['models'][number]['threats'][number];

export type ReferenceThreat = Pick<
  ExportedThreat,
  'id' | 'title' | 'useCase' | 'url' | 'stride' | 'severity' | 'responsibility' | 'features'
>;

export interface ReferenceData {
  runtime: string;
  /** URL of the JSON export and of its JSON Schema. */
  exportPath: string;
  schemaPath: string;
  useCases: Array<{id: string; label: string; url: string; trusted: string[]; untrusted: string[]}>;
  threats: ReferenceThreat[];
  features: ThreatModelExport['features'];
  /** use case → STRIDE category → cell. */
  coverage: Record<string, Record<string, CoverageCell>>;
}

export function buildReferenceData(
  exported: ThreatModelExport,
  coverage: ReferenceData['coverage'],
  paths: {exportPath: string; schemaPath: string},
): ReferenceData {
  return {
    runtime: exported.runtime,
    ...paths,
    useCases: exported.models.map((m) => ({id: m.useCase, label: m.label, url: m.url, trusted: m.trusted, untrusted: m.untrusted})),
    threats: exported.models.flatMap((m) =>
      m.threats.map(({id, title, useCase, url, stride, severity, responsibility, features}) => ({
        id, title, useCase, url, stride, severity, responsibility, features,
      })),
    ),
    features: exported.features,
    coverage,
  };
}
