/** Cross-file rule: threat IDs are unique across all files. */
import {diagnostic, type Diagnostic} from '../diagnostics';
import type {Threat} from '../types';

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
