/**
 * Arrowheads, and the diamond that starts a boundary-crossing flow: with the
 * dashed, thicker line it marks the crossing by shape as well as colour.
 * Sizes are in user units, so the thicker boundary line keeps the same heads.
 */
import type {Element} from 'hast';
import {s} from 'hastscript';
import type {DiagramIds} from './ids';

function marker(id: string, className: string, d: string, refX: number): Element {
  return s('marker', {id, viewBox: '0 0 10 10', refX, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto'}, [
    s('path', {d, className: ['tm-dfd__marker', className]}),
  ]);
}

export function markerDefs(ids: DiagramIds): Element {
  const arrow = 'M0,0 L10,5 L0,10 Z';
  return s('defs', [
    marker(ids.arrow, 'tm-dfd__marker--flow', arrow, 10),
    marker(ids.boundaryArrow, 'tm-dfd__marker--boundary', arrow, 10),
    marker(ids.boundaryStart, 'tm-dfd__marker--boundary', 'M0,5 L5,0 L10,5 L5,10 Z', 0),
  ]);
}
