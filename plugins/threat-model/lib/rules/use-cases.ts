/** Cross-file rule: every configured use case has exactly one file. */
import type {Config} from '../config';
import {diagnostic, type Diagnostic} from '../diagnostics';
import {byCanonicalName} from '../model-index';
import type {ThreatModel} from '../types';
import {modelFile} from '../ids';

/**
 * @param files Every file read, parsed or not: a file that exists but failed
 *   to parse has its own findings, so it is not also reported as missing.
 */
export function checkUseCases(models: ThreatModel[], config: Config, files: readonly string[] = []): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const exists = new Set(files);
  for (const useCase of config.useCases) {
    // Same order as buildIndex, so the file reported is the one left out of the index.
    const modelled = models.filter((m) => m.useCase === useCase.id).sort(byCanonicalName(config));
    if (modelled.length === 0 && !exists.has(modelFile(config, useCase.id))) {
      diagnostics.push(
        diagnostic(modelFile(config, useCase.id), {line: 1, column: 1}, 'missing-use-case',
          `Missing threat model for use case "${useCase.id}" (${useCase.label})`,
          `Create it with \`npm run new -- ${useCase.id}\`, or remove "${useCase.id}" from useCases in threat-model.config.ts.`),
      );
    }
    for (const duplicate of modelled.slice(1)) {
      diagnostics.push(
        diagnostic(duplicate.file, {line: 1, column: 1}, 'duplicate-use-case',
          `Use case "${useCase.id}" is already modelled in ${modelled[0]!.file}`,
          `Merge the two files into ${config.dir}/${useCase.id}.md; each use case has one file.`),
      );
    }
  }
  return diagnostics;
}
