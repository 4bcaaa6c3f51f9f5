/** Cross-file rule: every configured use case has exactly one file. */
import type {Config} from '../config';
import {diagnostic, type Diagnostic} from '../diagnostics';
import type {ThreatModel} from '../types';

export function checkUseCases(models: ThreatModel[], config: Config): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const useCase of config.useCases) {
    // Same order as buildIndex, so the file reported is the one left out of the index.
    const files = models.filter((m) => m.useCase === useCase.id).sort((a, b) => a.file.localeCompare(b.file));
    if (files.length === 0) {
      diagnostics.push(
        diagnostic(`${config.dir}/${useCase.id}.md`, {line: 1, column: 1}, 'missing-use-case',
          `Missing threat model for use case "${useCase.id}" (${useCase.label})`,
          `Create it with \`npm run new -- ${useCase.id}\`, or remove "${useCase.id}" from useCases in threat-model.config.ts.`),
      );
    }
    for (const duplicate of files.slice(1)) {
      diagnostics.push(
        diagnostic(duplicate.file, {line: 1, column: 1}, 'duplicate-use-case',
          `Use case "${useCase.id}" is already modelled in ${files[0]!.file}`,
          `Merge the two files into ${config.dir}/${useCase.id}.md; each use case has one file.`),
      );
    }
  }
  return diagnostics;
}
