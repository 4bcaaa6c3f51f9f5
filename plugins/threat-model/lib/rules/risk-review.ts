/**
 * Cross-file rule: a tracked risk's `Review by` date has passed. Like the
 * review age of a model, it changes with the calendar and not with the
 * file, so it runs after the cached per-file reading (see `review-age.ts`
 * for the date the check measures against).
 */
import {diagnostic, type Diagnostic} from '../diagnostics';
import {riskStatusLabel} from '../present';
import type {ThreatModel} from '../types';
import {daysBetween} from './review-age';

/** @param today `YYYY-MM-DD` (see `resolveToday`). */
export function checkRiskReviews(models: readonly ThreatModel[], today: string): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const threat of models.flatMap((m) => m.threats)) {
    if (!threat.reviewBy) continue;
    const overdue = daysBetween(threat.reviewBy, today);
    if (overdue === undefined || overdue <= 0) continue;
    const what = threat.status ? `${riskStatusLabel(threat.status).toLowerCase()} risk ${threat.id}` : `risk ${threat.id}`;
    const owner = threat.owner ? `, owned by ${threat.owner},` : '';
    findings.push(
      diagnostic(threat.file, threat.reviewByAt ?? threat.position, 'expired-risk',
        `The review of ${what}${owner} was due by ${threat.reviewBy}, ${overdue} ${overdue === 1 ? 'day' : 'days'} before ${today}`,
        threat.owner
          ? `${threat.owner}: review the risk, then set \`Review by\` to the date of the next review (or change its \`Status\`).`
          : 'Review the risk, add `- Owner: @handle`, and set `Review by` to the date of the next review (or change its `Status`).'),
    );
  }
  return findings;
}
