/**
 * Presentation helpers shared by the remark plugin (threat pages) and the
 * React reference page. Browser-safe: no Node.js imports.
 */
import {RESPONSIBILITIES, RISK_STATUSES, SEVERITIES, STRIDE, type Responsibility, type RiskStatus, type Severity, type Status, type Stride} from './vocabulary';
import type {Inline} from './types';

/** Anchor of a feature's entry on the reference page. */
export function featureAnchor(id: string): string {
  return `feature-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

/** Anchor of a use case's row in the reference tables. */
export function useCaseAnchor(id: string): string {
  return `use-case-${id}`;
}

/**
 * Badge text and explanation of a responsibility value. Every view (threat
 * pages, the reference, filters, the home page) shows `short`, never the raw
 * value, and styles it with `responsibilityClass`, which gives each value its
 * own colour and shape so that colour is never the only cue.
 */
export function responsibilityLabel(value: Responsibility, runtime: string): {short: string; long: string} {
  switch (value) {
    case 'node':
      return {short: `${runtime} vulnerability`, long: `A flaw here is a ${runtime} vulnerability under its security model.`};
    case 'application':
      return {short: 'Application', long: `The application's responsibility; not a ${runtime} vulnerability.`};
    case 'operator':
      return {short: 'Operator', long: `The operator's responsibility (deployment and configuration); not a ${runtime} vulnerability.`};
    case 'ecosystem':
      return {short: 'Ecosystem', long: `The package ecosystem's or tooling's responsibility; not a ${runtime} vulnerability.`};
  }
}

/** CSS classes of a responsibility badge: colour and shape per value (see css/threat-model.css). */
export function responsibilityClass(value: Responsibility): string {
  return `tm-badge tm-badge--responsibility tm-badge--responsibility-${value}`;
}

/** Display label of a severity value: `high` → `High`. */
export function severityLabel(value: Severity): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Display label of a review status. */
export function statusLabel(value: Status): string {
  switch (value) {
    case 'draft':
      return 'Draft';
    case 'review':
      return 'In review';
    case 'published':
      return 'Published';
  }
}

/** Display label of a tracked risk's status: `accepted` → `Accepted`. */
export function riskStatusLabel(value: RiskStatus): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Threats per risk status, in `RISK_STATUSES` order, and how many have none. */
export function riskStatusCounts(threats: ReadonlyArray<{status?: RiskStatus}>): Record<RiskStatus | 'none', number> {
  const counts = Object.fromEntries([...RISK_STATUSES, 'none'].map((s) => [s, 0])) as Record<RiskStatus | 'none', number>;
  for (const t of threats) counts[t.status ?? 'none']++;
  return counts;
}

export function severityCounts(threats: ReadonlyArray<{severity: Severity}>): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const t of threats) counts[t.severity]++;
  return counts;
}

/** Threats by responsibility, in `RESPONSIBILITIES` order, empty groups included. */
export function groupByResponsibility<T extends {responsibility: Responsibility}>(threats: readonly T[]): Array<{responsibility: Responsibility; threats: T[]}> {
  const groups = RESPONSIBILITIES.map((responsibility) => ({responsibility, threats: [] as T[]}));
  const at = new Map(groups.map((g) => [g.responsibility, g.threats]));
  for (const t of threats) at.get(t.responsibility)!.push(t);
  return groups;
}

/** Threats per responsibility, in `RESPONSIBILITIES` order, zeros included so a page never checks for a missing key. */
export function responsibilityCounts(threats: ReadonlyArray<{responsibility: Responsibility}>): Record<Responsibility, number> {
  return Object.fromEntries(groupByResponsibility(threats).map((g) => [g.responsibility, g.threats.length])) as Record<Responsibility, number>;
}

export function strideCounts(threats: ReadonlyArray<{stride: readonly Stride[]}>): Record<Stride, number> {
  const counts = Object.fromEntries(STRIDE.map((s) => [s, 0])) as Record<Stride, number>;
  for (const t of threats) for (const c of t.stride) counts[c]++;
  return counts;
}

/** Plain text of inline Markdown, code spans in backticks. */
export function inlineText(inline: readonly Inline[]): string {
  return inline
    .map((item) => (item.type === 'text' ? item.value : item.type === 'code' ? `\`${item.value}\`` : inlineText(item.children)))
    .join('');
}
