/**
 * Cross-file rule: a model's review is due once `last_reviewed` is older
 * than `review.maxAgeDays`. It runs after parsing, not in the reader: a
 * file's reading is cached by its content, and this finding changes with
 * the calendar, not with the file.
 */
import type {Config} from '../config';
import {diagnostic, type Diagnostic, type Point} from '../diagnostics';
import type {ThreatModel} from '../types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The date the check measures against, as `YYYY-MM-DD` (UTC): `today` when
 * given, else `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds
 * convention), else the clock.
 */
export function resolveToday(today?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (today !== undefined) return today;
  const epoch = env.SOURCE_DATE_EPOCH;
  const ms = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`; undefined when either is not a date. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.round((b - a) / DAY_MS);
}

/** Where the value of `last_reviewed` is written in the file's front matter. */
function reviewedAt(text: string | undefined): Point {
  const match = text ? /^(last_reviewed[ \t]*:[ \t]*)/m.exec(text) : null;
  if (!text || !match) return {line: 1, column: 1};
  const before = text.slice(0, match.index);
  return {line: before.split('\n').length, column: match[1]!.length + 1};
}

/**
 * @param texts File → its text, to point at the `last_reviewed` line.
 * @param today `YYYY-MM-DD` (see `resolveToday`).
 */
export function checkReviewAge(models: readonly ThreatModel[], config: Config, texts: ReadonlyMap<string, string>, today: string): Diagnostic[] {
  const limit = config.review.maxAgeDays;
  const findings: Diagnostic[] = [];
  for (const model of models) {
    const reviewed = model.frontMatter.last_reviewed;
    const age = daysBetween(reviewed, today);
    if (age === undefined || age <= limit) continue;
    findings.push(
      diagnostic(model.file, reviewedAt(texts.get(model.file)), 'stale-review',
        `Last reviewed ${reviewed}, ${age} days before ${today}: older than the ${limit} days allowed`,
        `Review the model against its sources and the current security policy, then set \`last_reviewed\` to the date of that review (the limit is review.maxAgeDays in threat-model.config.ts).`),
    );
  }
  return findings;
}
