/**
 * Tells Docusaurus's broken-anchor check about anchors that the page holds
 * on elements it does not see: the `id`s of the data-flow table rows
 * (`#SRV-F1`, `#SRV-E3`, `#SRV-Z1`), which the Flows fields and the diagram
 * link to. Docusaurus collects anchors only from headings and links; the
 * plugin's own check has already made sure each of these rows exists.
 * Renders nothing.
 */
import type {ReactNode} from 'react';
import useBrokenLinks from '@docusaurus/useBrokenLinks';

export interface Props {
  /** The row IDs, separated by spaces. */
  ids: string;
}

export default function ThreatModelAnchors({ids}: Props): ReactNode {
  const brokenLinks = useBrokenLinks();
  for (const id of ids.split(' ').filter(Boolean)) brokenLinks.collectAnchor(id);
  return null;
}
