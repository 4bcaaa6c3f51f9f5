/**
 * The rules across the rows of `## Data flows` and the threats' `Flows`
 * fields of one file: every zone, element and flow a cell or a field names
 * is declared; zones do not nest in a cycle; a flow between a trusted and
 * an untrusted zone is marked as crossing a boundary; and every flow that
 * crosses one is named by some threat. They run in the reader, where the
 * cells' places are still known.
 */
import {editDistance, type Point} from '../diagnostics';
import {flowIdKind, suggestFlowId, type FlowIdKind} from '../ids';
import {inlineText} from '../present';
import type {DataFlow, FlowElement, Inline, Threat, TrustZone} from '../types';
import {visible} from '../visible';
import {report, type Context} from './context';
import type {ReadDataFlows} from './data-flows';

/**
 * The declared ID that `written` most likely means: another spelling of one
 * (`srv-z01`), the same number under a prefix one edit away, or the ID of
 * the row whose name was written instead of its ID. Never a neighbouring
 * number, which would name another box.
 */
export function declaredTypo(written: string, declared: ReadonlyArray<{id: string; name: Inline[]}>, kind: FlowIdKind): string | undefined {
  const ids = declared.map((d) => d.id);
  const canonical = suggestFlowId(written, kind);
  if (canonical && ids.includes(canonical)) return canonical;
  const [prefix, number] = (canonical ?? written).split('-');
  if (prefix && number) {
    const same = ids.filter((id) => {
      const [p, n] = id.split('-') as [string, string];
      return n === number && p !== prefix && editDistance(p, prefix) <= 1;
    });
    if (same.length === 1) return same[0];
  }
  const named = declared.filter((d) => inlineText(d.name).replace(/`/g, '').trim().toLowerCase() === written.toLowerCase());
  return named.length === 1 ? named[0]!.id : undefined;
}

/** `(did you mean "X"?)` and the hint that goes with it, or the list of what is declared. */
function suggestion(written: string, declared: ReadonlyArray<{id: string; name: Inline[]}>, kind: FlowIdKind, fallback: string): {note: string; hint: string; expected: string[]} {
  const guess = declaredTypo(written, declared, kind);
  if (guess) return {note: ` (did you mean "${guess}"?)`, hint: `Write "${guess}".`, expected: [guess]};
  const ids = declared.map((d) => d.id);
  return {note: '', hint: ids.length > 0 ? `${fallback} Declared: ${ids.join(', ')}.` : fallback, expected: ids};
}

export function checkDataFlows(read: ReadDataFlows, ctx: Context): void {
  checkZones(read, ctx);
  checkFlowEnds(read, ctx);
  checkBoundaries(read, ctx);
}

function placeOf(read: ReadDataFlows, row: TrustZone | FlowElement | DataFlow, column: string): Point {
  return read.places.get(row)?.cells[column] ?? row.position;
}

function unread(read: ReadDataFlows, row: TrustZone | FlowElement | DataFlow, column: string): boolean {
  return read.places.get(row)?.unread.has(column) ?? false;
}

/** `unknown-zone` for Inside and Zone cells; `zone-cycle` for zones inside each other. */
function checkZones(read: ReadDataFlows, ctx: Context): void {
  const {zones, elements} = read.dataFlows;
  const declared = new Set(zones.map((z) => z.id));
  if (read.incomplete.has('zone')) return;
  const unknown = (written: string, where: Point, subject: string, relation: string) => {
    const {note, hint, expected} = suggestion(written, zones, 'zone', `Add a row for "${visible(written)}" to the zone table, or name a declared zone.`);
    report(ctx, where, 'unknown-zone', `${subject} ${relation} "${visible(written)}", which the zone table does not declare${note}`, hint, {expected, actual: written});
  };
  for (const zone of zones) {
    if (zone.parent !== undefined && !declared.has(zone.parent)) unknown(zone.parent, placeOf(read, zone, 'Inside'), `Zone ${zone.id}`, 'is inside');
  }
  for (const element of elements) {
    if (unread(read, element, 'Zone') || declared.has(element.zone)) continue;
    unknown(element.zone, placeOf(read, element, 'Zone'), `Element ${element.id}`, 'is in zone');
  }
  const parents = new Map(zones.filter((z) => z.parent !== undefined).map((z) => [z.id, z.parent!]));
  const reported = new Set<string>();
  for (const zone of zones) {
    const path = [zone.id];
    let next = parents.get(zone.id);
    while (next !== undefined && !path.includes(next)) {
      path.push(next);
      next = parents.get(next);
    }
    // Each cycle once, at the first of its zones in the table.
    if (next !== zone.id || path.some((id) => reported.has(id))) continue;
    for (const id of path) reported.add(id);
    report(ctx, placeOf(read, zone, 'Inside'), 'zone-cycle', `Zone ${zone.id} is inside itself: ${[...path, zone.id].join(' inside ')}`,
      'A zone is drawn inside its Inside zone, so one of them must be outermost: clear the Inside cell of the outermost zone.');
  }
}

/** `dangling-flow`: a flow's From or To names an undeclared element. */
function checkFlowEnds(read: ReadDataFlows, ctx: Context): void {
  const {elements, flows} = read.dataFlows;
  const declared = new Set(elements.map((e) => e.id));
  if (read.incomplete.has('element')) return;
  for (const flow of flows) {
    for (const [column, relation] of [['From', 'comes from'], ['To', 'goes to']] as const) {
      const written = column === 'From' ? flow.from : flow.to;
      if (unread(read, flow, column) || declared.has(written)) continue;
      const {note, hint, expected} = suggestion(written, elements, 'element', `Add a row for "${visible(written)}" to the element table, or name a declared element.`);
      report(ctx, placeOf(read, flow, column), 'dangling-flow', `Flow ${flow.id} ${relation} "${visible(written)}", which the element table does not declare${note}`,
        hint, {expected, actual: written});
    }
  }
}

/** `boundary-mismatch`: data moves between a trusted and an untrusted zone, and the flow says it crosses no boundary. */
function checkBoundaries(read: ReadDataFlows, ctx: Context): void {
  const {zones, elements, flows} = read.dataFlows;
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const elementById = new Map(elements.map((e) => [e.id, e]));
  const zoneOf = (id: string) => {
    const element = elementById.get(id);
    const zone = element && !unread(read, element, 'Zone') ? zoneById.get(element.zone) : undefined;
    return zone && !unread(read, zone, 'Trust') ? zone : undefined;
  };
  for (const flow of flows) {
    if (flow.crossesBoundary || unread(read, flow, 'Boundary')) continue;
    const from = zoneOf(flow.from);
    const to = zoneOf(flow.to);
    if (!from || !to || from.trust === to.trust) continue;
    const name = (z: TrustZone) => `${z.id} ("${inlineText(z.name)}")`;
    report(ctx, placeOf(read, flow, 'Boundary'), 'boundary-mismatch',
      `Flow ${flow.id} goes from ${from.trust} zone ${name(from)} to ${to.trust} zone ${name(to)} but its Boundary is "no"`,
      `Write "yes": data that moves between a trusted and an untrusted zone crosses a trust boundary. If it does not, correct the Trust of ${from.id} or ${to.id}.`);
  }
}

/**
 * `unknown-element` and `unknown-flow`: each ID in a threat's `Flows` is an
 * element or a flow of its own model.
 * @param read The file's `## Data flows`, if it has one.
 */
export function checkThreatFlows(threats: readonly Threat[], read: ReadDataFlows | undefined, ctx: Context): void {
  for (const threat of threats) {
    for (const id of threat.flows) {
      const kind = flowIdKind(id) as 'element' | 'flow';
      const where = threat.flowsAt?.[id] ?? threat.position;
      const rule = kind === 'element' ? 'unknown-element' : 'unknown-flow';
      if (!read) {
        report(ctx, where, rule, `${kind === 'element' ? 'Element' : 'Flow'} "${id}" in the Flows of ${threat.id}: this model has no "## Data flows" section`,
          `Add a \`## Data flows\` section (after \`## Assets\`) that declares ${id}, or remove "${id}" from Flows.`);
        continue;
      }
      const declared: ReadonlyArray<{id: string; name: Inline[]}> = kind === 'element' ? read.dataFlows.elements : read.dataFlows.flows.map((f) => ({id: f.id, name: []}));
      if (declared.some((d) => d.id === id) || read.incomplete.has(kind)) continue;
      const table = kind === 'element' ? 'element table' : 'flow table';
      const {note, hint, expected} = suggestion(id, declared, kind, `Add ${id} to the ${table} of this model, or remove it from Flows.`);
      report(ctx, where, rule, `${kind === 'element' ? 'Element' : 'Flow'} "${id}" in the Flows of ${threat.id} is not in this model's ${table}${note}`,
        hint, {expected, actual: id});
    }
  }
}

/** `uncovered-flow`: a flow that crosses a trust boundary, and no threat that names it. */
export function checkUncoveredFlows(threats: readonly Threat[], read: ReadDataFlows, ctx: Context): void {
  const named = new Set(threats.flatMap((t) => t.flows));
  for (const flow of read.dataFlows.flows) {
    if (!flow.crossesBoundary || named.has(flow.id)) continue;
    report(ctx, flow.position, 'uncovered-flow', `Flow ${flow.id} crosses a trust boundary, but no threat names it in Flows`,
      `Name ${flow.id} in the Flows field of the threats that concern it, or write Boundary "no" if it crosses none.`,
      {severity: ctx.config.dataFlows.uncoveredFlows});
  }
}
