import type {ReactNode} from 'react';
import {responsibilityClass, responsibilityLabel, severityLabel, type Responsibility, type Severity} from 'docusaurus-plugin-threat-model/client';

export type {TriageData, TriagePolicy, TriageUseCase, RuntimeThreat, ResponsibilityGroup} from 'docusaurus-plugin-threat-model/client';

/** Text with `code spans`, as the export keeps them. */
export function CodeText({text}: {text: string}): ReactNode {
  const parts = text.split('`');
  return parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

/** A responsibility as its label, in its own colour and shape. */
export function ResponsibilityBadge({value, runtime}: {value: Responsibility; runtime: string}): ReactNode {
  return <span className={responsibilityClass(value)}>{responsibilityLabel(value, runtime).short}</span>;
}

export function SeverityBadge({value}: {value: Severity}): ReactNode {
  return <span className={`tm-badge tm-badge--severity tm-badge--severity-${value}`}>{severityLabel(value)}</span>;
}

/** `SECURITY.md at 004238d77c5e`: a commit is recognisable by its first twelve characters, as on the model pages. */
export function PolicyLink({policy}: {policy: {label: string; revision: string; url: string}}): ReactNode {
  return <a href={policy.url}>{`${policy.label} at ${policy.revision.slice(0, 12)}`}</a>;
}

export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
