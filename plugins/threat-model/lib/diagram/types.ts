/**
 * What the data-flow diagram renderer takes: plain strings only, so that it
 * depends on no reader type and every name reaches the SVG as a text node.
 */
export type DiagramTrust = 'trusted' | 'untrusted';
export type DiagramKind = 'process' | 'data-store' | 'external-entity';

export interface DiagramZone {
  id: string;
  name: string;
  trust: DiagramTrust;
  /** The zone this one sits inside (a nested box). */
  parent?: string;
}

export interface DiagramElement {
  id: string;
  name: string;
  kind: DiagramKind;
  zone: string;
}

export interface DiagramFlow {
  id: string;
  from: string;
  to: string;
  data: string;
  crossesBoundary: boolean;
  /** IDs of the threats that name this flow, shown in its label. */
  threats: string[];
}

export interface DiagramInput {
  /** Use case id: prefixes every id in the SVG, so that two diagrams can share a page. */
  id: string;
  /** The SVG's `<title>`. */
  title: string;
  /** The SVG's `<desc>`. */
  description: string;
  zones: DiagramZone[];
  elements: DiagramElement[];
  flows: DiagramFlow[];
}
