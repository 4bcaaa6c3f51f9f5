/**
 * The format's vocabulary as validators: the front matter a threat model
 * must have (and the optional policy revision), the few Docusaurus keys it
 * may set and the ones it may not (each with its reason), the threat fields,
 * the required sections in order, and the JSON Schema editors validate
 * front matter with, as strict as the check.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {
  DOCUSAURUS_KEYS,
  DocusaurusFrontMatterSchema,
  FRONT_MATTER_KEYS,
  FrontMatterSchema,
  OPTIONAL_SECTIONS,
  REJECTED_FRONT_MATTER_KEYS,
  SECTIONS,
  SeveritySchema,
  StatusSchema,
  StrideSchema,
  THREAT_FIELDS,
  frontMatterJsonSchema,
} from '../../plugins/threat-model/lib/schema';

const valid = {
  use_case: 'web',
  title: 'Node.js as a web server',
  description: 'Threats to a server.',
  status: 'draft',
  last_reviewed: '2026-11-01',
  owners: ['@nodejs/security-wg'],
};

const issues = (result: {success: boolean; error?: {issues: Array<{path: PropertyKey[]; message: string}>}}) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

test('complete front matter is accepted, with or without a policy revision', () => {
  assert.deepEqual(FrontMatterSchema.parse(valid), valid);
  const withRevision = {...valid, policy_revision: '004238d77c5ef7d23098b600f76f94d2bf4e2db5'};
  assert.deepEqual(FrontMatterSchema.parse(withRevision), withRevision);
  assert.equal(FrontMatterSchema.safeParse({...valid, policy_revision: 'v24.1.0'}).success, true, 'a tag is a revision too');
});

test('every format key but the policy revision is required', () => {
  const result = FrontMatterSchema.safeParse({});
  assert.equal(result.success, false);
  assert.deepEqual(result.error!.issues.map((issue) => issue.path.join('.')), ['use_case', 'title', 'description', 'status', 'last_reviewed', 'owners']);
});

test('empty strings and an empty owner list are refused', () => {
  const result = FrontMatterSchema.safeParse({...valid, title: '', owners: []});
  assert.deepEqual(result.error!.issues.map((issue) => issue.path.join('.')), ['title', 'owners']);
  assert.equal(FrontMatterSchema.safeParse({...valid, owners: ['']}).success, false);
});

test('last_reviewed must be a quoted ISO date', () => {
  for (const date of ['2026-1-01', '01/11/2026', '2026-11-01T00:00:00Z']) {
    assert.deepEqual(issues(FrontMatterSchema.safeParse({...valid, last_reviewed: date})), ['last_reviewed: expected a quoted ISO date such as "2026-11-01"'], date);
  }
  assert.equal(FrontMatterSchema.safeParse({...valid, last_reviewed: new Date('2026-11-01')}).success, false, 'an unquoted YAML date is refused');
});

test('a policy revision looks like a commit or a tag', () => {
  for (const revision of ['', '-rf', 'main branch', 'a'.repeat(65), '../SECURITY.md']) {
    assert.deepEqual(issues(FrontMatterSchema.safeParse({...valid, policy_revision: revision})), ['policy_revision: expected a revision such as a commit hash or a tag'], revision);
  }
  assert.equal(FrontMatterSchema.safeParse({...valid, policy_revision: 'a'.repeat(64)}).success, true);
});

test('the enums accept only their vocabulary', () => {
  assert.equal(StatusSchema.safeParse('published').success, true);
  assert.equal(StatusSchema.safeParse('final').success, false);
  assert.equal(FrontMatterSchema.safeParse({...valid, status: 'Draft'}).success, false, 'values are case-sensitive');
  assert.equal(SeveritySchema.safeParse('critical').success, true);
  assert.equal(SeveritySchema.safeParse('severe').success, false);
  assert.equal(StrideSchema.safeParse('Denial of service').success, true);
  assert.equal(StrideSchema.safeParse('DoS').success, false);
});

test('the format keys and the allowed Docusaurus keys are listed', () => {
  assert.deepEqual(FRONT_MATTER_KEYS, ['use_case', 'title', 'description', 'status', 'last_reviewed', 'owners', 'policy_revision']);
  assert.deepEqual(DOCUSAURUS_KEYS, ['sidebar_label', 'sidebar_position', 'pagination_label', 'keywords', 'hide_table_of_contents', 'toc_min_heading_level', 'toc_max_heading_level']);
});

test('the allowed Docusaurus keys are validated', () => {
  assert.equal(DocusaurusFrontMatterSchema.safeParse({}).success, true, 'all optional');
  assert.equal(DocusaurusFrontMatterSchema.safeParse({sidebar_label: 'Web', sidebar_position: 2, keywords: ['http'], hide_table_of_contents: true, toc_min_heading_level: 2, toc_max_heading_level: 6}).success, true);
  assert.deepEqual(DocusaurusFrontMatterSchema.safeParse({toc_min_heading_level: 1}).error!.issues.map((i) => i.path.join('.')), ['toc_min_heading_level']);
  assert.equal(DocusaurusFrontMatterSchema.safeParse({toc_max_heading_level: 7}).success, false);
  assert.equal(DocusaurusFrontMatterSchema.safeParse({toc_max_heading_level: 3.5}).success, false);
  assert.equal(DocusaurusFrontMatterSchema.safeParse({sidebar_label: 'x'.repeat(81)}).success, false);
  assert.equal(DocusaurusFrontMatterSchema.safeParse({keywords: Array.from({length: 31}, (_, i) => `k${i}`)}).success, false);
  assert.equal(DocusaurusFrontMatterSchema.safeParse({sidebar_position: Number.POSITIVE_INFINITY}).success, false);
  assert.equal(DocusaurusFrontMatterSchema.safeParse({hide_table_of_contents: 'yes'}).success, false);
});

test('keys that change route, visibility or rendering are rejected with a reason', () => {
  for (const key of ['id', 'slug', 'draft', 'unlisted', 'custom_edit_url', 'mdx', 'format', 'tags', 'image', 'hide_title']) {
    assert.ok(REJECTED_FRONT_MATTER_KEYS[key], key);
  }
  assert.equal(REJECTED_FRONT_MATTER_KEYS.draft, 'it drops the page from production builds while the check counts it; use `status: draft`');
  assert.equal(REJECTED_FRONT_MATTER_KEYS.format, REJECTED_FRONT_MATTER_KEYS.mdx);
  for (const key of [...FRONT_MATTER_KEYS, ...DOCUSAURUS_KEYS]) {
    assert.equal(Object.hasOwn(REJECTED_FRONT_MATTER_KEYS, key), false, `${key} is both allowed and rejected`);
  }
});

test('threat fields name how authors write them and which are required', () => {
  assert.deepEqual(Object.keys(THREAT_FIELDS), ['stride', 'severity', 'responsibility', 'mitigations', 'features', 'related', 'flows', 'references']);
  assert.equal(THREAT_FIELDS.stride.name, 'STRIDE');
  assert.deepEqual(Object.entries(THREAT_FIELDS).filter(([, field]) => !field.required).map(([key]) => key), ['features', 'related', 'flows']);
  assert.equal(THREAT_FIELDS.flows.name, 'Flows');
});

test('sections are required in order, and only Data flows and Not applicable may be left out', () => {
  assert.deepEqual([...SECTIONS], ['Scope', 'Trust', 'Assets', 'Data flows', 'Threats', 'Not applicable', 'Out of scope']);
  assert.deepEqual([...OPTIONAL_SECTIONS], ['Data flows', 'Not applicable']);
});

test('the JSON Schema requires the format keys and allows only the known ones', () => {
  const schema = frontMatterJsonSchema();
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(schema.title, 'Threat-model front matter');
  assert.equal(schema.type, 'object');
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(schema.required, ['use_case', 'title', 'description', 'status', 'last_reviewed', 'owners']);
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.keys(properties), [...FRONT_MATTER_KEYS, ...DOCUSAURUS_KEYS]);
  for (const key of Object.keys(REJECTED_FRONT_MATTER_KEYS)) assert.equal(properties[key], undefined, key);
});

test('the JSON Schema carries the same constraints as the validator', () => {
  const properties = frontMatterJsonSchema().properties as Record<string, Record<string, unknown>>;
  assert.deepEqual(properties.status!.enum, ['draft', 'review', 'published']);
  assert.equal(properties.last_reviewed!.pattern, '^\\d{4}-\\d{2}-\\d{2}$');
  assert.equal(properties.owners!.minItems, 1);
  assert.equal(properties.policy_revision!.pattern, '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$');
  assert.deepEqual([properties.toc_min_heading_level!.type, properties.toc_min_heading_level!.minimum, properties.toc_min_heading_level!.maximum], ['integer', 2, 6]);
  assert.equal(properties.use_case!.description, 'Configured use-case id, e.g. "server".');
});
