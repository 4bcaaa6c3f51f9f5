/**
 * The page's `## Data flows`: the prose stays as written; the three tables
 * the reader marked are replaced by the diagram's slot, a flow table (each
 * row `id="SRV-F1"`, with the threats that name the flow) and one table of
 * the zones and their elements (rows `id="SRV-Z1"`, `id="SRV-E3"`). All of
 * it is static HTML: the page needs no script to show where data moves.
 * The threats' `Flows` field links to those rows (`flowsField`).
 */
import type {PhrasingContent, Root, RootContent} from 'mdast';
import type {DataFlow, DataFlows, ElementKind, FlowElement, Threat, ThreatModel, TrustZone} from '../types';
import {el, inlineToMdast, inlineWithoutLinks, joined, link, text, type Block} from './mdast';

/** How the tables name an element's kind. */
export const ELEMENT_KIND_LABELS: Readonly<Record<ElementKind, string>> = {
  'process': 'Process',
  'data-store': 'Data store',
  'external-entity': 'External entity',
};

const code = (value: string): PhrasingContent => ({type: 'inlineCode', value});

/** A link to a row of the page's data-flow tables, showing what the row names (links inside it become text). */
function rowLink(id: string, shown: PhrasingContent[]): PhrasingContent {
  return link(`#${id}`, shown);
}

function elementLink(id: string, elements: ReadonlyMap<string, FlowElement>): PhrasingContent {
  const element = elements.get(id);
  return rowLink(id, element ? inlineWithoutLinks(element.name) : [text(id)]);
}

function zoneLink(id: string, zones: ReadonlyMap<string, TrustZone>): PhrasingContent {
  const zone = zones.get(id);
  return rowLink(id, zone ? inlineWithoutLinks(zone.name) : [text(id)]);
}

function cell(children: unknown[], className?: string): Block {
  return el('td', className, children);
}

function headerRow(names: string[]): Block {
  return el('thead', undefined, [el('tr', undefined, names.map((n) => el('th', undefined, [text(n)])))]);
}

/** The threats of the model whose `Flows` names `id`, in page order. */
function threatsNaming(id: string, threats: readonly Threat[]): Threat[] {
  return threats.filter((t) => t.flows.includes(id));
}

/** Flow, From, To, Data, Boundary, Threats: one row per flow, its `id` the flow's. */
export function flowTable(dataFlows: DataFlows, threats: readonly Threat[]): Block {
  const elements = new Map(dataFlows.elements.map((e) => [e.id, e]));
  const row = (flow: DataFlow) => {
    const naming = threatsNaming(flow.id, threats);
    return el('tr', flow.crossesBoundary ? 'tm-dfd-table__boundary' : undefined, [
      cell([code(flow.id)]),
      cell([elementLink(flow.from, elements)]),
      cell([elementLink(flow.to, elements)]),
      cell(inlineToMdast(flow.data)),
      cell([text(flow.crossesBoundary ? 'Yes' : 'No')], `tm-dfd-table__crosses tm-dfd-table__crosses--${flow.crossesBoundary ? 'yes' : 'no'}`),
      cell(naming.length > 0 ? joined(naming.map((t) => link(`#${t.id}`, [text(t.id)])), () => text(', ')) : [text('None')]),
    ], {id: flow.id});
  };
  return el('table', 'tm-dfd-table tm-dfd-table--flows', [
    headerRow(['Flow', 'From', 'To', 'Data', 'Boundary', 'Threats']),
    el('tbody', undefined, dataFlows.flows.map(row)),
  ], {ariaLabel: 'Data flows'});
}

/**
 * ID, Name, Kind, Zone, Trust: each zone (its row `id` the zone's; its
 * Zone cell is the zone it is inside), then the elements in it (their rows
 * `id` the element's), in the order written.
 */
export function zoneTable(dataFlows: DataFlows): Block {
  const zones = new Map(dataFlows.zones.map((z) => [z.id, z]));
  const zoneRow = (zone: TrustZone) =>
    el('tr', 'tm-dfd-table__zone', [
      cell([code(zone.id)]),
      cell(inlineToMdast(zone.name)),
      cell([text('Trust zone')]),
      cell(zone.parent ? [zoneLink(zone.parent, zones)] : []),
      cell([text(zone.trust === 'trusted' ? 'Trusted' : 'Untrusted')], `tm-dfd-table__trust--${zone.trust}`),
    ], {id: zone.id});
  const elementRow = (element: FlowElement) => {
    const zone = zones.get(element.zone);
    return el('tr', undefined, [
      cell([code(element.id)]),
      cell(inlineToMdast(element.name)),
      cell([text(ELEMENT_KIND_LABELS[element.kind])]),
      cell([zoneLink(element.zone, zones)]),
      cell(zone ? [text(zone.trust === 'trusted' ? 'Trusted' : 'Untrusted')] : [], zone ? `tm-dfd-table__trust--${zone.trust}` : undefined),
    ], {id: element.id});
  };
  const placed = new Set(dataFlows.zones.map((z) => z.id));
  const rows = [
    ...dataFlows.zones.flatMap((zone) => [zoneRow(zone), ...dataFlows.elements.filter((e) => e.zone === zone.id).map(elementRow)]),
    ...dataFlows.elements.filter((e) => !placed.has(e.zone)).map(elementRow),
  ];
  return el('table', 'tm-dfd-table tm-dfd-table--zones', [
    headerRow(['ID', 'Name', 'Kind', 'Zone', 'Trust']),
    el('tbody', undefined, rows),
  ], {ariaLabel: 'Trust zones and their elements'});
}

/**
 * What replaces the section's tables: the diagram, when given (a
 * `<figure class="tm-dfd">` from `lib/diagram/`), then the flow table and
 * the zone table.
 */
export function dataFlowsSection(model: ThreatModel, figure?: unknown): unknown[] {
  if (!model.dataFlows) return [];
  return [...(figure ? [figure] : []), flowTable(model.dataFlows, model.threats), zoneTable(model.dataFlows)];
}

/**
 * Puts `dataFlowsSection` where the first table the reader marked was and
 * drops the others; the paragraphs of the section stay where they were
 * written. Returns whether the page has the section.
 */
export function insertDataFlows(tree: Root, model: ThreatModel, figure?: unknown): boolean {
  if (!model.dataFlows) return false;
  const marked = (node: RootContent) => node.type === 'table' && node.data?.threatModel?.dataFlowTable !== undefined;
  const first = tree.children.findIndex(marked);
  if (first === -1) return false;
  const section = dataFlowsSection(model, figure) as RootContent[];
  tree.children = tree.children.flatMap((node, i) => (i === first ? section : marked(node) ? [] : [node]));
  return true;
}

/**
 * The threat's `Flows` field: each ID a link to its row, showing the
 * element's name, or a flow's ends (`Archive → The tool`).
 */
export function flowsField(threat: Threat, dataFlows: DataFlows | undefined): unknown[] {
  const elements = new Map((dataFlows?.elements ?? []).map((e) => [e.id, e]));
  const flows = new Map((dataFlows?.flows ?? []).map((f) => [f.id, f]));
  const name = (e: string) => {
    const element = elements.get(e);
    return element ? inlineWithoutLinks(element.name) : [text(e)];
  };
  return joined(threat.flows.map((id) => {
    const flow = flows.get(id);
    const shown = flow ? [...name(flow.from), text(' → '), ...name(flow.to)] : elements.has(id) ? name(id) : [];
    return rowLink(id, [code(id), ...(shown.length > 0 ? [text(' '), ...shown] : [])]);
  }), () => text(', '));
}
