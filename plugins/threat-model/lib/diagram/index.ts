/**
 * The data-flow diagram of a threat model as an inline SVG (a hast element),
 * rendered at build time: ELK lays out the zones, elements and flows, and
 * hastscript builds the SVG, with every name from the file as a text node.
 * The same input always gives the same SVG, byte for byte.
 */
import type {Element} from 'hast';
import {s} from 'hastscript';
import {elkGraph, measureAll, type Measures} from './graph';
import {diagramIds} from './ids';
import {layout, type Laidout} from './layout';
import {legend} from './legend';
import {measureZoneLabel} from './measure';
import {markerDefs} from './markers';
import * as M from './metrics';
import {ordered, type Ordered} from './order';
import {elementShape, zoneShape} from './shapes';
import {flowShape} from './flows';
import type {DiagramInput} from './types';
import {validate} from './validate';

export type {DiagramElement, DiagramFlow, DiagramInput, DiagramKind, DiagramTrust, DiagramZone} from './types';
export {flowName} from './flows';
export {diagramInput, threatsByFlow} from './adapter';

/** Zones outermost first, so that a nested zone is drawn on top of its parent. */
function byDepth<T extends {id: string; parent?: string}>(zones: T[]): T[] {
  const parent = new Map(zones.map((zone) => [zone.id, zone.parent]));
  const depth = (id: string): number => {
    const up = parent.get(id);
    return up === undefined ? 0 : 1 + depth(up);
  };
  return zones.map((zone, index) => ({zone, index, depth: depth(zone.id)})).sort((a, b) => a.depth - b.depth || a.index - b.index).map(({zone}) => zone);
}

/**
 * Lays the drawing out. ELK does not hold a zone to its minimum width when it
 * lays out the whole hierarchy at once, so a zone can come out narrower than
 * its label, which then ran past the border. Such a label is wrapped to the
 * width its zone got, and the drawing laid out once more with the taller
 * label (the zone's width comes from what it holds, so it stays).
 */
async function laidOut(model: Ordered): Promise<{laid: Laidout; measures: Measures}> {
  const measures = measureAll(model);
  const laid = await layout(elkGraph(model, measures));
  const room = (zoneId: string) => (laid.nodes.get(zoneId)!.width ?? 0) - 2 * M.ZONE_PAD;
  const narrow = model.zones.filter((zone) => measures.zones.get(zone.id)!.width > room(zone.id));
  if (narrow.length === 0) return {laid, measures};
  const zones = new Map(measures.zones);
  for (const zone of narrow) zones.set(zone.id, measureZoneLabel(zone, room(zone.id)));
  const wrapped = {...measures, zones};
  return {laid: await layout(elkGraph(model, wrapped)), measures: wrapped};
}

/** Throws an Error naming the problem when the input refers to a zone or element it does not declare. */
export async function renderDiagram(input: DiagramInput): Promise<Element> {
  validate(input);
  const model = ordered(input);
  const {laid, measures} = await laidOut(model);
  const ids = diagramIds(input.id);
  const elements = new Map(model.elements.map((element) => [element.id, element]));
  const key = legend(ids, Math.ceil(laid.height), Math.max(Math.ceil(laid.width), M.LEGEND_MIN_WIDTH));
  const width = Math.max(Math.ceil(laid.width), key.width);
  const height = Math.ceil(laid.height) + key.height;
  return s('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    className: ['tm-dfd__svg'],
    role: 'group',
    ariaLabelledBy: `${ids.title} ${ids.desc}`,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
  }, [
    s('title', {id: ids.title}, input.title),
    s('desc', {id: ids.desc}, input.description),
    markerDefs(ids),
    s('g', {className: ['tm-dfd__zones']}, byDepth(model.zones).map((zone) => zoneShape(zone, laid.nodes.get(zone.id)!, measures))),
    s('g', {className: ['tm-dfd__elements']}, model.elements.map((element) => elementShape(element, laid.nodes.get(element.id)!, measures))),
    s('g', {className: ['tm-dfd__flows']}, model.flows.map((flow) => flowShape(flow, laid.edges.get(flow.id)!, measures, elements, ids))),
    key.element,
  ]);
}
