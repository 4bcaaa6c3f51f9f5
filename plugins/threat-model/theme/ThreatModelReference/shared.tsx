import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {
  responsibilityClass,
  responsibilityLabel,
  severityLabel,
  statusLabel,
  type ReferenceData,
  type ReferenceThreat,
  type Responsibility,
  type Severity,
  type Status,
} from 'docusaurus-plugin-threat-model/client';

export type {ReferenceData};
export type ThreatRow = ReferenceThreat;
export type {ReferenceUseCase} from 'docusaurus-plugin-threat-model/client';

/** Text with `code spans`, as the export keeps them. */
export function CodeText({text}: {text: string}): ReactNode {
  const parts = text.split('`');
  return parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function ThreatLink({threat}: {threat: Pick<ThreatRow, 'id' | 'url'>}): ReactNode {
  return <Link to={threat.url} className="tm-id">{threat.id}</Link>;
}

export function Badge({kind, value, label}: {kind: string; value: string; label?: string}): ReactNode {
  const slug = value.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return <span className={`tm-badge tm-badge--${kind} tm-badge--${kind}-${slug}`}>{label ?? value}</span>;
}

/** A severity as readers see it: `High`, in that severity's colour. */
export function SeverityBadge({value}: {value: Severity}): ReactNode {
  return <Badge kind="severity" value={value} label={severityLabel(value)} />;
}

/** A responsibility as readers see it: its short label, colour and shape. */
export function ResponsibilityBadge({value, runtime}: {value: Responsibility; runtime: string}): ReactNode {
  return <span className={responsibilityClass(value)}>{responsibilityLabel(value, runtime).short}</span>;
}

/** A model's review status: `In review`, not `review`. */
export function StatusBadge({value}: {value: Status}): ReactNode {
  return <Badge kind="status" value={value} label={statusLabel(value)} />;
}
