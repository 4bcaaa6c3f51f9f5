/**
 * Docusaurus's `markdown.parseFrontMatter` hook, reading every Markdown file
 * of the site with the one front-matter reader (`read/front-matter.ts`), so
 * that the build never evaluates what the check refused. Docusaurus's own
 * parser (gray-matter) picks an engine from the opening line and would run
 * `---js` front matter as JavaScript.
 *
 * ```ts
 * markdown: {parseFrontMatter}
 * ```
 */
import path from 'node:path';
import {failBuild} from './fail-build';
import {readFrontMatter} from './read/front-matter';

export interface ParseFrontMatterParams {
  filePath: string;
  fileContent: string;
}

/** A front-matter mistake, printed as `file:line:column  message` with a hint and no stack trace. */
export class FrontMatterError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, readonly reason: string, readonly hint: string, readonly rule: string) {
    super(`${file}:${line}:${column}  error  ${reason}  threat-model:${rule}\n  hint: ${hint}`);
    this.name = 'FrontMatterError';
    // Docusaurus prints `stack`; the message already says where and why.
    this.stack = `${this.name}: ${this.message}`;
  }
}

export async function parseFrontMatter({filePath, fileContent}: ParseFrontMatterParams): Promise<{frontMatter: Record<string, unknown>; content: string}> {
  const result = readFrontMatter(fileContent);
  if (result.finding) {
    const {line, column, message, hint, rule} = result.finding;
    failBuild(new FrontMatterError(path.relative(process.cwd(), filePath).split(path.sep).join('/'), line, column, message, hint, rule));
  }
  return {frontMatter: result.data, content: result.content};
}

/** Marks the hook, so the plugin can tell whether the site uses it. */
Object.defineProperty(parseFrontMatter, 'threatModelReader', {value: true});

export function usesThreatModelFrontMatter(hook: unknown): boolean {
  return typeof hook === 'function' && (hook as {threatModelReader?: boolean}).threatModelReader === true;
}
