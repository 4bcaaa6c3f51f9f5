/**
 * A fixed order of zones, elements and flows, whatever order the file lists
 * them in, so that the layout (which follows model order) and the SVG are the
 * same for the same model: IDs compare by prefix, then by number, so `F2`
 * comes before `F10`.
 */
import type {DiagramElement, DiagramFlow, DiagramInput, DiagramZone} from './types';

const NUMBERED = /^(.*?)(\d+)$/;

export function compareIds(a: string, b: string): number {
  const ma = NUMBERED.exec(a);
  const mb = NUMBERED.exec(b);
  if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]) || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

const byId = <T extends {id: string}>(items: readonly T[]): T[] => [...items].sort((a, b) => compareIds(a.id, b.id));

export interface Ordered {
  zones: DiagramZone[];
  elements: DiagramElement[];
  flows: DiagramFlow[];
}

/** The input's lists sorted by ID, each flow's threats too. */
export function ordered(input: DiagramInput): Ordered {
  return {
    zones: byId(input.zones),
    elements: byId(input.elements),
    flows: byId(input.flows).map((flow) => ({...flow, threats: [...flow.threats].sort(compareIds)})),
  };
}
