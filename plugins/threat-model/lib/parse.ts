/**
 * One threat-model file's text → a typed `ThreatModel` plus diagnostics:
 * parse in the site's Markdown dialect, then read. The page generator skips
 * the parse (Docusaurus has done it) and calls the reader on its own tree.
 */
import type {Root} from 'mdast';
import type {Config} from './config';
import {parseMarkdown} from './markdown';
import {readThreatModel, type ReadResult} from './read';
import {withoutBom} from './read/front-matter';
import type {TreeStore} from './tree-store';

export type ParseResult = ReadResult;

export {ID_PATTERN} from './ids';
export {cveUrl, cweUrl} from './read/fields';
export {toInline} from './read/inline';

/**
 * @param source File contents.
 * @param file Path relative to the site root, used in diagnostics.
 * @param config Validated configuration (use cases, features).
 * @param keep Where to keep the parsed tree for the page compiler (`tree-store.ts`).
 */
export function parseThreatModel(source: string, file: string, config: Config, keep?: TreeStore): ParseResult {
  const {text, tree, result} = parseAndRead(source, file, config);
  keep?.keep(text, tree, result);
  return result;
}

/** The parse and the reading, with the tree and the text it was parsed from (without a BOM). */
export function parseAndRead(source: string, file: string, config: Config): {text: string; tree: Root; result: ParseResult} {
  const text = withoutBom(source);
  const tree = parseMarkdown(text);
  return {text, tree, result: readThreatModel({tree, source, file, config})};
}
