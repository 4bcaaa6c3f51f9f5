/**
 * The ELK graph of a diagram: trust zones are compound nodes nested by
 * `parent`, elements are leaf nodes inside their zone, flows are edges with
 * one label each. ELK lays out the whole hierarchy at once
 * (INCLUDE_CHILDREN), so a flow between nested zones is routed too.
 */
import type {ElkExtendedEdge, ElkNode} from 'elkjs/lib/elk-api';
import * as M from './metrics';
import {measureElement, measureFlowLabel, measureZoneLabel, type TextBox} from './measure';
import type {Ordered} from './order';

/** Options of the whole layout: left to right, orthogonal lines, absolute coordinates. */
const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  // Keep the ID order of the file wherever the layout has a free choice.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // A flow back to an earlier element (a response) points left, not the first element right.
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeNode': '16',
  'elk.spacing.edgeEdge': '12',
  'elk.spacing.edgeLabel': '4',
  'elk.layered.spacing.nodeNodeBetweenLayers': '32',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
  'elk.padding': `[top=${M.MARGIN},left=${M.MARGIN},bottom=${M.MARGIN},right=${M.MARGIN}]`,
  // Every coordinate relative to the drawing, not to the enclosing zone.
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
};

const ZONE_OPTIONS: Record<string, string> = {
  'elk.nodeLabels.placement': '[H_LEFT, V_TOP, INSIDE]',
  'elk.nodeSize.constraints': '[NODE_LABELS]',
  'elk.nodeLabels.padding': `[top=${M.ZONE_PAD / 2},left=${M.ZONE_PAD / 2},bottom=0,right=${M.ZONE_PAD / 2}]`,
  'elk.padding': `[top=${M.ZONE_PAD},left=${M.ZONE_PAD},bottom=${M.ZONE_PAD},right=${M.ZONE_PAD}]`,
};

/** What was measured, by ID, for the drawing to use the same lines. */
export interface Measures {
  zones: Map<string, TextBox>;
  elements: Map<string, TextBox>;
  flows: Map<string, TextBox>;
}

export function measureAll(model: Ordered): Measures {
  return {
    zones: new Map(model.zones.map((zone) => [zone.id, measureZoneLabel(zone)])),
    elements: new Map(model.elements.map((element) => [element.id, measureElement(element)])),
    flows: new Map(model.flows.map((flow) => [flow.id, measureFlowLabel(flow)])),
  };
}

function zoneNode(model: Ordered, measures: Measures, zoneId: string): ElkNode {
  const label = measures.zones.get(zoneId)!;
  const zones = model.zones.filter((zone) => zone.parent === zoneId).map((zone) => zoneNode(model, measures, zone.id));
  const elements = model.elements.filter((element) => element.zone === zoneId).map((element) => {
    const box = measures.elements.get(element.id)!;
    return {id: element.id, width: box.width, height: box.height};
  });
  return {
    id: zoneId,
    layoutOptions: ZONE_OPTIONS,
    labels: [{id: `${zoneId}:label`, text: zoneId, width: label.width, height: label.height}],
    children: [...elements, ...zones],
  };
}

function flowEdge(measures: Measures, flow: Ordered['flows'][number]): ElkExtendedEdge {
  const label = measures.flows.get(flow.id)!;
  return {
    id: flow.id,
    sources: [flow.from],
    targets: [flow.to],
    labels: [{id: `${flow.id}:label`, text: flow.id, width: label.width, height: label.height}],
  };
}

export function elkGraph(model: Ordered, measures: Measures): ElkNode {
  return {
    id: 'root',
    layoutOptions: ROOT_OPTIONS,
    children: model.zones.filter((zone) => zone.parent === undefined).map((zone) => zoneNode(model, measures, zone.id)),
    edges: model.flows.map((flow) => flowEdge(measures, flow)),
  };
}
