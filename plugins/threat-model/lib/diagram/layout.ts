/**
 * Runs ELK in this thread: the bundled build carries its own worker shim, so
 * no web worker and no native code (the site builds on any Node.js). One
 * instance serves every diagram of a build. ELK's layered algorithm is
 * deterministic for a fixed input (its random seed is fixed), and the input
 * is sorted by ID (order.ts).
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type {ElkExtendedEdge, ElkNode} from 'elkjs/lib/elk-api';

let elk: InstanceType<typeof ELK> | undefined;

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
  elk ??= new ELK();
  const result = await elk.layout(graph);
  const nodes = new Map<string, ElkNode>();
  const edges = new Map<string, ElkExtendedEdge>();
  collect(result, nodes, edges);
  return {width: result.width ?? 0, height: result.height ?? 0, nodes, edges};
}
