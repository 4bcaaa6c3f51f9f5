/**
 * The key under the drawing: one sample of each shape and line, drawn with
 * the same classes as the diagram, so it reads the same in both colour modes.
 * Items flow into as many rows as the drawing's width needs.
 */
import type {Element} from 'hast';
import {s} from 'hastscript';
import type {DiagramIds} from './ids';
import * as M from './metrics';
import {textWidth} from './text';
import {textLines} from './text-lines';

const SYMBOL_WIDTH = 30;
const SYMBOL_HEIGHT = 16;
const GAP = 6;
const ITEM_GAP = 20;
const ROW_HEIGHT = 26;

type Sample = (x: number, y: number, ids: DiagramIds) => Element;

const rect = (x: number, y: number, rx: number, className: string) =>
  s('rect', {x, y, width: SYMBOL_WIDTH, height: SYMBOL_HEIGHT, rx, className: [className]});

const line = (x: number, y: number, ids: DiagramIds, boundary: boolean) =>
  s('g', {className: ['tm-dfd__flow', boundary ? 'tm-dfd__flow--boundary' : 'tm-dfd__flow--internal']}, [
    s('path', {
      d: `M${x},${y + SYMBOL_HEIGHT / 2}H${x + SYMBOL_WIDTH}`,
      className: ['tm-dfd__flow-line'],
      markerEnd: `url(#${boundary ? ids.boundaryArrow : ids.arrow})`,
      ...(boundary ? {markerStart: `url(#${ids.boundaryStart})`} : {}),
    }),
  ]);

const ITEMS: [string, Sample][] = [
  ['Process', (x, y) => s('g', {className: ['tm-dfd__element', 'tm-dfd__element--process']}, [rect(x, y, 6, 'tm-dfd__element-shape')])],
  ['Data store', (x, y) => s('g', {className: ['tm-dfd__element', 'tm-dfd__element--data-store']}, [
    s('path', {d: `M${x},${y}H${x + SYMBOL_WIDTH}M${x},${y + SYMBOL_HEIGHT}H${x + SYMBOL_WIDTH}`, className: ['tm-dfd__element-line']}),
  ])],
  ['External entity', (x, y) => s('g', {className: ['tm-dfd__element', 'tm-dfd__element--external-entity']}, [rect(x, y, 0, 'tm-dfd__element-shape')])],
  ['Trusted zone', (x, y) => s('g', {className: ['tm-dfd__zone', 'tm-dfd__zone--trusted']}, [rect(x, y, 3, 'tm-dfd__zone-box')])],
  ['Untrusted zone', (x, y) => s('g', {className: ['tm-dfd__zone', 'tm-dfd__zone--untrusted']}, [rect(x, y, 3, 'tm-dfd__zone-box')])],
  ['Data flow', (x, y, ids) => line(x, y, ids, false)],
  ['Crosses a trust boundary', (x, y, ids) => line(x, y, ids, true)],
];

const itemWidth = (text: string) => SYMBOL_WIDTH + GAP + Math.ceil(textWidth(text, M.SMALL_FONT_SIZE));

/** The legend's rows for a drawing `width` px wide, starting at `top`. */
export function legend(ids: DiagramIds, top: number, width: number): {element: Element; width: number; height: number} {
  const children: Element[] = [];
  let x = M.MARGIN;
  let y = top;
  let widest = 0;
  for (const [text, sample] of ITEMS) {
    if (x > M.MARGIN && x + itemWidth(text) > width - M.MARGIN) {
      x = M.MARGIN;
      y += ROW_HEIGHT;
    }
    children.push(sample(x, y + (ROW_HEIGHT - SYMBOL_HEIGHT) / 2, ids));
    children.push(...textLines({lines: [text], x: x + SYMBOL_WIDTH + GAP, top: y, lineHeight: ROW_HEIGHT, fontSize: M.SMALL_FONT_SIZE, anchor: 'start', className: 'tm-dfd__legend-label'}));
    widest = Math.max(widest, x + itemWidth(text) + M.MARGIN);
    x += itemWidth(text) + ITEM_GAP;
  }
  return {element: s('g', {className: ['tm-dfd__legend']}, children), width: widest, height: y + ROW_HEIGHT + M.MARGIN - top};
}
