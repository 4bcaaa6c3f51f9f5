/**
 * Runs ELK in this thread: the bundled build carries its own worker shim, so
 * no web worker and no native code (the site builds on any Node.js). One
 * instance serves every diagram of a build. ELK's layered algorithm is
 * deterministic for a fixed input (its random seed is fixed), and the input
 * is sorted by ID (order.ts).
 */
import type {ELK, ElkExtendedEdge, ElkNode} from 'elkjs/lib/elk-api';

/** Loaded on the first diagram: ELK is 1.6 MB of JavaScript, and a build without data flows never needs it. */
let elk: ELK | undefined;

async function instance(): Promise<ELK> {
  if (!elk) {
    const {default: Elk} = await import('elkjs/lib/elk.bundled.js');
    elk = new Elk();
  }
  return elk;
}

export interface Laidout {
  width: number;
  height: number;
  /** Every zone and element by ID, with absolute coordinates. */
  nodes: Map<string, ElkNode>;
  edges: Map<string, ElkExtendedEdge>;
}

/** Nodes and edges at every depth (ELK may hand an edge back inside a zone). */
function collect(node: ElkNode, nodes: Map<string, ElkNode>, edges: Map<string, ElkExtendedEdge>): void {
  for (const edge of node.edges ?? []) edges.set(edge.id, edge);
  for (const child of node.children ?? []) {
    nodes.set(child.id, child);
    collect(child, nodes, edges);
  }
}

export async function layout(graph: ElkNode): Promise<Laidout> {
  const result = await (await instance()).layout(graph);
  const nodes = new Map<string, ElkNode>();
  const edges = new Map<string, ElkExtendedEdge>();
  collect(result, nodes, edges);
  return {width: result.width ?? 0, height: result.height ?? 0, nodes, edges};
}
