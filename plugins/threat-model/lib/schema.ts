/**
 * The threat-model format's vocabulary: front matter, threat fields and their
 * allowed values. Every consumer (check, index, remark plugin, reference page,
 * JSON export) takes its enums from here, and the published JSON Schema for
 * editors is generated from `FrontMatterSchema`.
 */
import * as z from 'zod';

import {RESPONSIBILITIES, SEVERITIES, STATUSES, STRIDE} from './vocabulary';

export {RESPONSIBILITIES, SEVERITIES, STATUSES, STRIDE};
export type {Responsibility, Severity, Status, Stride} from './vocabulary';

export const StrideSchema = z.enum(STRIDE);
export const SeveritySchema = z.enum(SEVERITIES);
export const ResponsibilitySchema = z.enum(RESPONSIBILITIES);
export const StatusSchema = z.enum(STATUSES);

/** Threat-model front matter. Docusaurus's own keys are allowed beside it. */
export const FrontMatterSchema = z.object({
  /** Which configured use case this file models; one file per use case. */
  use_case: z.string().min(1).describe('Configured use-case id, e.g. "server".'),
  /** Page title, e.g. "Node.js as a network server". */
  title: z.string().min(1).describe('Page title.'),
  /** One sentence for the reference page and search results. */
  description: z.string().min(1).describe('One sentence, used on the reference page and in search results.'),
  /** `draft` until every fact has been checked against its source. */
  status: StatusSchema.describe('draft | review | published. Draft until checked against its sources.'),
  /** Date of the last full review, as a quoted ISO date ("2026-11-01"). */
  last_reviewed: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a quoted ISO date such as "2026-11-01"')
    .describe('Quoted ISO date of the last review, e.g. "2026-11-01".'),
  /** Who keeps this model current: GitHub handles or teams. */
  owners: z.array(z.string().min(1)).min(1).describe('GitHub handles or teams, e.g. ["@nodejs/security-wg"].'),
  /** Revision of the runtime's security policy (the config's `policy`) this model was last checked against, e.g. a commit. */
  policy_revision: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected a revision such as a commit hash or a tag')
    .optional()
    .describe('Revision of the security policy (e.g. SECURITY.md commit) the model was checked against.'),
});

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** Front-matter keys that belong to the format. */
export const FRONT_MATTER_KEYS: readonly string[] = Object.keys(FrontMatterSchema.shape);

/**
 * Docusaurus docs front-matter keys a threat model may set, each validated
 * here: they change only how the page is labelled in navigation.
 */
export const DocusaurusFrontMatterSchema = z.object({
  /** Text of the page's sidebar entry. */
  sidebar_label: z.string().min(1).max(80).optional().describe('Text of the sidebar entry.'),
  /** Position of the page in the sidebar. */
  sidebar_position: z.number().finite().optional().describe('Position in the sidebar.'),
  /** Text of the previous/next links that point at this page. */
  pagination_label: z.string().min(1).max(80).optional().describe('Text of pagination links to this page.'),
  /** Search keywords for the page's `<meta name="keywords">`. */
  keywords: z.array(z.string().min(1).max(80)).max(30).optional().describe('Search keywords.'),
  /** Hide the table of contents on the right. */
  hide_table_of_contents: z.boolean().optional().describe('Hide the table of contents.'),
  /** Shallowest heading level in the table of contents (2 to 6). */
  toc_min_heading_level: z.number().int().min(2).max(6).optional().describe('Shallowest heading level in the table of contents.'),
  /** Deepest heading level in the table of contents (2 to 6). */
  toc_max_heading_level: z.number().int().min(2).max(6).optional().describe('Deepest heading level in the table of contents.'),
});

/** Docusaurus keys a threat model may set (validated above). */
export const DOCUSAURUS_KEYS: readonly string[] = Object.keys(DocusaurusFrontMatterSchema.shape);

/**
 * Docusaurus keys a threat model may not set, and why: each changes the
 * page's route, visibility, rendering or edit link, so the page would no
 * longer be the one the check read, or could point readers elsewhere.
 */
export const REJECTED_FRONT_MATTER_KEYS: Readonly<Record<string, string>> = {
  id: 'it changes the page\'s id and route; each use case is found at its file name',
  slug: 'it changes the page\'s route; each use case is found at its file name',
  draft: 'it drops the page from production builds while the check counts it; use `status: draft`',
  unlisted: 'it hides the page from navigation and search while the reference links to it',
  custom_edit_url: 'it points "Edit this page" at an address the site does not choose',
  displayed_sidebar: 'it shows another sidebar on the page',
  pagination_next: 'it changes the page\'s navigation links',
  pagination_prev: 'it changes the page\'s navigation links',
  parse_number_prefixes: 'it changes how the file name becomes a route',
  last_update: 'it overrides the date taken from the repository history; use `last_reviewed`',
  image: 'it names a file the build would publish as the page\'s social card',
  tags: 'it creates tag pages outside the threat models',
  sidebar_class_name: 'it adds a CSS class to the site\'s navigation',
  sidebar_custom_props: 'it passes arbitrary data to the site\'s theme',
  sidebar_key: 'it changes how the sidebar identifies the page',
  hide_title: 'it hides the page title, which names the use case',
  mdx: 'it can switch the file to MDX, which runs code at build time',
  format: 'it can switch the file to MDX, which runs code at build time',
};

/** Threat fields, as authors write them in the list under a threat heading. */
export const THREAT_FIELDS = {
  stride: {name: 'STRIDE', required: true},
  severity: {name: 'Severity', required: true},
  responsibility: {name: 'Responsibility', required: true},
  mitigations: {name: 'Mitigations', required: true},
  features: {name: 'Features', required: false},
  related: {name: 'Related', required: false},
  flows: {name: 'Flows', required: false},
  references: {name: 'References', required: true},
} as const;

export type ThreatFieldKey = keyof typeof THREAT_FIELDS;

/** Required H2 sections, in order. */
export const SECTIONS = ['Scope', 'Trust', 'Assets', 'Data flows', 'Threats', 'Not applicable', 'Out of scope'] as const;
export type SectionName = (typeof SECTIONS)[number];

/**
 * Sections a file may omit: `Data flows` (the model then has no diagram),
 * and `Not applicable` only when every category is covered.
 */
export const OPTIONAL_SECTIONS: readonly SectionName[] = ['Data flows', 'Not applicable'];

/** The JSON Schema editors use to validate and complete front matter. */
export function frontMatterJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FrontMatterSchema, {target: 'draft-7'}) as Record<string, unknown>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Threat-model front matter',
    description: 'Front matter of a threat-model file (threat-models/<use-case>.md). A few Docusaurus docs keys are allowed too.',
    ...schema,
    // As strict as the check: the format's keys plus the Docusaurus keys it allows.
    properties: {
      ...(schema.properties as Record<string, unknown>),
      ...((z.toJSONSchema(DocusaurusFrontMatterSchema, {target: 'draft-7'}) as {properties: Record<string, unknown>}).properties),
    },
    additionalProperties: false,
  };
}
