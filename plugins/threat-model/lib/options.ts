/**
 * The plugin's options, validated at the boundary (`validateOptions`) with
 * friendly errors: what is wrong, where, and how to fix it.
 *
 * ```ts
 * plugins: [['docusaurus-plugin-threat-model', {config: contentConfig}]]
 * ```
 * or, with the docs instance and the front-matter hook wired too, the
 * `threatModelSite()` helper of `index.ts`.
 */
import * as z from 'zod';
import {ConfigSchema} from './config';
import {propose} from './diagnostics';

export const PluginOptionsSchema = z.strictObject({
  /** Plugin instance id; only needed when a site publishes two sets of threat models. */
  id: z.string().min(1).default('default'),
  /** The content configuration: use cases, ID prefixes, features (the default export of `threat-model.config.ts`). */
  config: ConfigSchema,
  /** Id of the `@docusaurus/plugin-content-docs` instance that serves the threat-model pages. */
  docsPluginId: z.string().min(1).default('threat-models'),
  /**
   * JSON file that keeps parse results between builds, keyed by file
   * content, relative to the site or absolute. Default: under
   * `node_modules/.cache`, which `docusaurus clear` empties. `false` turns it off.
   */
  cacheFile: z.union([z.string().min(1), z.literal(false)]).default('node_modules/.cache/threat-model/parse-cache.json'),
});

/** Options as a site writes them. */
export type PluginOptions = z.input<typeof PluginOptionsSchema>;
/** Options after validation, every default filled in. */
export type Options = z.output<typeof PluginOptionsSchema>;

const HINTS: Record<string, string> = {
  config: 'Pass the default export of threat-model.config.ts (see the plugin README, "Configuration").',
  docsPluginId: 'Use the `id` of the docs plugin instance whose `path` is the threat-model folder.',
  cacheFile: 'Give a file path, or `false` to turn the cache off.',
  id: 'Use a short name such as "default"; it must differ between instances.',
};

/** Thrown for invalid options: one line per problem, each with a hint. */
export class OptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid options for docusaurus-plugin-threat-model:\n${problems.join('\n')}`);
    this.name = 'OptionsError';
    // Docusaurus prints the stack: the message already says what to change.
    this.stack = `${this.name}: ${this.message}`;
  }
}

export function normalizeOptions(input: unknown): Options {
  const result = PluginOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  throw new OptionsError(result.error.issues.map(describeIssue));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join('.') || '(options)';
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(PluginOptionsSchema.shape);
    message = issue.keys
      .map((key) => {
        const near = propose(key, known);
        return `unknown option "${key}"${near ? ` (did you mean "${near}"?)` : ''}`;
      })
      .join('; ');
  }
  const hint = HINTS[String(issue.path[0] ?? '')] ?? `Known options: ${Object.keys(PluginOptionsSchema.shape).join(', ')}.`;
  return `  - ${where}: ${message}\n    hint: ${hint}`;
}
