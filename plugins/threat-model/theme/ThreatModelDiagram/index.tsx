/**
 * The data-flow diagram of a threat-model page, before its flow table. The
 * plugin draws it at build time from the model the check read (same reader,
 * same IDs) and puts the SVG markup in the page's data module; here it only
 * goes into the page, so the static HTML holds the drawing and no diagram
 * code runs in the browser. The markup is generated, never taken from the
 * file: every name in it is an escaped text node (lib/diagram/markup.ts).
 *
 * The figure scrolls sideways inside itself when the drawing is wider than
 * the page, so a phone shows it at a readable size; the flow table after it
 * says everything the drawing shows.
 */
import type {ReactNode} from 'react';
import type {ThreatModelPageData} from 'docusaurus-plugin-threat-model/client';

export interface Props {
  /** The page's data module. */
  data: ThreatModelPageData;
}

export default function ThreatModelDiagram({data}: Props): ReactNode {
  if (!data.diagram) return null;
  return (
    <figure className="tm-dfd">
      {/* Focusable, so a keyboard can scroll a drawing wider than the page. */}
      <div className="tm-dfd__scroll" tabIndex={0} role="region" aria-label="Data-flow diagram (scrolls sideways)" dangerouslySetInnerHTML={{__html: data.diagram}} />
      <figcaption className="tm-dfd__caption">
        Trust zones are boxes, dashed when untrusted; flows that cross a trust boundary are thick dashed lines. Each flow links to its row in the
        table below, which lists the same flows with their threats.
      </figcaption>
    </figure>
  );
}
