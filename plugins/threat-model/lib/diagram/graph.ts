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

/**
 * Options of the whole layout: top to bottom, orthogonal lines, absolute
 * coordinates. Top to bottom because a page scrolls down: laid out left to
 * right, the five Node.js models were 1,136 to 1,994 px wide, in a column of
 * about 730 px on a desktop and 358 px on a phone; downwards they are 863 to
 * 1,122 px wide, and untrusted sources sit above what they flow into.
 */
const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  // Keep the ID order of the file wherever the layout has a free choice.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  // Only a cycle (a request and its response) turns a flow back, and then the
  // one against ID order; plain MODEL_ORDER would turn back every flow from a
  // later ID to an earlier one, cycle or not.
  'elk.layered.cycleBreaking.strategy': 'GREEDY_MODEL_ORDER',
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

/**
 * A zone keeps room for its label above what it holds. The label is not an
 * ELK label: ELK would reserve its width on the left of every zone as well,
 * which made each zone as much wider.
 */
function zoneOptions(label: TextBox): Record<string, string> {
  const top = M.ZONE_LABEL_TOP + label.height + M.ZONE_PAD;
  return {
    'elk.padding': `[top=${top},left=${M.ZONE_PAD},bottom=${M.ZONE_PAD},right=${M.ZONE_PAD}]`,
    'elk.nodeSize.constraints': '[MINIMUM_SIZE]',
    'elk.nodeSize.minimum': `(${label.width + 2 * M.ZONE_PAD}, ${top + M.ZONE_PAD})`,
  };
}

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
  return {id: zoneId, layoutOptions: zoneOptions(label), children: [...elements, ...zones]};
}

function flowEdge(measures: Measures, flow: Ordered['flows'][number]): ElkExtendedEdge {
  const label = measures.flows.get(flow.id)!;
  return {
    id: flow.id,
    sources: [flow.from],
    targets: [flow.to],
    // Centre labels become nodes of their own in the layering, so no label covers a box or another label.
    labels: [{id: `${flow.id}:label`, text: flow.id, width: label.width, height: label.height, layoutOptions: {'elk.edgeLabels.placement': 'CENTER'}}],
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
