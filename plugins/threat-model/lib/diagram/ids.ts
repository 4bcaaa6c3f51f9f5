/**
 * Ids inside one diagram's SVG. They all start with the use case id, so two
 * diagrams on one page (or a diagram beside the flow table, whose rows are
 * `id="SRV-F1"`) never share an id.
 */
export interface DiagramIds {
  title: string;
  desc: string;
  arrow: string;
  boundaryArrow: string;
  boundaryStart: string;
}

export function diagramIds(id: string): DiagramIds {
  const base = `${id}-dfd`;
  return {
    title: `${base}-title`,
    desc: `${base}-desc`,
    arrow: `${base}-arrow`,
    boundaryArrow: `${base}-arrow-boundary`,
    boundaryStart: `${base}-boundary-start`,
  };
}
