/**
 * The renderer's own guard. The reader's rules (`unknown-zone`,
 * `dangling-flow`, `duplicate-id`) report these mistakes in the file first;
 * the renderer still refuses an inconsistent input rather than draw a flow
 * to nowhere or a zone in the wrong place.
 */
import type {DiagramInput} from './types';

/** Use-case ids are lowercase slugs; anything else would make unsafe or clashing SVG ids. */
const DIAGRAM_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

function fail(input: DiagramInput, message: string): never {
  throw new Error(`Data-flow diagram "${input.id}": ${message}`);
}

function checkUnique(input: DiagramInput): void {
  const seen = new Set<string>();
  for (const {id} of [...input.zones, ...input.elements, ...input.flows]) {
    if (seen.has(id)) fail(input, `the ID ${id} is declared twice`);
    seen.add(id);
  }
}

function checkZones(input: DiagramInput, zones: Set<string>): void {
  const parents = new Map(input.zones.map((zone) => [zone.id, zone.parent]));
  for (const zone of input.zones) {
    if (zone.parent !== undefined && !zones.has(zone.parent)) fail(input, `zone ${zone.id} is inside ${zone.parent}, which is not a declared zone`);
    const path = new Set([zone.id]);
    for (let up = zone.parent; up !== undefined; up = parents.get(up)) {
      if (path.has(up)) fail(input, `the zones inside one another form a cycle: ${[...path, up].join(' in ')}`);
      path.add(up);
    }
  }
}

function checkElements(input: DiagramInput, zones: Set<string>): void {
  for (const element of input.elements) {
    if (!zones.has(element.zone)) fail(input, `element ${element.id} is in zone ${element.zone}, which is not a declared zone`);
  }
}

function checkFlows(input: DiagramInput): void {
  const elements = new Set(input.elements.map((element) => element.id));
  for (const flow of input.flows) {
    for (const [end, id] of [['from', flow.from], ['to', flow.to]] as const) {
      if (!elements.has(id)) fail(input, `flow ${flow.id} goes ${end} ${id}, which is not a declared element`);
    }
  }
}

/** Throws an Error that names the first inconsistency found. */
export function validate(input: DiagramInput): void {
  if (!DIAGRAM_ID.test(input.id)) fail(input, 'the id must be letters, digits, "-" or "_", starting with a letter');
  checkUnique(input);
  const zones = new Set(input.zones.map((zone) => zone.id));
  checkZones(input, zones);
  checkElements(input, zones);
  checkFlows(input);
}
