/**
 * Sizes of the diagram in px. The CSS (css/diagram.css) sets the same font
 * sizes, so that the estimated text widths match what the browser draws.
 */
export const FONT_SIZE = 14;
export const SMALL_FONT_SIZE = 12;
export const LINE_HEIGHT = 18;
export const SMALL_LINE_HEIGHT = 16;

/** Element boxes: names wrap at this width; padding around the text. */
export const ELEMENT_TEXT_WIDTH = 170;
export const ELEMENT_MIN_WIDTH = 110;
export const ELEMENT_PAD_X = 14;
export const ELEMENT_PAD_Y = 9;

/** Zone labels sit inside the box's top-left corner, this far below its top. */
export const ZONE_PAD = 14;
export const ZONE_LABEL_TOP = 6;

/** Flow labels: the flow ID, then its threats, wrapped at this width. */
export const FLOW_LABEL_WIDTH = 100;
export const FLOW_LABEL_PAD_X = 5;
export const FLOW_LABEL_PAD_Y = 3;

/** A small drawing is widened to this, so that the key below it takes a few rows, not one per item. */
export const LEGEND_MIN_WIDTH = 480;

/** Margin around the whole drawing. */
export const MARGIN = 8;

/** Coordinates are rounded to a tenth of a pixel: stable text, no float noise. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
