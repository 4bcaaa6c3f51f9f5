/**
 * The data-flow diagram of a threat model as an inline SVG (a hast element),
 * rendered at build time: ELK lays out the zones, elements and flows, and
 * hastscript builds the SVG, with every name from the file as a text node.
 * The same input always gives the same SVG, byte for byte.
 */
import type {Element} from 'hast';
import {s} from 'hastscript';
import {elkGraph, measureAll} from './graph';
import {diagramIds} from './ids';
import {layout} from './layout';
import {legend} from './legend';
import {markerDefs} from './markers';
import * as M from './metrics';
import {ordered} from './order';
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

/** Throws an Error naming the problem when the input refers to a zone or element it does not declare. */
export async function renderDiagram(input: DiagramInput): Promise<Element> {
  validate(input);
  const model = ordered(input);
  const measures = measureAll(model);
  const laid = await layout(elkGraph(model, measures));
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
