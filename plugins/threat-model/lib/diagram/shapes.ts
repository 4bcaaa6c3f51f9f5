/**
 * Zones and elements, by the usual data-flow diagram conventions: a process
 * is a rounded box, a data store is open at its sides (two horizontal
 * lines), an external entity is a plain box with a heavier border, and a
 * trust zone is a box around what it holds, dashed when untrusted.
 */
import type {Element} from 'hast';
import {s} from 'hastscript';
import type {ElkNode} from 'elkjs/lib/elk-api';
import type {Measures} from './graph';
import * as M from './metrics';
import {textLines} from './text-lines';
import type {DiagramElement, DiagramZone} from './types';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function box(node: ElkNode): Box {
  return {x: M.round(node.x ?? 0), y: M.round(node.y ?? 0), width: M.round(node.width ?? 0), height: M.round(node.height ?? 0)};
}

export function zoneShape(zone: DiagramZone, node: ElkNode, measures: Measures): Element {
  const b = box(node);
  return s('g', {className: ['tm-dfd__zone', `tm-dfd__zone--${zone.trust}`]}, [
    s('rect', {...b, rx: 6, className: ['tm-dfd__zone-box']}),
    ...textLines({
      lines: measures.zones.get(zone.id)!.lines,
      x: b.x + M.ZONE_PAD,
      top: b.y + M.ZONE_LABEL_TOP,
      lineHeight: M.LINE_HEIGHT,
      fontSize: M.FONT_SIZE,
      anchor: 'start',
      className: 'tm-dfd__zone-label',
    }),
  ]);
}

function outline(kind: DiagramElement['kind'], b: Box): Element[] {
  switch (kind) {
    case 'process':
      return [s('rect', {...b, rx: 14, className: ['tm-dfd__element-shape']})];
    case 'external-entity':
      return [s('rect', {...b, className: ['tm-dfd__element-shape']})];
    case 'data-store':
      return [
        s('rect', {...b, className: ['tm-dfd__element-fill']}),
        s('path', {d: `M${b.x},${b.y}H${M.round(b.x + b.width)}M${b.x},${M.round(b.y + b.height)}H${M.round(b.x + b.width)}`, className: ['tm-dfd__element-line']}),
      ];
  }
}

export function elementShape(element: DiagramElement, node: ElkNode, measures: Measures): Element {
  const b = box(node);
  const {lines} = measures.elements.get(element.id)!;
  const centre = b.x + b.width / 2;
  const top = b.y + M.ELEMENT_PAD_Y;
  return s('g', {className: ['tm-dfd__element', `tm-dfd__element--${element.kind}`]}, [
    ...outline(element.kind, b),
    ...textLines({lines, x: centre, top, lineHeight: M.LINE_HEIGHT, fontSize: M.FONT_SIZE, anchor: 'middle', className: 'tm-dfd__element-name'}),
    ...textLines({
      lines: [element.id],
      x: centre,
      top: top + lines.length * M.LINE_HEIGHT,
      lineHeight: M.SMALL_LINE_HEIGHT,
      fontSize: M.SMALL_FONT_SIZE,
      anchor: 'middle',
      className: 'tm-dfd__element-id',
    }),
  ]);
}
