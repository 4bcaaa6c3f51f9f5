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
});

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** Front-matter keys that belong to the format. */
export const FRONT_MATTER_KEYS: readonly string[] = Object.keys(FrontMatterSchema.shape);

/**
 * Docusaurus docs front-matter keys, accepted but not validated here:
 * Docusaurus validates them itself.
 */
export const DOCUSAURUS_KEYS: readonly string[] = [
  'id', 'sidebar_label', 'sidebar_position', 'sidebar_class_name', 'sidebar_custom_props',
  'displayed_sidebar', 'hide_title', 'hide_table_of_contents', 'toc_min_heading_level',
  'toc_max_heading_level', 'pagination_label', 'pagination_next', 'pagination_prev',
  'parse_number_prefixes', 'custom_edit_url', 'keywords', 'image', 'slug', 'tags', 'draft',
  'unlisted', 'last_update',
];

/** Threat fields, as authors write them in the list under a threat heading. */
export const THREAT_FIELDS = {
  stride: {name: 'STRIDE', required: true},
  severity: {name: 'Severity', required: true},
  responsibility: {name: 'Responsibility', required: true},
  mitigations: {name: 'Mitigations', required: true},
  features: {name: 'Features', required: false},
  related: {name: 'Related', required: false},
  references: {name: 'References', required: true},
} as const;

export type ThreatFieldKey = keyof typeof THREAT_FIELDS;

/** Required H2 sections, in order. */
export const SECTIONS = ['Scope', 'Trust', 'Assets', 'Threats', 'Not applicable', 'Out of scope'] as const;
export type SectionName = (typeof SECTIONS)[number];

/** Sections a file may omit: `Not applicable` only when every category is covered. */
export const OPTIONAL_SECTIONS: readonly SectionName[] = ['Not applicable'];

/** The JSON Schema editors use to validate and complete front matter. */
export function frontMatterJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FrontMatterSchema, {target: 'draft-7'}) as Record<string, unknown>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Threat-model front matter',
    description: 'Front matter of a threat-model file (threat-models/<use-case>.md). Docusaurus docs keys are allowed too.',
    ...schema,
    // As strict as the check: the format's keys plus Docusaurus's own.
    properties: {
      ...(schema.properties as Record<string, unknown>),
      ...Object.fromEntries(DOCUSAURUS_KEYS.map((key) => [key, {description: 'Docusaurus docs front matter; validated by Docusaurus.'}])),
    },
    additionalProperties: false,
  };
}
