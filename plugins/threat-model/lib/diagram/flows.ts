/**
 * Flows: each is a link to its row in the flow table (`#SRV-F1`, which lists
 * its threats), named by a `<title>` that says what the line shows, so that
 * keyboard and screen-reader users get the same facts as the drawing. A
 * boundary-crossing flow is dashed, thicker, starts with a diamond and has a
 * bold, framed label: never colour alone.
 */
import type {Element} from 'hast';
import {s} from 'hastscript';
import type {ElkExtendedEdge} from 'elkjs/lib/elk-api';
import type {Measures} from './graph';
import type {DiagramIds} from './ids';
import * as M from './metrics';
import {textLines} from './text-lines';
import type {DiagramElement, DiagramFlow} from './types';

/** "SRV-F1: Client to Reverse proxy, HTTP requests; crosses a trust boundary; threats SRV-01, SRV-04". */
export function flowName(flow: DiagramFlow, elements: ReadonlyMap<string, DiagramElement>): string {
  const from = elements.get(flow.from)!.name;
  const to = elements.get(flow.to)!.name;
  const boundary = flow.crossesBoundary ? '; crosses a trust boundary' : '';
  const threats = flow.threats.length > 0 ? `threats ${flow.threats.join(', ')}` : 'no threats';
  return `${flow.id}: ${from} to ${to}, ${flow.data}${boundary}; ${threats}`;
}

/** The line through ELK's start, bend and end points. */
function pathOf(edge: ElkExtendedEdge): string {
  return (edge.sections ?? [])
    .map((section) => {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${M.round(point.x)},${M.round(point.y)}`).join('');
    })
    .join('');
}

function label(flow: DiagramFlow, edge: ElkExtendedEdge, measures: Measures): Element[] {
  const placed = edge.labels?.[0];
  const box = measures.flows.get(flow.id)!;
  if (!placed) return [];
  const x = M.round(placed.x ?? 0);
  const y = M.round(placed.y ?? 0);
  return [
    s('rect', {x, y, width: box.width, height: box.height, rx: 3, className: ['tm-dfd__flow-label-box']}),
    ...textLines({
      lines: box.lines,
      x: x + box.width / 2,
      top: y + M.FLOW_LABEL_PAD_Y,
      lineHeight: M.SMALL_LINE_HEIGHT,
      fontSize: M.SMALL_FONT_SIZE,
      anchor: 'middle',
      className: 'tm-dfd__flow-label',
    }),
  ];
}

export function flowShape(
  flow: DiagramFlow,
  edge: ElkExtendedEdge,
  measures: Measures,
  elements: ReadonlyMap<string, DiagramElement>,
  ids: DiagramIds,
): Element {
  const d = pathOf(edge);
  const boundary = flow.crossesBoundary;
  return s('a', {href: `#${flow.id}`, className: ['tm-dfd__flow', boundary ? 'tm-dfd__flow--boundary' : 'tm-dfd__flow--internal']}, [
    s('title', flowName(flow, elements)),
    // A wide, invisible copy of the line: an easier target for the pointer.
    s('path', {d, className: ['tm-dfd__flow-hit']}),
    s('path', {
      d,
      className: ['tm-dfd__flow-line'],
      markerEnd: `url(#${boundary ? ids.boundaryArrow : ids.arrow})`,
      ...(boundary ? {markerStart: `url(#${ids.boundaryStart})`} : {}),
    }),
    ...label(flow, edge, measures),
  ]);
}
