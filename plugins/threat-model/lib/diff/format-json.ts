/**
 * The diff as JSON: the `ModelDiff` object (see `types.ts`, versioned by
 * `version`) with what was compared, for tools and for other workflows.
 */
import type {ModelDiff} from './types';

export interface JsonSides {
  /** The ref as given, and the commit it resolved to. */
  from: {ref: string; commit: string};
  /** `working-tree`, or a commit for the Changes page's pairs. */
  to: {ref: string; commit?: string};
}

export function formatDiffJson(diff: ModelDiff, sides: JsonSides): string {
  const {version, ...rest} = diff;
  return `${JSON.stringify({version, ...sides, ...rest}, null, 2)}\n`;
}
