/**
 * The remark plugin, run through unified as Docusaurus runs it (front matter
 * parsed by remark-frontmatter), and the rehype sanitizer on hast trees.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test, {after} from 'node:test';
import {materialise} from './corpus';
import type {Root as HastRoot} from 'hast';
import type {Heading, Link, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import remarkThreatModel, {ThreatModelError} from '../../plugins/threat-model/lib/remark';
import rehypeSanitizeThreatModel from '../../plugins/threat-model/lib/sanitize';

const fixtures = path.join(__dirname, '..', 'fixtures');

/** A rule fixture laid over the shared valid set, in a temporary folder removed after the tests. */
function fixtureSite(name: string): string {
  const dir = materialise(path.join(fixtures, name));
  after(() => fs.rmSync(dir, {recursive: true, force: true}));
  return dir;
}
const config = loadConfig(fixtureConfig);

/** A node of the tree, as loosely as the plugin builds them. */
interface AnyNode {
  type: string;
  value?: string;
  url?: string;
  name?: string;
  attributes?: Array<{name: string; value: string | {value: string}}>;
  depth?: number;
  data?: {hName?: string; hProperties?: Record<string, unknown>};
  children?: AnyNode[];
}

async function transform(siteDir: string, name: string, source?: string): Promise<AnyNode> {
  const {unified} = await import('unified');
  const {default: remarkParse} = await import('remark-parse');
  const {default: remarkFrontmatter} = await import('remark-frontmatter');
  const {default: remarkGfm} = await import('remark-gfm');
  const {VFile} = await import('vfile');
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkGfm)
    .use(remarkThreatModel, {config, siteDir, referencePath: '/reference', pluginId: 'default'});
  const filePath = path.join(siteDir, 'threat-models', name);
  const file = new VFile({path: filePath, value: source ?? fs.readFileSync(filePath, 'utf8')});
  const tree = await processor.run(processor.parse(file), file);
  return tree as unknown as AnyNode;
}

function all(node: AnyNode, test: (node: AnyNode) => boolean, found: AnyNode[] = []): AnyNode[] {
  if (test(node)) found.push(node);
  for (const child of node.children ?? []) all(child, test, found);
  return found;
}

const text = (node: AnyNode) => toString(node as unknown as Root);
const isElement = (tagName: string) => (node: AnyNode) => node.type === 'threatModelElement' && node.data?.hName === tagName;
const classes = (node: AnyNode) => (node.data?.hProperties?.className as string[] | undefined) ?? [];

/** The children of the root between the heading of `id` and the next heading. */
function threatBlock(tree: AnyNode, id: string): AnyNode[] {
  const children = tree.children ?? [];
  const start = children.findIndex((n) => n.type === 'heading' && n.depth === 3 && text(n).includes(`{#${id}}`));
  assert.notEqual(start, -1, `heading of ${id}`);
  const end = children.findIndex((n, i) => i > start && n.type === 'heading');
  return children.slice(start + 1, end === -1 ? undefined : end);
}

/** `dl` rows of a threat as [term, definition node]. */
function rows(tree: AnyNode, id: string): Array<[string, AnyNode]> {
  const dl = threatBlock(tree, id).find(isElement('dl'));
  assert.ok(dl, `field table of ${id}`);
  const items = dl.children ?? [];
  const out: Array<[string, AnyNode]> = [];
  for (let i = 0; i < items.length; i += 2) out.push([text(items[i]!), items[i + 1]!]);
  return out;
}

test('remarkThreatModel', async (t) => {
  const valid = path.join(fixtures, 'shared');
  const tree = await transform(valid, 'web.md');

  await t.test('should replace the field list with a dl of ID, STRIDE, Severity and Responsibility rows', () => {
    const table = rows(tree, 'WEB-01');
    assert.deepEqual(table.map(([term]) => term), ['ID', 'STRIDE', 'Severity', 'Responsibility', 'Mitigations', 'Features', 'Related', 'References']);
    const row = new Map(table);
    assert.deepEqual(row.get('ID')?.children, [{type: 'inlineCode', value: 'WEB-01'}]);
    assert.deepEqual(all(row.get('STRIDE')!, isElement('span')).map(text), ['Tampering', 'Spoofing']);
    assert.deepEqual(classes(all(row.get('Severity')!, isElement('span'))[0]!), ['tm-badge', 'tm-badge--severity', 'tm-badge--severity-high']);
    assert.equal(text(row.get('Responsibility')!), 'Node.js vulnerability A flaw here is a Node.js vulnerability under its security model.');
    assert.equal(text(row.get('Mitigations')!), 'keep Node.js patched; never enable --insecure-http-parser');
    // The field list is gone: no list under the heading still holds `STRIDE:`.
    assert.deepEqual(threatBlock(tree, 'WEB-01').filter((n) => n.type === 'list'), []);
    assert.deepEqual(all(tree, (n) => n.type === 'list' && text(n).includes('STRIDE:')), []);
  });

  await t.test('should render Related IDs with the theme component, which looks up titles and pages at run time', () => {
    const related = new Map(rows(tree, 'WEB-01')).get('Related')!;
    const [element] = related.children ?? [];
    assert.equal(element?.type, 'mdxJsxTextElement');
    assert.equal(element?.name, 'ThreatModelRelated');
    assert.deepEqual(element?.attributes?.map((a) => [a.name, typeof a.value === 'string' ? a.value : (a.value as {value: string}).value]), [['ids', 'TOOL-01'], ['data', 'threatModelData']]);
    // No other file's title is baked into the page: an edit there must not need a recompile here.
    assert.doesNotMatch(JSON.stringify(tree), /NODE_OPTIONS changes what a tool runs/);
  });

  await t.test('should import each theme component it uses once, and the page\'s data module, before the content', () => {
    const imports = (tree.children ?? []).filter((n) => n.type === 'mdxjsEsm');
    assert.deepEqual(imports.map((n) => n.value), [
      'import ThreatModelReferencedBy from "@theme/ThreatModelReferencedBy";',
      'import ThreatModelRelated from "@theme/ThreatModelRelated";',
      'import threatModelData from "@generated/docusaurus-plugin-threat-model/default/page-web.json";',
    ]);
    assert.equal(tree.children?.[0]?.type, 'mdxjsEsm');
  });

  await t.test('should link CVE IDs to cve.org, CWE IDs to cwe.mitre.org and keep other links', () => {
    const links = all(new Map(rows(tree, 'WEB-01')).get('References')!, (n) => n.type === 'link');
    assert.deepEqual(links.map((n) => [n.url, text(n)]), [
      ['https://www.cve.org/CVERecord?id=CVE-2024-27982', 'CVE-2024-27982'],
      ['https://cwe.mitre.org/data/definitions/444.html', 'CWE-444'],
      ['https://nodejs.org/en/blog/vulnerability/april-2024-security-releases', 'April 2024 security releases'],
    ]);
  });

  await t.test('should link features to their entry on the reference page', () => {
    const links = all(new Map(rows(tree, 'WEB-02')).get('Features')!, (n) => n.type === 'link') as unknown as Link[];
    assert.deepEqual(links.map((n) => n.url), ['/reference#feature-headerstimeout', '/reference#feature-max-http-header-size']);
    assert.deepEqual(links[0]!.children, [{type: 'inlineCode', value: 'headersTimeout'}]);
  });

  await t.test('should end every threat with a "Referenced by" component, filled at run time', () => {
    for (const id of ['WEB-01', 'WEB-02', 'WEB-03']) {
      const block = threatBlock(tree, id);
      const last = block[block.length - 1]!;
      assert.equal(last.type, 'mdxJsxFlowElement', id);
      assert.equal(last.name, 'ThreatModelReferencedBy');
      assert.deepEqual(last.attributes?.map((a) => a.name), ['threat', 'data']);
      assert.equal(last.attributes?.[0]?.value, id);
    }
  });

  await t.test('should insert an "At a glance" heading and summary after the front matter', () => {
    const [yaml, heading, summary] = (tree.children ?? []).filter((n) => n.type !== 'mdxjsEsm');
    assert.equal(yaml?.type, 'yaml');
    assert.equal(heading?.type, 'heading');
    assert.equal((heading as unknown as Heading).depth, 2);
    assert.equal(text(heading!), 'At a glance');
    assert.deepEqual(heading!.data?.hProperties, {id: 'at-a-glance'});
    assert.deepEqual(classes(summary!), ['tm-summary']);
    assert.equal(
      text(summary!),
      'Draft. Not every statement on this page has been checked against its sources yet. Where it differs from the runtime\'s own security policy, the policy wins.' +
        'Status: Draft. Last reviewed 2026-11-01 by @nodejs/security-wg.' +
        // Responsibility first, each with the threats it covers on this page.
        '3 threats: 1 would be a Node.js vulnerability, 2 are the responsibility of the application, the operator or the ecosystem.' +
        'Node.js vulnerability: 1 WEB-01' +
        'Application: 1 WEB-03' +
        'Operator: 1 WEB-02' +
        'By severity: Critical: 1 High: 1 Medium: 1' +
        'By STRIDE category: Spoofing: 1 Tampering: 1 Information disclosure: 1 Denial of service: 1 Elevation of privilege: 1' +
        'Coverage: every STRIDE category is covered or declared not applicable (Repudiation). No gaps.',
    );
  });

  await t.test('should fail the page on a coverage gap rather than render it', async () => {
    const source = fs.readFileSync(path.join(valid, 'threat-models', 'tool.md'), 'utf8').replace('- Repudiation: a tool acts for the user who started it.\n', '');
    await assert.rejects(transform(valid, 'tool.md', source), (error: unknown) => {
      assert.ok(error instanceof ThreatModelError);
      assert.deepEqual(error.diagnostics.map((d) => d.id), ['threat-model:stride-coverage']);
      return true;
    });
  });

  await t.test('should throw ThreatModelError with file:line:column and the hint', async () => {
    await assert.rejects(transform(fixtureSite('invalid-value'), 'web.md'), (error: unknown) => {
      assert.ok(error instanceof ThreatModelError);
      assert.match(error.message, /^Threat model has 2 errors \(run `npm run check` for the full report\):\n/);
      assert.ok(error.message.includes('threat-models/web.md:36:32  error  Invalid STRIDE "Elevation of privlege" in WEB-01'));
      assert.ok(error.message.includes('threat-models/web.md:60:13  error  Invalid Severity "critcal" in WEB-03'));
      assert.ok(error.message.includes('\n  hint: Allowed values: low, medium, high, critical.'));
      assert.deepEqual(error.diagnostics.map((d) => d.line), [36, 60]);
      return true;
    });
  });

  await t.test('should leave a Related ID that no file defines to the plugin, which reports it for every file', async () => {
    const source = fs.readFileSync(path.join(valid, 'threat-models', 'web.md'), 'utf8').replace('- Related: TOOL-01', '- Related: TOOL-09');
    const changed = await transform(valid, 'web.md', source);
    assert.deepEqual(new Map(rows(changed, 'WEB-01')).get('Related')!.children?.[0]?.attributes?.[0]?.value, 'TOOL-09');
  });

  await t.test('should not throw on warnings', async () => {
    const tree = await transform(fixtureSite('not-applicable-covered'), 'web.md');
    assert.equal(rows(tree, 'WEB-01')[0]![0], 'ID');
  });

  await t.test('should leave files outside the threat-model folder alone', async () => {
    const {unified} = await import('unified');
    const {default: remarkParse} = await import('remark-parse');
    const processor = unified().use(remarkParse).use(remarkThreatModel, {config, siteDir: valid, referencePath: '/reference', pluginId: 'default'});
    const value = '# Not a threat model\n\n- STRIDE: nothing\n';
    for (const filePath of [path.join(valid, 'docs', 'intro.md'), path.join(valid, 'threat-models-old', 'web.md'), path.join(valid, 'threat-models', 'web.mdx')]) {
      const tree = await processor.run(processor.parse(value), {path: filePath, value});
      assert.deepEqual(tree, processor.parse(value), filePath);
    }
  });
});

test('rehypeSanitizeThreatModel', async (t) => {
  const esm = {type: 'mdxjsEsm', value: 'export const toc = [];', data: {estree: {type: 'Program', body: [], sourceType: 'module'}}};
  const jsx = {type: 'mdxJsxTextElement', name: 'Badge', attributes: [], children: []};
  const tree = {
    type: 'root',
    children: [
      esm,
      {type: 'element', tagName: 'h3', properties: {id: 'WEB-01'}, children: [{type: 'text', value: 'Title'}]},
      {type: 'element', tagName: 'script', properties: {}, children: [{type: 'text', value: 'alert(1)'}]},
      {type: 'element', tagName: 'div', properties: {onClick: 'alert(1)', className: ['tm-fields', 'navbar-sidebar__backdrop'], id: '__docusaurus'}, children: [jsx]},
      {type: 'element', tagName: 'a', properties: {href: 'javascript:alert(1)'}, children: [{type: 'text', value: 'x'}]},
      {type: 'element', tagName: 'a', properties: {href: 'https://nodejs.org/'}, children: [{type: 'text', value: 'y'}]},
    ],
  } as unknown as HastRoot;
  const clean = rehypeSanitizeThreatModel()(tree) as unknown as {children: Array<{type: string; tagName?: string; properties?: Record<string, unknown>; children?: unknown[]}>};

  await t.test('should remove script elements and their content', () => {
    assert.equal(JSON.stringify(clean).includes('script'), false);
    assert.equal(JSON.stringify(clean).includes('alert(1)'), false);
  });

  await t.test('should remove event handlers, ids off headings and classes but the generator\'s own', () => {
    const div = clean.children.find((n) => n.tagName === 'div');
    assert.deepEqual(div?.properties, {className: ['tm-fields']});
  });

  await t.test('should keep ids as they are, without a user-content- prefix', () => {
    const h3 = clean.children.find((n) => n.tagName === 'h3');
    assert.deepEqual(h3?.properties, {id: 'WEB-01'});
  });

  await t.test('should drop script URLs and keep https links', () => {
    const links = clean.children.filter((n) => n.tagName === 'a');
    assert.deepEqual(links.map((n) => n.properties), [{}, {href: 'https://nodejs.org/'}]);
  });

  await t.test('should keep the MDX nodes Docusaurus adds, where they were', () => {
    assert.equal(clean.children[0], esm);
    const div = clean.children.find((n) => n.tagName === 'div');
    assert.deepEqual(div?.children, [jsx]);
  });
});
