/** Lines of text as SVG `<text>` elements: text nodes only, never markup. */
import type {Element} from 'hast';
import {s} from 'hastscript';
import {round} from './metrics';

export interface LinesAt {
  lines: string[];
  /** Anchor x: the centre for `middle`, the left edge for `start`. */
  x: number;
  /** Top of the first line. */
  top: number;
  lineHeight: number;
  fontSize: number;
  anchor: 'start' | 'middle';
  className: string;
}

/** The baseline of a line sits about 0.35 em below its middle in most fonts. */
function baseline(top: number, index: number, lineHeight: number, fontSize: number): number {
  return top + index * lineHeight + lineHeight / 2 + 0.35 * fontSize;
}

export function textLines(at: LinesAt): Element[] {
  return at.lines.map((line, index) =>
    s('text', {x: round(at.x), y: round(baseline(at.top, index, at.lineHeight, at.fontSize)), textAnchor: at.anchor, className: [at.className]}, line),
  );
}
