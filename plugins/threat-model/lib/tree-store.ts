/**
 * Parsed trees of the threat-model files, handed from the plugin's load to
 * the page compiler, so a production build parses each file once instead
 * of three times (the load, then Docusaurus's client and server
 * compilations).
 *
 * The load parses with `markdown.ts`, the same syntax packages Docusaurus
 * uses (a unit test compares the trees), and reads the tree. The remark
 * plugin puts a parser in front of Docusaurus's: for a text it has a tree
 * for, it returns that tree with what the reader found, and the page skips
 * the parse and the read; for any other text (an edited file, a warm build's
 * cache, another page) Docusaurus parses as usual. Keys are the whole text,
 * so a tree is only ever used for exactly the text it was parsed from.
 *
 * Shared through `globalThis`: Docusaurus loads the plugin's module apart
 * from the site config that holds the remark plugin.
 */
import type {Root} from 'mdast';
import type {ReadResult} from './read';

interface Entry {
  tree: Root;
  result: ReadResult;
  /** How many compilations took it; the second gets the tree itself. */
  uses: number;
}

/** Source text kept at most: the trees take about thirty times the text's memory. */
const BUDGET_CHARS = 8 * 1024 * 1024;

export interface TreeStore {
  /** Keep the tree `text` parsed to (already read), unless over budget. */
  keep(text: string, tree: Root, result: ReadResult): void;
  /** The tree and reading of exactly `text`, if kept. */
  take(text: string): {tree: Root; result: ReadResult} | undefined;
  clear(): void;
}

function createTreeStore(): TreeStore {
  const entries = new Map<string, Entry>();
  let chars = 0;
  return {
    keep(text, tree, result) {
      if (entries.has(text) || chars + text.length > BUDGET_CHARS) return;
      entries.set(text, {tree, result, uses: 0});
      chars += text.length;
    },
    take(text) {
      const entry = entries.get(text);
      if (!entry) return undefined;
      // Later plugins change the tree: the first compilation gets a copy,
      // the second (client and server compile every page) the original.
      if (entry.uses++ === 0) return {tree: structuredClone(entry.tree), result: entry.result};
      entries.delete(text);
      chars -= text.length;
      return {tree: entry.tree, result: entry.result};
    },
    clear() {
      entries.clear();
      chars = 0;
    },
  };
}

const KEY = Symbol.for('docusaurus-plugin-threat-model.trees');

/** The process's one store. */
export function treeStore(): TreeStore {
  const global = globalThis as {[KEY]?: TreeStore};
  return (global[KEY] ??= createTreeStore());
}
