/**
 * The diff for a terminal: a summary line, then each use case that changed
 * with one line per change (`+` added, `-` removed, `~` changed), and the
 * hint under each breaking change.
 */
import {describeUseCase, summaryText, type ChangeLine} from './describe';
import type {ModelDiff} from './types';

/** What the diff compares, for the heading: e.g. `origin/main (1a2b3c4)` and `the working tree`. */
export interface DiffSides {
  from: string;
  to: string;
}

const MARKS: Record<ChangeLine['kind'], string> = {model: '*', added: '+', removed: '-', changed: '~', coverage: '~'};

export function formatDiffText(diff: ModelDiff, sides: DiffSides): string {
  const out = [`Threat-model changes from ${sides.from} to ${sides.to}: ${summaryText(diff.summary)}`];
  const hints = new Map(diff.breaking.map((b) => [b.id, b.hint]));
  for (const useCase of diff.useCases) {
    out.push('', `${useCase.label} (${useCase.useCase}), ${useCase.file}`);
    for (const line of describeUseCase(useCase, hints)) {
      out.push(`  ${MARKS[line.kind]} ${line.id ? `${line.id}  ` : ''}${line.breaking ? 'BREAKING ' : ''}${line.text}`);
      if (line.hint) out.push(`      hint: ${line.hint}`);
    }
  }
  return `${out.join('\n')}\n`;
}
