/**
 * The generator's configuration: which use cases must have a threat model,
 * their ID prefixes and order, and the security features threats may cite.
 *
 * The generator knows nothing of Node.js: the content's configuration lives
 * in `threat-model.config.ts` at the site root, and both the site and the
 * CLI read it through `loadConfig`.
 */
import * as z from 'zod';

export const UseCaseSchema = z.object({
  /** Stable identifier, also the file name: `threat-models/<id>.md`. */
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
  /** Human label shown in tables and navigation, e.g. "Server". */
  label: z.string().min(1),
  /** Prefix of every threat ID in this use case, e.g. `SRV` for `SRV-01`. */
  prefix: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*$/, 'use uppercase letters and digits'),
});

export const FeatureSchema = z.object({
  /** What authors write in a threat's `Features` field, e.g. `--permission`. */
  id: z.string().min(1),
  /** Short human name, e.g. "Permission model". */
  label: z.string().min(1),
  /** One sentence: what the feature does. */
  description: z.string().min(1),
  /** Primary documentation of the feature. */
  url: z.url(),
});

/** Where the site serves things, so the check can resolve contributed links as the build will. */
export const SiteSchema = z.object({
  /** URL path of the threat-model pages, e.g. `threat-models` for `/threat-models/server`. */
  routeBasePath: z.string().regex(/^[a-z0-9][a-z0-9/_-]*$/, 'use a URL path without leading slash').default('threat-models'),
  /** Route of the generated security-model reference page. */
  referencePath: z.string().regex(/^\/[a-z0-9/_-]*$/, 'use a URL path that starts with /').default('/reference'),
  /** Route of the generated page for reporters and triagers: per use case, which threats would be a vulnerability in the runtime and which are not. */
  triagePath: z.string().regex(/^\/[a-z0-9/_-]*$/, 'use a URL path that starts with /').default('/is-this-a-vulnerability'),
  /** Other docs instances that threat models may link to by URL: folder and route base path. */
  docs: z.array(z.object({
    /** Folder of the docs, relative to the site root. */
    path: z.string().min(1),
    /** Their URL path, e.g. `docs`. */
    routeBasePath: z.string(),
  })).default([{path: 'docs', routeBasePath: 'docs'}]),
  /** Folder of React pages (`src/pages`), each a route. */
  pagesDir: z.string().default('src/pages'),
  /** Folders whose files are served at the site root (`static/img/x.png` at `/img/x.png`). */
  staticDirectories: z.array(z.string().min(1)).default(['static']),
});

/** The runtime's own security policy, which the threat models restate and which wins where they differ. */
export const PolicySchema = z.object({
  /** Its name as readers know it, e.g. "SECURITY.md". */
  label: z.string().min(1),
  /**
   * Address of one revision of it, with `{revision}` where a model's
   * `policy_revision` goes, e.g. `https://github.com/nodejs/node/blob/{revision}/SECURITY.md`.
   */
  url: z.url({protocol: /^https$/}).refine((url) => url.includes('{revision}'), 'put {revision} where the revision goes'),
});

/** How the check treats the models' review dates. */
export const ReviewSchema = z.object({
  /** Days after `last_reviewed` when the check starts to warn that a model needs a new review. */
  maxAgeDays: z.number().int().positive().default(365),
});

/** How the check treats the models' `## Data flows`. */
export const DataFlowsSchema = z.object({
  /**
   * Severity of a boundary-crossing flow that no threat names in its
   * `Flows` (rule `uncovered-flow`): a warning while a model's data flows
   * are being written, `error` once every such flow should have its threats.
   */
  uncoveredFlows: z.enum(['warning', 'error']).default('warning'),
});

export const ConfigSchema = z.object({
  /** Name of the runtime the model describes, e.g. "Node.js". */
  runtime: z.string().min(1),
  /** Folder of threat-model files, relative to the site root. */
  dir: z.string().min(1).default('threat-models'),
  /** Required use cases, in display order. Each needs exactly one file. */
  useCases: z.array(UseCaseSchema).min(1),
  /** Security features of the runtime that threats may list as mitigations. */
  features: z.array(FeatureSchema).default([]),
  /** The security policy the models restate; each page then names the revision it was checked against. */
  policy: PolicySchema.optional(),
  /** Review dates: when a model counts as due for review. */
  review: ReviewSchema.default(ReviewSchema.parse({})),
  /** Data flows: how strictly boundary-crossing flows must be covered by threats. */
  dataFlows: DataFlowsSchema.default(DataFlowsSchema.parse({})),
  /**
   * Page that explains the severity levels, e.g. `/docs/contributing#severity-rubric`;
   * each severity badge on a threat page links to it.
   */
  severityRubric: z.string().regex(/^\/[^\s]*$/, 'use a URL path that starts with /').optional(),
  /** The site around the threat models; the defaults fit a standard Docusaurus site. */
  site: SiteSchema.default(SiteSchema.parse({})),
});

export type UseCase = z.infer<typeof UseCaseSchema>;
export type Feature = z.infer<typeof FeatureSchema>;
export type SiteLayout = z.infer<typeof SiteSchema>;
export type Policy = z.infer<typeof PolicySchema>;
export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

/**
 * Validate a configuration object; throws one error that lists every problem
 * and the duplicate IDs or prefixes, since either would make IDs ambiguous.
 */
export function loadConfig(input: unknown, source = 'threat-model.config.ts'): Config {
  const result = ConfigSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(`Invalid threat-model configuration in ${source}:\n${lines.join('\n')}`);
  }
  const config = result.data;
  const problems = [
    ...duplicates(config.useCases.map((u) => u.id)).map((id) => `use case id "${id}" appears twice`),
    ...duplicates(config.useCases.map((u) => u.prefix)).map((p) => `ID prefix "${p}" appears twice`),
    ...duplicates(config.features.map((f) => f.id)).map((id) => `feature "${id}" appears twice`),
  ];
  if (problems.length > 0) {
    throw new Error(`Invalid threat-model configuration in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return config;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) dupes.add(value);
    seen.add(value);
  }
  return [...dupes];
}
