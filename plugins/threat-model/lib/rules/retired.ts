/**
 * Cross-file rule: no threat uses a retired ID (`retiredIds` in the
 * configuration). Removed IDs stay reserved because issues, advisories and
 * other sites link to them; reusing one would point those links at a
 * different threat without anyone noticing.
 */
import type {Config} from '../config';
import {diagnostic, type Diagnostic} from '../diagnostics';
import {threatId} from '../ids';
import type {Threat} from '../types';

export function checkRetiredIds(threats: readonly Threat[], config: Config): Diagnostic[] {
  const retired = new Map(config.retiredIds.map((r) => [r.id, r]));
  const findings: Diagnostic[] = [];
  for (const threat of threats) {
    const tombstone = retired.get(threat.id);
    if (!tombstone) continue;
    const replaced = tombstone.replacedBy ? ` (replaced by ${tombstone.replacedBy})` : '';
    findings.push(
      diagnostic(threat.file, threat.position, 'retired-id',
        `Threat ID "${threat.id}" is retired${replaced}: ${tombstone.reason}`,
        `Use the next free ID, e.g. ${nextFreeId(threat.id, threats, config)}; a retired ID is never reused.`),
    );
  }
  return findings;
}

/** The lowest number above every used and retired ID of the prefix. */
export function nextFreeId(id: string, threats: readonly Threat[], config: Config): string {
  const prefix = id.slice(0, id.lastIndexOf('-'));
  const taken = [...threats.map((t) => t.id), ...config.retiredIds.map((r) => r.id)]
    .filter((other) => other.startsWith(`${prefix}-`))
    .map((other) => Number.parseInt(other.slice(prefix.length + 1), 10))
    .filter(Number.isFinite);
  return threatId(prefix, Math.max(0, ...taken) + 1);
}
