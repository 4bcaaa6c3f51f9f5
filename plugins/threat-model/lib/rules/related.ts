/** Cross-file rule: every `Related` ID names a threat that exists. */
import {diagnostic, type Diagnostic} from '../diagnostics';
import {modelFile, ownerOf, typoOf} from '../ids';
import type {Config} from '../config';
import type {Threat} from '../types';

/**
 * @param config When given, an ID whose prefix belongs to a use case with no
 *   threats yet (its file is missing or broken) says so, instead of
 *   suggesting a look-alike ID of another use case.
 */
export function checkRelated(threats: Threat[], config?: Config, files: readonly string[] = []): Diagnostic[] {
  const ids = threats.map((t) => t.id);
  const known = new Set(ids);
  const modelled = new Set(threats.map((t) => t.useCase));
  const diagnostics: Diagnostic[] = [];
  for (const threat of threats) {
    for (const id of threat.related) {
      if (known.has(id)) continue;
      const owner = config ? ownerOf(config, id) : undefined;
      // Its file exists but has errors of its own: this would only repeat them.
      if (owner && !modelled.has(owner.id) && files.includes(modelFile(config!, owner.id))) continue;
      if (owner && !modelled.has(owner.id)) {
        diagnostics.push(
          diagnostic(threat.file, threat.relatedAt[id] ?? threat.position, 'unknown-related',
            `Related ID "${id}" in ${threat.id} points into use case "${owner.id}", which has no threat model yet`,
            `Add ${config!.dir}/${owner.id}.md with a threat ${id}, or remove "${id}" from Related.`),
        );
        continue;
      }
      // Only a typo of an existing ID is suggested, never a neighbouring number.
      const guess = typoOf(id, ids);
      const prefix = owner?.prefix ?? id.split('-')[0]!;
      const siblings = ids.filter((i) => i.startsWith(`${prefix}-`));
      diagnostics.push(
        diagnostic(threat.file, threat.relatedAt[id] ?? threat.position, 'unknown-related',
          `Related ID "${id}" in ${threat.id} exists in no threat model${guess ? ` (did you mean "${guess}"?)` : ''}`,
          guess ? `Write "${guess}", or remove "${id}" from Related.`
          : siblings.length > 0 ? `Remove "${id}" from Related, or link one of the ${owner ? `"${owner.id}"` : prefix} threats: ${siblings.join(', ')}.`
          : `Remove "${id}" from Related, or add a threat with that ID.`),
      );
    }
  }
  return diagnostics;
}
