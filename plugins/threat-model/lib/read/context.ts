/** Per-file state shared by the readers, and how they report. */
import type {Nodes} from 'mdast';
import type {Config} from '../config';
import {diagnostic, type Diagnostic, type DiagnosticOptions, type Place, type Point, type RuleName, type Severity} from '../diagnostics';

export interface Context {
  /** Path relative to the site root, forward slashes. */
  file: string;
  config: Config;
  /** The file's text without a byte-order mark: node offsets index it. */
  text: string;
  diagnostics: Diagnostic[];
  /** `text` split into lines, once, for the readers that search it by line. */
  lines?: string[];
  /** Raw elements already reported in this file, so their end tags are not. */
  refusedHtml?: Set<string>;
  /** Allowed raw elements opened and not yet closed, in the order read. */
  openHtml?: Map<string, Point[]>;
}

export function at(node: {position?: Nodes['position']} | undefined): Point {
  const start = node?.position?.start;
  return {line: start?.line ?? 1, column: start?.column ?? 1};
}

/** A node's whole range, or its start when it has no end. */
export function placeOf(node: {position?: Nodes['position']} | undefined): Place {
  const position = node?.position;
  if (!position?.start || !position.end) return at(node);
  return {start: {line: position.start.line, column: position.start.column}, end: {line: position.end.line, column: position.end.column}};
}

/**
 * Adds a finding at a point, or over a node's range. Severity and "did you
 * mean" (`expected`, `actual`) go in `options`; the severity defaults to the rule's.
 */
export function report(
  ctx: Context,
  where: {position?: Nodes['position']} | Point | undefined,
  rule: RuleName,
  message: string,
  hint: string,
  options?: Severity | DiagnosticOptions,
): void {
  const place = where && 'line' in where ? where : placeOf(where as {position?: Nodes['position']} | undefined);
  ctx.diagnostics.push(diagnostic(ctx.file, place, rule, message, hint, options));
}
