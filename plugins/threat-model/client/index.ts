/**
 * Browser-safe entry point: what the theme's components and a site's own
 * pages may import. It holds no Node.js import (a test bundles it for the
 * browser and fails on one); the Node.js side is `index.ts`.
 */
import {usePluginData} from '@docusaurus/useGlobalData';
import {PLUGIN_NAME, type ThreatModelGlobalData} from '../lib/global-data';

export {PLUGIN_NAME, type ThreatModelGlobalData, type ThreatModelPageData, type UseCaseEntry} from '../lib/global-data';
export {RESPONSIBILITIES, RISK_STATUSES, SEVERITIES, STATUSES, STRIDE} from '../lib/vocabulary';
export type {Responsibility, RiskStatus, Severity, Status, Stride} from '../lib/vocabulary';
export {
  featureAnchor,
  groupByResponsibility,
  inlineText,
  responsibilityClass,
  responsibilityCounts,
  responsibilityLabel,
  riskStatusCounts,
  riskStatusLabel,
  severityCounts,
  severityLabel,
  statusLabel,
  strideCounts,
  useCaseAnchor,
} from '../lib/present';
export type {ReferenceData, ReferenceThreat, ReferenceUseCase} from '../lib/reference-data';
export type {ResponsibilityGroup, RuntimeThreat, TriageData, TriagePolicy, TriageThreat, TriageUseCase} from '../lib/triage-data';
export type {ChangesData, ChangesEntry, ChangesLine} from '../lib/history';

/**
 * The threat models at a glance (use cases, their pages and counts, the
 * reference and export paths), as the plugin last loaded them.
 * @param pluginId The plugin instance's `id` (default `default`).
 */
export function useThreatModelData(pluginId = 'default'): ThreatModelGlobalData {
  return usePluginData(PLUGIN_NAME, pluginId, {failfast: true}) as ThreatModelGlobalData;
}
