/**
 * From the reader's model to the renderer's input: names and data as plain
 * text (code spans without their backticks, links as their text), and each
 * flow's threats. The renderer takes strings only, so it stays independent
 * of how the Markdown is read.
 */
import type {DataFlows, Inline, ThreatModel} from '../types';
import type {DiagramInput} from './types';

/** The words of inline Markdown, without Markdown syntax. */
export function plainText(inline: readonly Inline[]): string {
  return inline.map((item) => (item.type === 'link' ? plainText(item.children) : item.value)).join('');
}

/** ID named in `Flows` (a flow or an element) -> IDs of the model's threats that name it, in the order written. */
export function threatsByFlow(model: Pick<ThreatModel, 'threats'>): Map<string, string[]> {
  const byFlow = new Map<string, string[]>();
  for (const threat of model.threats) {
    for (const id of threat.flows) byFlow.set(id, [...(byFlow.get(id) ?? []), threat.id]);
  }
  return byFlow;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the drawing shows, in one sentence, for the SVG's `<desc>`. */
export function describe(flows: DataFlows): string {
  const crossing = flows.flows.filter((flow) => flow.crossesBoundary).length;
  return `${count(flows.zones.length, 'trust zone', 'trust zones')}, ${count(flows.elements.length, 'element', 'elements')} and ` +
    `${count(flows.flows.length, 'data flow', 'data flows')}, of which ${crossing} ${crossing === 1 ? 'crosses' : 'cross'} a trust boundary.`;
}

/**
 * The diagram of one model's `## Data flows`. `threats` maps a flow ID to
 * the threats that name it (see `threatsByFlow`).
 */
export function diagramInput(
  model: Pick<ThreatModel, 'useCase' | 'frontMatter'> & {dataFlows: DataFlows},
  threats: ReadonlyMap<string, readonly string[]>,
): DiagramInput {
  const {zones, elements, flows} = model.dataFlows;
  return {
    id: model.useCase,
    title: `Data flows: ${model.frontMatter.title}`,
    description: describe(model.dataFlows),
    zones: zones.map((zone) => ({id: zone.id, name: plainText(zone.name), trust: zone.trust, ...(zone.parent === undefined ? {} : {parent: zone.parent})})),
    elements: elements.map((element) => ({id: element.id, name: plainText(element.name), kind: element.kind, zone: element.zone})),
    flows: flows.map((flow) => ({
      id: flow.id,
      from: flow.from,
      to: flow.to,
      data: plainText(flow.data),
      crossesBoundary: flow.crossesBoundary,
      threats: [...(threats.get(flow.id) ?? [])],
    })),
  };
}
