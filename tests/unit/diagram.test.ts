/**
 * The data-flow diagram renderer (lib/diagram/). Each folder in
 * `tests/fixtures/diagram/` holds an `input.json` and the exact SVG it
 * renders to, `output.svg`; run with `UPDATE=1` to rewrite those. The other
 * tests pin what the SVG must do whatever the layout: shapes by kind, links
 * and names per flow, escaped text, prefixed ids, one output per input, and
 * a clear error for an input that refers to what it does not declare.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import type {Element, ElementContent, Root} from 'hast';
import {toHtml} from 'hast-util-to-html';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {diagramInput, flowName, renderDiagram, threatsByFlow, type DiagramInput} from '../../plugins/threat-model/lib/diagram/index';
import {plainText} from '../../plugins/threat-model/lib/diagram/adapter';
import {parseThreatModel} from '../../plugins/threat-model/lib/parse';
import fixtureConfig from '../fixtures/threat-model.config';
import {flowLabelLines} from '../../plugins/threat-model/lib/diagram/measure';
import {compareIds} from '../../plugins/threat-model/lib/diagram/order';
import {textWidth, wrap} from '../../plugins/threat-model/lib/diagram/text';

const root = path.join(__dirname, '..', 'fixtures', 'diagram');
const update = Boolean(process.env.UPDATE);
const cases = fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, 'input.json'))).sort();
const css = fs.readFileSync(path.join(__dirname, '..', '..', 'plugins', 'threat-model', 'css', 'diagram.css'), 'utf8');

function input(name: string): DiagramInput {
  return JSON.parse(fs.readFileSync(path.join(root, name, 'input.json'), 'utf8')) as DiagramInput;
}

/** Every element of the tree, in document order. */
function elements(node: Element | Root): Element[] {
  const found: Element[] = [];
  const walk = (children: (ElementContent | Root['children'][number])[]) => {
    for (const child of children) {
      if (child.type !== 'element') continue;
      found.push(child);
      walk(child.children);
    }
  };
  if (node.type === 'element') found.push(node);
  walk(node.children);
  return found;
}

const classes = (element: Element): string[] => (element.properties.className as string[] | undefined) ?? [];
const hasClass = (name: string) => (element: Element) => classes(element).includes(name);
interface Rect {x: number; y: number; width: number; height: number}
const rectOf = (element: Element) => element.properties as unknown as Rect;
const text = (element: Element): string =>
  element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : '')).join('');
/** A zone's label as one string: a label wider than its zone is drawn as several lines. */
const zoneLabelOf = (zone: Element): string => elements(zone).filter(hasClass('tm-dfd__zone-label')).map(text).join(' ');

/** A copy of the input with every list reversed: the output must not depend on the file's order. */
function reversed(value: DiagramInput): DiagramInput {
  return {
    ...value,
    zones: [...value.zones].reverse(),
    elements: [...value.elements].reverse(),
    flows: [...value.flows].reverse().map((flow) => ({...flow, threats: [...flow.threats].reverse()})),
  };
}

test('diagram fixtures', async (t) => {
  await t.test('should have the cases the renderer is pinned by', () => {
    assert.deepEqual(cases, ['hostile', 'kinds', 'large', 'server']);
  });
  for (const name of cases) {
    await t.test(`should render ${name}/input.json to ${name}/output.svg`, async () => {
      const svg = `${toHtml(await renderDiagram(input(name)))}\n`;
      const file = path.join(root, name, 'output.svg');
      if (update) fs.writeFileSync(file, svg);
      assert.equal(svg, fs.readFileSync(file, 'utf8'));
    });
  }
});

test('renderDiagram', async (t) => {
  await t.test('should give the same bytes for the same model, whatever order the file lists things in', async () => {
    for (const name of cases) {
      const first = toHtml(await renderDiagram(input(name)));
      assert.equal(toHtml(await renderDiagram(input(name))), first, name);
      assert.equal(toHtml(await renderDiagram(reversed(input(name)))), first, `${name}, reversed`);
    }
  });

  await t.test('should not depend on what the same process rendered before', () => {
    // A fresh process renders only `server`; here it comes after the other cases.
    const script = `const {renderDiagram} = require('./plugins/threat-model/lib/diagram/index');
      renderDiagram(require('./tests/fixtures/diagram/server/input.json')).then(async (svg) => process.stdout.write((await import('hast-util-to-html')).toHtml(svg)));`;
    const alone = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {cwd: path.join(__dirname, '..', '..'), encoding: 'utf8'});
    assert.equal(`${alone}\n`, fs.readFileSync(path.join(root, 'server', 'output.svg'), 'utf8'));
  });

  await t.test('should be an accessible, sized SVG named by its title and description', async () => {
    const svg = await renderDiagram(input('server'));
    assert.equal(svg.tagName, 'svg');
    assert.deepEqual(classes(svg), ['tm-dfd__svg']);
    // `group`, not `img`: an image's children are hidden from assistive
    // technology, and the flows inside are links.
    assert.equal(svg.properties.role, 'group');
    assert.deepEqual(svg.properties.ariaLabelledBy, ['server-dfd-title', 'server-dfd-desc']);
    const [title, desc] = svg.children as Element[];
    assert.deepEqual([title!.tagName, title!.properties.id, text(title!)], ['title', 'server-dfd-title', 'Data flows of the Server threat model']);
    assert.deepEqual([desc!.tagName, desc!.properties.id], ['desc', 'server-dfd-desc']);
    assert.match(text(desc!), /^Clients on the internet send requests/);
    const {width, height} = svg.properties as {width: number; height: number};
    assert.ok(Number.isInteger(width) && Number.isInteger(height) && width > 300 && height > 100, `${width} x ${height}`);
    assert.equal(svg.properties.viewBox, `0 0 ${width} ${height}`);
  });

  await t.test('should draw each kind of element in its own shape', async () => {
    const svg = await renderDiagram(input('kinds'));
    const groups = elements(svg).filter(hasClass('tm-dfd__element')).filter((g) => g.children.some((c) => c.type === 'element' && c.tagName === 'text'));
    const byKind = new Map(groups.map((g) => [classes(g)[1], g]));
    const shapes = (kind: string) => (byKind.get(kind)!.children as Element[]).filter((c) => c.tagName !== 'text');
    const [process] = shapes('tm-dfd__element--process');
    assert.deepEqual([process!.tagName, classes(process!)], ['rect', ['tm-dfd__element-shape']]);
    assert.ok(Number(process!.properties.rx) > 0, 'a process has rounded corners');
    const [entity] = shapes('tm-dfd__element--external-entity');
    assert.deepEqual([entity!.tagName, classes(entity!), entity!.properties.rx], ['rect', ['tm-dfd__element-shape'], undefined]);
    const [fill, lines] = shapes('tm-dfd__element--data-store');
    assert.deepEqual([fill!.tagName, classes(fill!)], ['rect', ['tm-dfd__element-fill']]);
    // Two horizontal lines, top and bottom; no sides.
    assert.match(String(lines!.properties.d), /^M[\d.]+,[\d.]+H[\d.]+M[\d.]+,[\d.]+H[\d.]+$/);
    assert.match(css, /\.tm-dfd__element--external-entity \.tm-dfd__element-shape \{ stroke-width: 3\.5; \}/);
    assert.match(css, /\.tm-dfd__element-fill \{ stroke: none; \}/);
    assert.deepEqual(groups.map((g) => text(g)), ['UserK-E1', 'ServiceK-E2', 'FilesK-E3']);
  });

  await t.test('should nest zones and say their trust in words as well as by a dashed border', async () => {
    const svg = await renderDiagram(input('server'));
    const zones = elements(svg).filter(hasClass('tm-dfd__zone')).filter((g) => text(g) !== '' && !hasClass('tm-dfd__legend')(g));
    const labels = zones.map((zone) => [classes(zone)[1], zoneLabelOf(zone)]);
    // Outer zones first, so that a nested zone is drawn over its parent.
    assert.deepEqual(labels.slice(0, 3), [
      ['tm-dfd__zone--untrusted', 'Internet (untrusted)'],
      ['tm-dfd__zone--trusted', 'Deployment (trusted)'],
      ['tm-dfd__zone--trusted', 'Node.js process (trusted)'],
    ]);
    const box = (label: string) => rectOf(zones.find((zone) => zoneLabelOf(zone) === label)!.children[0] as Element);
    const outer = box('Deployment (trusted)');
    const inner = box('Node.js process (trusted)');
    assert.ok(inner.x > outer.x && inner.y > outer.y && inner.x + inner.width < outer.x + outer.width && inner.y + inner.height < outer.y + outer.height, 'SRV-Z3 inside SRV-Z2');
    // Laid out downwards, as the page scrolls: the client's zone sits above the
    // deployment its requests flow into, and the drawing is taller than wide.
    const internet = box('Internet (untrusted)');
    assert.ok(internet.y + internet.height < outer.y, 'SRV-Z1 above SRV-Z2');
    const [, , width, height] = String(svg.properties.viewBox).split(' ').map(Number);
    assert.ok(height! > width!, `taller than wide: ${width} x ${height}`);
    assert.match(css, /\.tm-dfd__zone--untrusted \.tm-dfd__zone-box \{[^}]*stroke-dasharray/);
  });

  await t.test('should draw every flow as a link to its table row, named by a title', async () => {
    for (const name of cases) {
      const model = input(name);
      const svg = await renderDiagram(model);
      const links = elements(svg).filter((element) => element.tagName === 'a');
      const names = new Map(model.elements.map((element) => [element.id, element]));
      const expected = [...model.flows].sort((a, b) => compareIds(a.id, b.id));
      assert.deepEqual(links.map((a) => a.properties.href), expected.map((flow) => `#${flow.id}`), name);
      for (const [index, a] of links.entries()) {
        const first = a.children[0] as Element;
        assert.equal(first.tagName, 'title', `${name}: the title comes first`);
        const flow = expected[index]!;
        assert.equal(text(first), flowName({...flow, threats: [...flow.threats].sort(compareIds)}, names));
      }
    }
    const server = await renderDiagram(input('server'));
    const first = elements(server).find((element) => element.tagName === 'a')!;
    assert.equal(
      text(first.children[0] as Element),
      'SRV-F1: Client to Reverse proxy, HTTP requests: request line, headers, body; crosses a trust boundary; threats SRV-01, SRV-04',
    );
    const f4 = elements(server).find((element) => element.properties.href === '#SRV-F4')!;
    assert.equal(text(f4.children[0] as Element), 'SRV-F4: node:http parser to Application code, Parsed requests; no threats');
  });

  await t.test('should mark boundary-crossing flows by line, marker and label, not colour alone', async () => {
    const svg = await renderDiagram(input('server'));
    const links = elements(svg).filter((element) => element.tagName === 'a');
    const line = (a: Element) => elements(a).find(hasClass('tm-dfd__flow-line'))!;
    const boundary = links.filter(hasClass('tm-dfd__flow--boundary'));
    assert.deepEqual(boundary.map((a) => a.properties.href), ['#SRV-F1', '#SRV-F5']);
    for (const a of boundary) {
      assert.equal(line(a).properties.markerStart, 'url(#server-dfd-boundary-start)');
      assert.equal(line(a).properties.markerEnd, 'url(#server-dfd-arrow-boundary)');
    }
    for (const a of links.filter(hasClass('tm-dfd__flow--internal'))) {
      assert.equal(line(a).properties.markerStart, undefined);
      assert.equal(line(a).properties.markerEnd, 'url(#server-dfd-arrow)');
    }
    assert.match(css, /\.tm-dfd__flow--boundary \.tm-dfd__flow-line \{[^}]*stroke-width: 3;[^}]*stroke-dasharray/);
    assert.match(css, /\.tm-dfd__flow--boundary \.tm-dfd__flow-label \{ font-weight: 700; \}/);
    assert.match(css, /a\.tm-dfd__flow:focus-visible/);
    // In forced colours the boundary keeps a colour of its own besides its dashes.
    assert.match(css, /@media \(forced-colors: active\) \{[^@]*--tm-dfd-boundary: LinkText;/);
  });

  await t.test('should label a flow with its ID and its threats, in ID order', async () => {
    const svg = await renderDiagram(input('server'));
    const label = (href: string) =>
      elements(elements(svg).find((element) => element.properties.href === href)!).filter(hasClass('tm-dfd__flow-label')).map(text);
    assert.deepEqual(label('#SRV-F3'), ['SRV-F3 · SRV-06']);
    assert.deepEqual(label('#SRV-F4'), ['SRV-F4']);
    assert.deepEqual(label('#SRV-F1'), ['SRV-F1', 'SRV-01,', 'SRV-04']);
    assert.deepEqual(label('#SRV-F2'), ['SRV-F2', 'SRV-01, SRV-02,', 'SRV-03, SRV-05,', 'SRV-10']);
  });

  await t.test('should put hostile text in as text, escaped in the markup', async () => {
    const model = input('hostile');
    const svg = await renderDiagram(model);
    const html = toHtml(svg);
    // Every `<` of the file's text is escaped, so each tag is the renderer's.
    assert.doesNotMatch(html, /<script|<img|<b |<i>/);
    const tags = html.match(/<[^>]*>/g)!;
    const attributes = tags.flatMap((tag) => [...tag.matchAll(/\s([\w:-]+)="[^"]*"/g)].map((match) => match[1]!));
    assert.ok(attributes.includes('href'));
    assert.deepEqual(attributes.filter((name) => name.startsWith('on')), [], 'no event handler attribute');
    assert.ok(html.includes('&#x3C;script>alert(4)&#x3C;/script>'), 'a name is escaped text');
    assert.ok(html.includes('href="#H-F1&#x22; onfocus=&#x22;alert(6)"'), 'a quote in an ID stays inside the attribute');
    const texts = elements(svg).filter((element) => element.tagName === 'text' || element.tagName === 'title' || element.tagName === 'desc');
    for (const element of texts) assert.ok(element.children.every((child) => child.type === 'text'), `only text inside <${element.tagName}>`);
    const all = [...texts.map(text), ...elements(svg).filter(hasClass('tm-dfd__zone')).map(zoneLabelOf)];
    for (const expected of [model.title, model.description, '<script>alert(4)</script>', 'Tom & Jerry\'s "zone" (trusted)']) {
      assert.ok(all.includes(expected), expected);
    }
  });

  await t.test('should prefix every id with the diagram id, and refer only to its own ids', async () => {
    const ids = new Map<string, string[]>();
    for (const name of cases) {
      const svg = await renderDiagram(input(name));
      const own = elements(svg).flatMap((element) => (element.properties.id === undefined ? [] : [String(element.properties.id)]));
      assert.ok(own.length >= 5);
      assert.deepEqual(own.filter((id) => !id.startsWith(`${input(name).id}-dfd-`)), [], name);
      assert.equal(new Set(own).size, own.length, `${name}: no id twice`);
      const references = [...toHtml(svg).matchAll(/url\(#([^)]+)\)/g)].map((match) => match[1]!);
      assert.ok(references.length > 0);
      assert.deepEqual(references.filter((id) => !own.includes(id)), [], `${name}: markers exist`);
      ids.set(name, own);
    }
    const all = [...ids.values()].flat();
    assert.equal(new Set(all).size, all.length, 'two diagrams on one page share no id');
  });

  await t.test('should draw a key of shapes and lines in words', async () => {
    const svg = await renderDiagram(input('kinds'));
    const legend = elements(svg).find(hasClass('tm-dfd__legend'))!;
    assert.deepEqual(elements(legend).filter(hasClass('tm-dfd__legend-label')).map(text), [
      'Process', 'Data store', 'External entity', 'Trusted zone', 'Untrusted zone', 'Data flow', 'Crosses a trust boundary',
    ]);
    const width = Number(svg.properties.width);
    for (const label of elements(legend).filter((element) => element.tagName === 'text')) {
      assert.ok(Number(label.properties.x) + textWidth(text(label), 12) <= width, `${text(label)} inside the drawing`);
    }
  });

  await t.test('should draw an empty zone, and a flow from an element to itself', async () => {
    const value: DiagramInput = {
      id: 'edge', title: 't', description: 'd',
      zones: [{id: 'Z1', name: 'Busy', trust: 'trusted'}, {id: 'Z2', name: 'Empty', trust: 'untrusted'}],
      elements: [{id: 'E1', name: 'Loop', kind: 'process', zone: 'Z1'}],
      flows: [{id: 'F1', from: 'E1', to: 'E1', data: 'retries', crossesBoundary: false, threats: []}],
    };
    const svg = await renderDiagram(value);
    const html = toHtml(svg);
    assert.doesNotMatch(html, /NaN|undefined/);
    const loop = elements(svg).find(hasClass('tm-dfd__flow-line'))!;
    assert.match(String(loop.properties.d), /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){2,}$/, 'the loop bends');
    const empty = elements(svg).filter(hasClass('tm-dfd__zone')).find((zone) => text(zone) === 'Empty (untrusted)')!;
    assert.ok(rectOf(empty.children[0] as Element).width >= textWidth('Empty (untrusted)', 14, true), 'wide enough for its label');
  });

  await t.test('should wrap a zone label that is wider than its zone, so it stays inside the border', async () => {
    // The zone holds one small element, so ELK makes it narrower than its label.
    const value: DiagramInput = {
      id: 'narrow', title: 't', description: 'd',
      zones: [{id: 'Z1', name: 'Contributions from forks', trust: 'untrusted'}, {id: 'Z2', name: 'Runner', trust: 'trusted'}],
      elements: [{id: 'E1', name: 'PR', kind: 'external-entity', zone: 'Z1'}, {id: 'E2', name: 'Job', kind: 'process', zone: 'Z2'}],
      flows: [{id: 'F1', from: 'E1', to: 'E2', data: 'code', crossesBoundary: true, threats: []}],
    };
    const svg = await renderDiagram(value);
    const zone = elements(svg).filter(hasClass('tm-dfd__zone')).find((g) => zoneLabelOf(g).startsWith('Contributions'))!;
    const box = rectOf(zone.children[0] as Element);
    const lines = elements(zone).filter(hasClass('tm-dfd__zone-label'));
    assert.ok(lines.length > 1, `wrapped: ${JSON.stringify(lines.map(text))}`);
    assert.equal(zoneLabelOf(zone), 'Contributions from forks (untrusted)');
    for (const line of lines) {
      assert.ok(Number(line.properties.x) + textWidth(text(line), 14, true) <= box.x + box.width, `"${text(line)}" inside a zone ${box.width} px wide`);
    }
    const element = elements(svg).filter(hasClass('tm-dfd__element')).find((g) => text(g).startsWith('PR'))!;
    const labelBottom = Math.max(...lines.map((line) => Number(line.properties.y)));
    assert.ok(labelBottom < rectOf(elements(element).find((e) => e.tagName === 'rect')!).y, 'the label stays above what the zone holds');
  });

  await t.test('should lay the key of a small drawing out in a few rows', async () => {
    const svg = await renderDiagram({...input('kinds'), zones: [{id: 'K-Z1', name: 'Z', trust: 'trusted'}], elements: [{id: 'K-E1', name: 'P', kind: 'process', zone: 'K-Z1'}], flows: []});
    const rows = new Set(elements(elements(svg).find(hasClass('tm-dfd__legend'))!).filter(hasClass('tm-dfd__legend-label')).map((label) => label.properties.y));
    assert.ok(rows.size <= 3, `${rows.size} rows, one per item without a minimum width`);
  });

  await t.test('should keep every box inside the drawing, and every element inside its zone', async () => {
    for (const name of cases) {
      const model = input(name);
      const svg = await renderDiagram(model);
      const width = Number(svg.properties.width);
      const height = Number(svg.properties.height);
      for (const rect of elements(svg).filter((element) => element.tagName === 'rect' && element.properties.x !== undefined)) {
        const {x, y, width: w, height: h} = rectOf(rect);
        assert.ok(x >= 0 && y >= 0 && x + w <= width && y + h <= height, `${name}: ${JSON.stringify(rect.properties)}`);
      }
    }
  });
});

test('renderDiagram refuses an input that refers to what it does not declare', async (t) => {
  const base = input('kinds');
  const cases: [string, DiagramInput, string][] = [
    ['a flow to an unknown element', {...base, flows: [...base.flows, {id: 'K-F3', from: 'K-E2', to: 'K-E9', data: 'x', crossesBoundary: false, threats: []}]},
      'Data-flow diagram "kinds": flow K-F3 goes to K-E9, which is not a declared element'],
    ['a flow from an unknown element', {...base, flows: [{id: 'K-F3', from: 'K-E0', to: 'K-E2', data: 'x', crossesBoundary: false, threats: []}]},
      'Data-flow diagram "kinds": flow K-F3 goes from K-E0, which is not a declared element'],
    ['an element in an unknown zone', {...base, elements: [...base.elements, {id: 'K-E4', name: 'x', kind: 'process', zone: 'K-Z7'}]},
      'Data-flow diagram "kinds": element K-E4 is in zone K-Z7, which is not a declared zone'],
    ['a zone inside an unknown zone', {...base, zones: [...base.zones, {id: 'K-Z3', name: 'x', trust: 'trusted', parent: 'K-Z9'}]},
      'Data-flow diagram "kinds": zone K-Z3 is inside K-Z9, which is not a declared zone'],
    ['zones inside one another', {...base, zones: [{id: 'K-Z1', name: 'a', trust: 'untrusted', parent: 'K-Z2'}, {id: 'K-Z2', name: 'b', trust: 'trusted', parent: 'K-Z1'}]},
      'Data-flow diagram "kinds": the zones inside one another form a cycle: K-Z1 in K-Z2 in K-Z1'],
    ['an ID declared twice', {...base, elements: [...base.elements, {id: 'K-E1', name: 'again', kind: 'process', zone: 'K-Z2'}]},
      'Data-flow diagram "kinds": the ID K-E1 is declared twice'],
    ['an id unfit for SVG ids', {...base, id: 'a b"'},
      'Data-flow diagram "a b"": the id must be letters, digits, "-" or "_", starting with a letter'],
  ];
  for (const [what, value, message] of cases) {
    await t.test(`should throw for ${what}`, async () => {
      await assert.rejects(renderDiagram(value), (error: unknown) => error instanceof Error && error.message === message);
    });
  }
});

test('diagram text measurement', async (t) => {
  await t.test('should estimate wider text for more, wider and bold characters', () => {
    assert.equal(textWidth('', 14), 0);
    assert.ok(textWidth('iiii', 14) < textWidth('mmmm', 14));
    assert.ok(textWidth('Reverse proxy', 14) < textWidth('Reverse proxy', 14, true));
    assert.equal(Math.round(textWidth('Client', 14)), 40);
  });

  await t.test('should wrap at word breaks and keep a long word whole', () => {
    assert.deepEqual(wrap('Environment and NODE_OPTIONS', 170, 14), ['Environment and', 'NODE_OPTIONS']);
    assert.deepEqual(wrap('a verylongidentifierthatdoesnotfit b', 60, 14), ['a', 'verylongidentifierthatdoesnotfit', 'b']);
    assert.deepEqual(wrap('', 100, 14), ['']);
  });

  await t.test('should put a label on one line when it fits, else the flow ID above its threats', () => {
    const flow = {id: 'X-F1', from: 'a', to: 'b', data: '', crossesBoundary: false};
    assert.deepEqual(flowLabelLines({...flow, threats: []}), ['X-F1']);
    assert.deepEqual(flowLabelLines({...flow, threats: ['X-01']}), ['X-F1 · X-01']);
    assert.deepEqual(flowLabelLines({...flow, threats: ['X-01', 'X-02', 'X-03']}), ['X-F1', 'X-01, X-02, X-03']);
    assert.deepEqual(flowLabelLines({...flow, threats: ['X-01', 'X-02', 'X-03', 'X-04', 'X-05']}), ['X-F1', 'X-01, X-02,', 'X-03, X-04, X-05']);
  });

  await t.test('should order IDs by prefix, then by number', () => {
    assert.deepEqual(['S-F10', 'S-F2', 'R-F1', 'S-F1'].sort(compareIds), ['R-F1', 'S-F1', 'S-F2', 'S-F10']);
  });
});

test('diagramInput', async (t) => {
  const file = 'threat-models/tool.md';
  const source = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'shared', file), 'utf8');
  const {model} = parseThreatModel(source, file, loadConfig(fixtureConfig));
  const withFlows = {...model!, dataFlows: model!.dataFlows!};

  await t.test('should list, per flow, the threats that name it in Flows', () => {
    assert.deepEqual([...threatsByFlow(withFlows)], [['TOOL-F2', ['TOOL-01']], ['TOOL-E2', ['TOOL-01']], ['TOOL-F3', ['TOOL-02']]]);
  });

  await t.test('should give the renderer plain text, the trust, nesting and threats of the model', () => {
    const value = diagramInput(withFlows, threatsByFlow(withFlows));
    assert.equal(value.id, 'tool');
    assert.equal(value.title, `Data flows: ${model!.frontMatter.title}`);
    assert.equal(value.description, '3 trust zones, 4 elements and 3 data flows, of which 1 crosses a trust boundary.');
    assert.deepEqual(value.zones, [
      {id: 'TOOL-Z1', name: 'Developer machine', trust: 'trusted'},
      {id: 'TOOL-Z2', name: 'Node.js process', trust: 'trusted', parent: 'TOOL-Z1'},
      {id: 'TOOL-Z3', name: 'Downloaded files', trust: 'untrusted'},
    ]);
    assert.deepEqual(value.elements[1], {id: 'TOOL-E2', name: 'Environment and NODE_OPTIONS', kind: 'data-store', zone: 'TOOL-Z1'});
    assert.deepEqual(value.flows.map((flow) => [flow.id, flow.data, flow.crossesBoundary, flow.threats]), [
      ['TOOL-F1', 'Command-line arguments', false, []],
      ['TOOL-F2', 'NODE_OPTIONS and other variables', false, ['TOOL-01']],
      ['TOOL-F3', 'Entry names and contents', true, ['TOOL-02']],
    ]);
  });

  await t.test('should render the model read from Markdown', async () => {
    const svg = await renderDiagram(diagramInput(withFlows, threatsByFlow(withFlows)));
    assert.deepEqual(elements(svg).filter((element) => element.tagName === 'a').map((a) => a.properties.href), ['#TOOL-F1', '#TOOL-F2', '#TOOL-F3']);
  });

  await t.test('should take the words of code spans and links, without Markdown', () => {
    assert.equal(plainText([{type: 'text', value: 'See '}, {type: 'link', url: 'https://x', children: [{type: 'code', value: 'a<b'}]}, {type: 'text', value: '!'}]), 'See a<b!');
  });
});
