/**
 * A model's diagram as SVG markup, for the page's data module: the theme
 * component `ThreatModelDiagram` puts it in the page, so the static HTML
 * holds the drawing and the page needs no diagram code in the browser.
 *
 * The markup is serialized from the hast that `renderDiagram` builds, where
 * every name and datum from the file is a text node: `hast-util-to-html`
 * escapes them, so no file can add markup to the drawing. The same input
 * gives the same markup, so it is kept per input: a change to another file
 * does not lay this diagram out again.
 */
import {toHtml} from 'hast-util-to-html';
import type {ThreatModel} from '../types';
import {diagramInput, threatsByFlow} from './adapter';
import {renderDiagram} from './index';

const drawn = new Map<string, Promise<string>>();

/** The SVG of the model's `## Data flows`, or undefined when it has none. */
export function diagramMarkup(model: ThreatModel): Promise<string> | undefined {
  if (!model.dataFlows) return undefined;
  const input = diagramInput({...model, dataFlows: model.dataFlows}, threatsByFlow(model));
  const key = JSON.stringify(input);
  let markup = drawn.get(key);
  if (!markup) {
    markup = renderDiagram(input).then((svg) => toHtml(svg, {space: 'svg'}));
    // A failed drawing is not kept: the next load tries again and reports it again.
    markup.catch(() => drawn.delete(key));
    drawn.set(key, markup);
  }
  return markup;
}
