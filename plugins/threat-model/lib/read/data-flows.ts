/**
 * `## Data flows`: three GFM tables, told apart by their first header cell
 * (`Zone`, `Element`, `Flow`), with paragraphs between them. Each row is
 * one zone, element or flow; the cells are read like the threat fields
 * (IDs, allowed values, inline text), and the reader marks each table it
 * read so the page generator replaces exactly those with its own tables.
 *
 *     | Zone   | Name     | Trust     | Inside |
 *     | Element| Name     | Kind      | Zone   |
 *     | Flow   | From     | To        | Data   | Boundary |
 */
import type {PhrasingContent, RootContent, Table, TableCell, TableRow} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {didYouMean, nearest, propose, type Point} from '../diagnostics';
import {FLOW_ID_LETTERS, FLOW_ID_PATTERN, flowId, suggestFlowId, type FlowIdKind} from '../ids';
import type {DataFlow, DataFlows, ElementKind, FlowElement, Inline, TrustZone, ZoneTrust} from '../types';
import {visible} from '../visible';
import {at, report, type Context} from './context';
import {invalidValue, reportLostInline} from './fields';
import {toInline} from './inline';
import {blockName} from './lists';
import type {Section} from './sections';

/** A column of a data-flow table: its header, and whether a table may leave it out. */
interface Column {
  name: string;
  optional?: true;
}

/** The tables in the order they are written, with their columns in order; the first column holds the row's ID. */
export const DATA_FLOW_TABLES = {
  zone: {title: 'zone table', columns: [{name: 'Zone'}, {name: 'Name'}, {name: 'Trust'}, {name: 'Inside', optional: true}]},
  element: {title: 'element table', columns: [{name: 'Element'}, {name: 'Name'}, {name: 'Kind'}, {name: 'Zone'}]},
  flow: {title: 'flow table', columns: [{name: 'Flow'}, {name: 'From'}, {name: 'To'}, {name: 'Data'}, {name: 'Boundary'}]},
} as const satisfies Record<FlowIdKind, {title: string; columns: readonly Column[]}>;

const KINDS = Object.keys(DATA_FLOW_TABLES) as FlowIdKind[];

/** Values as written in the Trust, Kind and Boundary cells. */
export const ZONE_TRUST: readonly ZoneTrust[] = ['trusted', 'untrusted'];
export const ELEMENT_KINDS: Readonly<Record<string, ElementKind>> = {'process': 'process', 'data store': 'data-store', 'external entity': 'external-entity'};
export const BOUNDARY_VALUES = ['yes', 'no'] as const;

/** What the page generator finds on a table the reader read: which table it is. */
export type DataFlowTableMark = FlowIdKind;

/**
 * Where each cell of a row is written, by column name, and the columns
 * whose value could not be read: the rules across rows skip those rather
 * than repeat the finding.
 */
export interface RowPlaces {
  cells: Record<string, Point>;
  unread: Set<string>;
}

export interface ReadDataFlows {
  dataFlows: DataFlows;
  /** Row (zone, element or flow) → where its cells are. */
  places: Map<TrustZone | FlowElement | DataFlow, RowPlaces>;
  /**
   * Tables with a row or a column that could not be read, or missing: a
   * reference into one of them may name what was not read, so the rules
   * that resolve references into it do not run.
   */
  incomplete: Set<FlowIdKind>;
}

/** One row: its ID and cells by column name. */
interface Row {
  id: string;
  node: TableRow;
  cells: Map<string, TableCell>;
}

export function readDataFlows(section: Section, useCase: string, ctx: Context): ReadDataFlows {
  const prefix = ctx.config.useCases.find((u) => u.id === useCase)?.prefix;
  const result: ReadDataFlows = {dataFlows: {zones: [], elements: [], flows: []}, places: new Map(), incomplete: new Set()};
  const seen = new Set<FlowIdKind>();
  let unrecognised = false;
  for (const node of section.nodes) {
    if (node.type === 'html' && node.value.startsWith('<!--')) continue;
    if (node.type === 'paragraph' || node.type === 'definition') continue;
    if (node.type !== 'table') {
      reportBlock(node, ctx);
      continue;
    }
    const kind = tableKind(node, ctx);
    if (!kind) {
      unrecognised = true;
      continue;
    }
    if (seen.has(kind)) {
      report(ctx, node, 'lost-content', `A second ${DATA_FLOW_TABLES[kind].title} in the Data flows section`,
        `Merge its rows into the first ${DATA_FLOW_TABLES[kind].title}: the diagram and the export read one table of each kind.`);
      continue;
    }
    seen.add(kind);
    node.data = {...node.data, threatModel: {dataFlowTable: kind}};
    const rows = readRows(node, kind, prefix, useCase, ctx);
    if (!rows || rows.length < node.children.length - 1) result.incomplete.add(kind);
    for (const row of rows ?? []) readRow(row, kind, result, ctx);
  }
  for (const kind of KINDS) {
    if (seen.has(kind)) continue;
    result.incomplete.add(kind);
    // A table that starts with another column is most likely this one: that finding says so.
    if (!unrecognised) {
      const {columns, title} = DATA_FLOW_TABLES[kind];
      report(ctx, section.heading, 'missing-field', `The Data flows section has no ${title}`,
        `Add a table whose header is | ${columns.map((c) => c.name).join(' | ')} |, one row per ${kind}.`);
    }
  }
  return result;
}

function reportBlock(node: RootContent, ctx: Context): void {
  report(ctx, node, 'lost-content', `${blockName(node)} in the Data flows section, which holds its three tables and paragraphs`,
    'Write it as a paragraph, or move it to `## Scope` or a threat\'s description.');
}

/** Which table the first header cell names; reports a table that names none. */
function tableKind(table: Table, ctx: Context): FlowIdKind | undefined {
  const first = table.children[0]?.children[0];
  const written = first ? toString(first).trim() : '';
  const names = KINDS.map((k) => DATA_FLOW_TABLES[k].columns[0].name);
  const kind = KINDS.find((k) => DATA_FLOW_TABLES[k].columns[0].name.toLowerCase() === written.toLowerCase());
  if (kind) return kind;
  const guess = didYouMean(written, names);
  report(ctx, first ?? table, 'unknown-field', `A table in the Data flows section starts with the column "${visible(written)}"${guess ? ` (${guess})` : ''}`,
    `Start its header with ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}: those are the section's three tables. Move any other table to a threat's description.`,
    {expected: nearest(written, names), actual: written});
  return undefined;
}

/**
 * The rows under the header with a well-formed ID, each with its cells by
 * column, and the findings about header, IDs and cells; undefined when a
 * column is missing.
 */
function readRows(table: Table, kind: FlowIdKind, prefix: string | undefined, useCase: string, ctx: Context): Row[] | undefined {
  const {title, columns} = DATA_FLOW_TABLES[kind];
  const [header, ...body] = table.children as [TableRow, ...TableRow[]];
  const names: readonly string[] = columns.map((c) => c.name);
  // Header position → column name; undefined for a column that is not read.
  const byIndex: Array<string | undefined> = [];
  // Columns a misspelt header was taken for: reported once, as the misspelling.
  const proposed = new Set<string>();
  header.children.forEach((cell, index) => {
    const written = toString(cell).trim();
    const name = names.find((n) => n.toLowerCase() === written.toLowerCase());
    if (index === 0) {
      byIndex.push(name);
    } else if (!name || name === names[0]) {
      const guess = propose(written, names.slice(1));
      if (guess) proposed.add(guess);
      report(ctx, cell, 'unknown-field', `Unknown column "${visible(written)}" in the ${title}${guess ? ` (did you mean "${guess}"?)` : ''}`,
        guess ? `Rename it to "${guess}".` : `The columns of the ${title} are ${names.join(', ')}.`,
        {expected: guess ? [guess] : names.slice(1), actual: written});
      byIndex.push(undefined);
    } else if (byIndex.includes(name)) {
      report(ctx, cell, 'duplicate-field', `Column "${name}" appears twice in the ${title}`, `Keep one "${name}" column.`);
      byIndex.push(undefined);
    } else {
      byIndex.push(name);
    }
  });
  const absent = columns.filter((c) => !('optional' in c) && !byIndex.includes(c.name));
  for (const column of absent.filter((c) => !proposed.has(c.name))) {
    report(ctx, header, 'missing-field', `The ${title} has no "${column.name}" column`,
      `Add a "${column.name}" column; the columns are ${names.join(', ')}.`);
  }
  if (absent.length > 0) return undefined;

  const rows: Row[] = [];
  for (const node of body) {
    const cells = new Map<string, TableCell>();
    node.children.forEach((cell, index) => {
      const name = index < byIndex.length ? byIndex[index] : undefined;
      if (name) cells.set(name, cell);
      else if (index >= header.children.length) {
        report(ctx, cell, 'lost-content', `A cell beyond the last column of the ${title}`,
          'Remove it, or give it a column in the header: the page shows only the columns the header names.');
      }
    });
    const id = readId(node, cells.get(names[0]!), kind, prefix, useCase, ctx);
    if (id) rows.push({id, node, cells});
  }
  return rows;
}

/** The row's ID, if it is well formed. */
function readId(row: TableRow, cell: TableCell | undefined, kind: FlowIdKind, prefix: string | undefined, useCase: string, ctx: Context): string | undefined {
  const written = cell ? toString(cell).trim() : '';
  const example = flowId(prefix ?? 'PREFIX', kind, 1);
  if (written === '') {
    report(ctx, cell ?? row, 'missing-id', `A row of the ${DATA_FLOW_TABLES[kind].title} has no ID`,
      `Write the ${kind}'s ID in the first cell, e.g. ${example}.`);
    return undefined;
  }
  if (!FLOW_ID_PATTERN.test(written) || written.split('-').pop()![0] !== FLOW_ID_LETTERS[kind]) {
    const guess = suggestFlowId(written, kind, prefix);
    report(ctx, contentOf(cell!), 'malformed-id', `Malformed ${kind} ID "${visible(written)}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
      `Use <PREFIX>-${FLOW_ID_LETTERS[kind]}<n>, n from 1 to 999 without a leading zero, e.g. ${example}.`);
    return undefined;
  }
  if (prefix && !written.startsWith(`${prefix}-`)) {
    report(ctx, contentOf(cell!), 'id-prefix', `${capitalise(kind)} ID "${written}" does not use this use case's prefix "${prefix}"`,
      `Rename it to ${prefix}-${written.split('-').pop()} (IDs of use case "${useCase}" start with ${prefix}-).`);
  }
  return written;
}

/** What an empty or missing cell needs, by column. */
const EMPTY_HINTS: Record<string, (prefix: string) => string> = {
  Name: () => 'Give it a name: the diagram and the tables show it.',
  Trust: () => 'Write "trusted" or "untrusted": the side of the Trust section\'s lists the zone is on.',
  Kind: () => 'Write one of: process, data store, external entity.',
  Zone: (p) => `Write the ID of the zone the element is in, e.g. ${p}-Z1.`,
  From: (p) => `Write the ID of the element the data comes from, e.g. ${p}-E1.`,
  To: (p) => `Write the ID of the element the data goes to, e.g. ${p}-E2.`,
  Data: () => 'Say what data moves, e.g. "HTTP requests: headers and body".',
  Boundary: () => 'Write "yes" if the flow crosses a trust boundary, else "no".',
};

function readRow(row: Row, kind: FlowIdKind, result: ReadDataFlows, ctx: Context): void {
  const places: RowPlaces = {cells: {}, unread: new Set()};
  const prefix = row.id.split('-')[0]!;
  const what = `${kind} ${row.id}`;
  /** The cell's text; undefined (and a finding) when it is empty or missing and `required`. */
  const raw = (column: string, required = true): string | undefined => {
    const cell = row.cells.get(column);
    places.cells[column] = cell ? at(contentOf(cell)) : endOf(row.node);
    const value = cell ? toString(cell).trim() : '';
    if (value !== '') return value;
    places.unread.add(column);
    if (required) {
      report(ctx, places.cells[column]!, 'missing-field', `${capitalise(what)} has no ${column}`, EMPTY_HINTS[column]!(prefix));
    }
    return undefined;
  };
  const inline = (column: string): Inline[] => {
    if (raw(column) === undefined) return [];
    const cell = row.cells.get(column)!;
    const lost = reportLostInline(cell.children as PhrasingContent[], column, row.id, ctx,
      'Table cells here are text, `code` and links; move it into a paragraph of the section.');
    if (lost) places.unread.add(column);
    return toInline(cell.children as PhrasingContent[]);
  };
  const choice = <T>(column: string, allowed: Readonly<Record<string, T>>, fallback: T): T => {
    const value = raw(column);
    if (value === undefined) return fallback;
    const found = allowed[value.toLowerCase().replace(/[\s_-]+/g, ' ')];
    if (found !== undefined) return found;
    invalidValue(value, Object.keys(allowed), column, row.id, places.cells[column]!, ctx);
    places.unread.add(column);
    return fallback;
  };
  const position = at(row.node);
  if (kind === 'zone') {
    const name = inline('Name');
    const trust = choice<ZoneTrust>('Trust', Object.fromEntries(ZONE_TRUST.map((t) => [t, t])) as Record<string, ZoneTrust>, 'trusted');
    const parent = raw('Inside', false);
    const zone: TrustZone = {id: row.id, name, trust, ...(parent ? {parent} : {}), position};
    result.dataFlows.zones.push(zone);
    result.places.set(zone, places);
  } else if (kind === 'element') {
    const name = inline('Name');
    const elementKind = choice('Kind', ELEMENT_KINDS, 'process');
    const zone = raw('Zone') ?? '';
    const element: FlowElement = {id: row.id, name, kind: elementKind, zone, position};
    result.dataFlows.elements.push(element);
    result.places.set(element, places);
  } else {
    const from = raw('From') ?? '';
    const to = raw('To') ?? '';
    const data = inline('Data');
    const crossesBoundary = choice('Boundary', {yes: true, no: false}, false);
    const flow: DataFlow = {id: row.id, from, to, data, crossesBoundary, position};
    result.dataFlows.flows.push(flow);
    result.places.set(flow, places);
  }
}

/** What a finding about a cell points at: its text, after the pipe and the spaces. */
function contentOf(cell: TableCell): {position?: TableCell['position']} {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (!first?.position || !last?.position) return cell;
  return {position: {start: first.position.start, end: last.position.end}};
}

/** Where a row ends: a missing cell is reported there. */
function endOf(row: TableRow): Point {
  const end = row.position?.end;
  return end ? {line: end.line, column: end.column} : at(row);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
