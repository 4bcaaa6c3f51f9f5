/** Cross-file rule: every `Related` ID names a threat that exists. */
import {diagnostic, propose, type Diagnostic} from '../diagnostics';
import type {Threat} from '../types';

export function checkRelated(threats: Threat[]): Diagnostic[] {
  const ids = threats.map((t) => t.id);
  const known = new Set(ids);
  const diagnostics: Diagnostic[] = [];
  for (const threat of threats) {
    for (const id of threat.related) {
      if (known.has(id)) continue;
      const guess = propose(id, ids);
      diagnostics.push(
        diagnostic(threat.file, threat.relatedAt[id] ?? threat.position, 'unknown-related',
          `Related ID "${id}" in ${threat.id} exists in no threat model${guess ? ` (did you mean "${guess}"?)` : ''}`,
          guess ? `Write "${guess}", or remove "${id}" from Related.` : `Remove "${id}" from Related, or add a threat with that ID.`),
      );
    }
  }
  return diagnostics;
}
