/**
 * The reference page's props: only what the page shows. Route props become a
 * JavaScript chunk that the browser downloads and parses before hydration,
 * so prose, references and mitigations stay in the JSON export and on the
 * threat pages. Each use case carries its review state (status, last
 * review, owners, policy revision), which the page shows per model.
 */
import {buildCveCoverage, type CveCoverage} from './cve-coverage';
import type {CveDatabase} from './evidence';
import type {ThreatModelExport} from './export';
import type {CoverageCell} from './types';

type ExportedThreat = ThreatModelExport['models'][number]['threats'][number];

export type ReferenceThreat = Pick<
  ExportedThreat,
  'id' | 'title' | 'useCase' | 'url' | 'stride' | 'severity' | 'responsibility' | 'features' | 'status'
>;

type ExportedModel = ThreatModelExport['models'][number];

/** A use case as the reference shows it: its page, trust lists and review state. */
export type ReferenceUseCase = {id: string; label: string} & Pick<
  ExportedModel,
  'url' | 'trusted' | 'untrusted' | 'status' | 'lastReviewed' | 'owners' | 'policy'
>;

export interface ReferenceData {
  runtime: string;
  /** URL of the JSON export and of its JSON Schema. */
  exportPath: string;
  schemaPath: string;
  /** The interchange files (OTM, Threat Composer, TM-BOM, CSV), when the build writes them. */
  interchange?: Array<{label: string; path: string}>;
  /** Route of the Changes page, which lists what each commit changed in the models. */
  changesPath?: string;
  useCases: ReferenceUseCase[];
  threats: ReferenceThreat[];
  features: ThreatModelExport['features'];
  /** use case → STRIDE category → cell. */
  coverage: Record<string, Record<string, CoverageCell>>;
  /** With a CVE database configured: how many of its CVEs the threats cite, and the rest by year. */
  cves?: CveCoverage;
}

/**
 * The reference page's props from the export and the index's coverage.
 * @param evidence The CVE database the check used, when the site has one.
 */
export function buildReferenceData(
  exported: ThreatModelExport,
  coverage: ReferenceData['coverage'],
  paths: {exportPath: string; schemaPath: string; interchange?: ReferenceData['interchange']; changesPath?: string},
  evidence?: CveDatabase,
): ReferenceData {
  const cited = exported.models.flatMap((m) => m.threats.flatMap((t) => t.references.filter((r) => r.kind === 'cve').map((r) => r.text)));
  return {
    runtime: exported.runtime,
    ...paths,
    useCases: exported.models.map(useCaseOf),
    threats: exported.models.flatMap((m) =>
      m.threats.map(({id, title, useCase, url, stride, severity, responsibility, features, status}) => ({
        id, title, useCase, url, stride, severity, responsibility, features, ...(status ? {status} : {}),
      })),
    ),
    features: exported.features,
    coverage,
    ...(evidence ? {cves: buildCveCoverage(evidence, cited)} : {}),
  };
}

function useCaseOf(m: ExportedModel): ReferenceUseCase {
  const {useCase: id, label, url, trusted, untrusted, status, lastReviewed, owners, policy} = m;
  return {id, label, url, trusted, untrusted, status, lastReviewed, owners, ...(policy ? {policy} : {})};
}
