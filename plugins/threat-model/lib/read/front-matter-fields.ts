/**
 * The front matter's fields, once the block was read as YAML data: the
 * format's keys (zod), the Docusaurus keys a threat model may set, the keys
 * it may not, and the use case against the configuration and file name.
 */
import {didYouMean, propose} from '../diagnostics';
import {
  DOCUSAURUS_KEYS,
  DocusaurusFrontMatterSchema,
  FRONT_MATTER_KEYS,
  FrontMatterSchema,
  REJECTED_FRONT_MATTER_KEYS,
  type FrontMatter,
} from '../schema';
import {visible} from '../visible';
import {report, type Context} from './context';
import type {FrontMatterResult} from './front-matter';

export function validateFrontMatter(front: FrontMatterResult, ctx: Context): void {
  const record = front.data;
  const keyAt = (key: string) => front.keys[key] ?? {line: 1, column: 1};
  const known = [...FRONT_MATTER_KEYS, ...DOCUSAURUS_KEYS];
  for (const key of Object.keys(record)) {
    const reason = Object.hasOwn(REJECTED_FRONT_MATTER_KEYS, key) ? REJECTED_FRONT_MATTER_KEYS[key] : undefined;
    if (reason) {
      report(ctx, keyAt(key), 'front-matter-key', `Front-matter key "${key}" is not allowed in a threat model`,
        `Remove it: ${reason}.`);
    } else if (!known.includes(key)) {
      const guess = propose(key, known);
      report(ctx, keyAt(key), 'unknown-field', `Unknown front-matter field "${visible(key)}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        guess ? `Rename it to "${guess}", or remove it.` : `Allowed fields: ${FRONT_MATTER_KEYS.join(', ')}, and ${DOCUSAURUS_KEYS.join(', ')}.`,
        guess ? {expected: [guess], actual: key} : undefined);
    }
  }
  const docusaurus = DocusaurusFrontMatterSchema.safeParse(Object.fromEntries(DOCUSAURUS_KEYS.filter((k) => k in record).map((k) => [k, record[k]])));
  if (!docusaurus.success) {
    for (const issue of docusaurus.error.issues) {
      const key = String(issue.path[0] ?? '');
      report(ctx, keyAt(key), 'invalid-front-matter', `Invalid front-matter field "${key}": ${issue.message}`,
        `Fix the value of \`${key}\`: ${DocusaurusFrontMatterSchema.shape[key as keyof typeof DocusaurusFrontMatterSchema.shape]?.description ?? ''}`);
    }
  }
  const result = FrontMatterSchema.safeParse(record);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (!FRONT_MATTER_KEYS.includes(key)) continue;
      report(ctx, keyAt(key), ...frontMatterIssue(key, record[key], issue.message));
    }
  }
  checkPolicyRevision(record, ctx, keyAt);
  const useCase = record.use_case;
  if (typeof useCase === 'string' && useCase !== '') {
    const ids = ctx.config.useCases.map((u) => u.id);
    if (!ids.includes(useCase)) {
      const guess = didYouMean(useCase, ids);
      const near = propose(useCase, ids);
      report(ctx, keyAt('use_case'), 'unknown-use-case', `Unknown use case "${visible(useCase)}"${guess ? ` (${guess})` : ''}`,
        `Use one of: ${ids.join(', ')}; or add it to useCases in threat-model.config.ts.`, {expected: near ? [near] : ids, actual: useCase});
    } else {
      const expected = `${useCase}.md`;
      const actual = ctx.file.split('/').pop();
      if (actual !== expected) {
        report(ctx, keyAt('use_case'), 'file-name', `File "${actual}" models use case "${useCase}" but is not named "${expected}"`,
          `Rename the file to ${expected}: the site and CI find each use case by its file name.`);
      }
    }
  }
}

/** A model names the policy revision it restates exactly when the site has a policy to name. */
function checkPolicyRevision(record: Record<string, unknown>, ctx: Context, keyAt: (key: string) => {line: number; column: number}): void {
  const policy = ctx.config.policy;
  if (policy && !('policy_revision' in record)) {
    report(ctx, keyAt('use_case'), 'missing-field', 'Missing front-matter field "policy_revision"',
      `Add \`policy_revision: <revision>\`: the revision of ${policy.label} you checked this model against (${policy.url.replace('{revision}', '<revision>')}). Readers see it on the page.`);
  } else if (!policy && 'policy_revision' in record) {
    report(ctx, keyAt('policy_revision'), 'invalid-front-matter', 'Front-matter field "policy_revision" names a revision of no policy',
      'Remove it, or add `policy: {label, url}` to threat-model.config.ts, with `{revision}` in the url where the revision goes.');
  }
}

type IssueArgs = ['missing-field' | 'invalid-front-matter' | 'invalid-value', string, string];

function frontMatterIssue(key: string, value: unknown, message: string): IssueArgs {
  const description = FrontMatterSchema.shape[key as keyof FrontMatter]?.description ?? '';
  if (value === undefined) {
    return ['missing-field', `Missing front-matter field "${key}"`, `Add \`${key}: ...\` to the front matter (${description}).`];
  }
  if (key === 'status') {
    const guess = didYouMean(String(value), ['draft', 'review', 'published']);
    return ['invalid-value', `Invalid status "${visible(String(value))}"${guess ? ` (${guess})` : ''}`, 'Use one of: draft, review, published.'];
  }
  return ['invalid-front-matter', `Invalid front-matter field "${key}": ${message}`, `Fix the value of \`${key}\`: ${description}`];
}
