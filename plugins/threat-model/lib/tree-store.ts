/**
 * Parsed trees of the threat-model files, handed from the plugin's load to
 * the page compiler, so a production build parses each file once instead
 * of twice (the load, then the page compiler).
 *
 * The load parses with `markdown.ts`, the same syntax packages Docusaurus
 * uses (a unit test compares the trees), and reads the tree. The remark
 * plugin puts a parser in front of Docusaurus's: for a text it has a tree
 * for, it returns that tree with what the reader found, and the page skips
 * the parse and the read; for any other text (an edited file, a warm build's
 * cache, another page) Docusaurus parses as usual. Keys are the whole text,
 * so a tree is only ever used for exactly the text it was parsed from.
 *
 * Shared through `globalThis`: a site that lists the plugin by its package
 * name has Docusaurus load the plugin's module apart from the site config
 * that holds the remark plugin.
 */
import type {Root} from 'mdast';
import type {ReadResult} from './read';

interface Entry {
  tree: Root;
  result: ReadResult;
}

/** Source text kept at most: the trees take about thirty times the text's memory. */
const BUDGET_CHARS = 8 * 1024 * 1024;

export interface TreeStore {
  /** Keep the tree `text` parsed to (already read), unless over budget. */
  keep(text: string, tree: Root, result: ReadResult): void;
  /** The tree and reading of exactly `text`, if kept; once. */
  take(text: string): {tree: Root; result: ReadResult} | undefined;
  clear(): void;
}

function createTreeStore(): TreeStore {
  const entries = new Map<string, Entry>();
  let chars = 0;
  return {
    keep(text, tree, result) {
      if (entries.has(text) || chars + text.length > BUDGET_CHARS) return;
      entries.set(text, {tree, result});
      chars += text.length;
    },
    take(text) {
      const entry = entries.get(text);
      if (!entry) return undefined;
      // Later plugins change the tree, so it serves one compilation. A
      // build compiles each page once; a copy for a second compilation
      // would cost about as much as the parse it saves, so that one parses.
      entries.delete(text);
      chars -= text.length;
      return entry;
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
