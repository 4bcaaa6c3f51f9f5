import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import type {ReferenceData, ReferenceThreat} from 'docusaurus-plugin-threat-model/client';

export type {ReferenceData};
export type ThreatRow = ReferenceThreat;

/** Text with `code spans`, as the export keeps them. */
export function CodeText({text}: {text: string}): ReactNode {
  const parts = text.split('`');
  return parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function ThreatLink({threat}: {threat: Pick<ThreatRow, 'id' | 'url'>}): ReactNode {
  return <Link to={threat.url}>{threat.id}</Link>;
}

export function Badge({kind, value, label}: {kind: string; value: string; label?: string}): ReactNode {
  const slug = value.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return <span className={`tm-badge tm-badge--${kind} tm-badge--${kind}-${slug}`}>{label ?? value}</span>;
}
