/**
 * Box sizes of zones, elements and flow labels, from the estimated text
 * widths: ELK places boxes of these sizes and the SVG draws the same lines.
 */
import * as M from './metrics';
import {textWidth, wrap} from './text';
import type {DiagramElement, DiagramFlow, DiagramZone} from './types';

export interface TextBox {
  lines: string[];
  width: number;
  height: number;
}

const widest = (lines: string[], fontSize: number, bold = false) => Math.max(0, ...lines.map((line) => textWidth(line, fontSize, bold)));

/** "Internet (untrusted)": the trust is said in words, not only by the dashed border. */
export function zoneLabel(zone: DiagramZone): string {
  return `${zone.name} (${zone.trust})`;
}

/** The zone's label in lines of at most `maxWidth` px (by default two elements' text wide). */
export function measureZoneLabel(zone: DiagramZone, maxWidth = 2 * M.ELEMENT_TEXT_WIDTH): TextBox {
  const lines = wrap(zoneLabel(zone), maxWidth, M.FONT_SIZE, true);
  return {lines, width: Math.ceil(widest(lines, M.FONT_SIZE, true)), height: lines.length * M.LINE_HEIGHT};
}

/** The name's lines; the element ID goes on one more, smaller line below. */
export function measureElement(element: DiagramElement): TextBox {
  const lines = wrap(element.name, M.ELEMENT_TEXT_WIDTH, M.FONT_SIZE);
  const text = Math.max(widest(lines, M.FONT_SIZE), textWidth(element.id, M.SMALL_FONT_SIZE));
  return {
    lines,
    width: Math.ceil(Math.max(M.ELEMENT_MIN_WIDTH, text + 2 * M.ELEMENT_PAD_X)),
    height: 2 * M.ELEMENT_PAD_Y + lines.length * M.LINE_HEIGHT + M.SMALL_LINE_HEIGHT,
  };
}

/**
 * "SRV-F1 · SRV-01, SRV-04": the flow and the threats that name it, on one
 * line when it fits, else the flow ID above the threats.
 */
export function flowLabelLines(flow: DiagramFlow): string[] {
  const bold = flow.crossesBoundary;
  if (flow.threats.length === 0) return [flow.id];
  const oneLine = `${flow.id} · ${flow.threats.join(', ')}`;
  if (textWidth(oneLine, M.SMALL_FONT_SIZE, bold) <= M.FLOW_LABEL_WIDTH) return [oneLine];
  return [flow.id, ...wrap(flow.threats.join(', '), M.FLOW_LABEL_WIDTH, M.SMALL_FONT_SIZE, bold)];
}

export function measureFlowLabel(flow: DiagramFlow): TextBox {
  const lines = flowLabelLines(flow);
  return {
    lines,
    width: Math.ceil(widest(lines, M.SMALL_FONT_SIZE, flow.crossesBoundary) + 2 * M.FLOW_LABEL_PAD_X),
    height: lines.length * M.SMALL_LINE_HEIGHT + 2 * M.FLOW_LABEL_PAD_Y,
  };
}
