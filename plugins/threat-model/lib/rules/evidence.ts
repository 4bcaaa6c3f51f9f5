/**
 * Cross-file rules on the CVEs that threats cite (issue: evidence). An ID
 * that cannot exist is always an error. With a CVE database configured
 * (`evidence.cveDatabase`), every other cited CVE must be in it, or be
 * declared in `evidence.otherProducts` as another product's:
 *
 * - in the database, or declared: fine;
 * - above the snapshot's highest ID (a later year, or the same year and a
 *   higher number): a warning, since the CVE was most likely assigned after
 *   the snapshot was taken and a refresh will bring it in;
 * - otherwise: an error, since the database had its chance to list it.
 *
 * The ID order is the only date the check has for a CVE it does not know:
 * the database gives no dates for what it lacks. Like the review age, the
 * findings change with the calendar and the snapshot, not with the file, so
 * they run after the cached per-file reading.
 */
import type {Config} from '../config';
import {diagnostic, type Diagnostic} from '../diagnostics';
import {cveParts, snapshotDay, type CveDatabase} from '../evidence';
import type {Threat, ThreatModel} from '../types';

/** CVE IDs began in 1999. */
const FIRST_CVE_YEAR = 1999;

/** @param today `YYYY-MM-DD` (see `resolveToday`): a CVE cannot be from a later year. */
export function checkEvidence(models: readonly ThreatModel[], config: Config, database: CveDatabase | undefined, today: string): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const threat of models.flatMap((m) => m.threats)) {
    for (const id of citedCves(threat)) {
      const place = threat.cveAt[id] ?? threat.position;
      const impossible = impossibility(id, Number(today.slice(0, 4)));
      if (impossible) {
        findings.push(diagnostic(threat.file, place, 'impossible-cve', `CVE ID "${id}" in ${threat.id} cannot exist: ${impossible}`,
          'Copy the ID from its record on cve.org or from the advisory that names it.'));
        continue;
      }
      if (!database || database.records[id] || config.evidence?.otherProducts[id]) continue;
      const day = snapshotDay(database.snapshot);
      if (afterSnapshot(id, database)) {
        findings.push(diagnostic(threat.file, place, 'cve-after-snapshot',
          `${id} in ${threat.id} is not in the Node.js vulnerability database: the snapshot of ${day} predates it`,
          `Run \`npm run refresh-cve-db -- /path/to/security-wg\` to take a newer snapshot. If ${id} is another product's, declare it in evidence.otherProducts.`));
      } else {
        findings.push(diagnostic(threat.file, place, 'unknown-cve',
          `${id} in ${threat.id} is not in the Node.js vulnerability database (snapshot of ${day}): it belongs to another product`,
          `Check the ID against the advisory. If it is another product's CVE (an npm package, a GitHub Action, a library the runtime does not ship), declare it in evidence.otherProducts of the configuration with the product's name.`));
      }
    }
  }
  return findings;
}

/** The threat's CVE references, each once, in the order written. */
function citedCves(threat: Threat): string[] {
  return [...new Set(threat.references.filter((r) => r.kind === 'cve').map((r) => r.text))];
}

/** Why a well-formed CVE ID cannot have been assigned, or undefined when it can. */
export function impossibility(id: string, currentYear: number): string | undefined {
  const parts = cveParts(id);
  if (!parts) return undefined;
  if (parts.year < FIRST_CVE_YEAR) return `its year is before ${FIRST_CVE_YEAR}, when CVE IDs began`;
  if (parts.year > currentYear) return `its year is after ${currentYear}`;
  if (parts.number === 0) return 'its sequence number is 0';
  if (parts.digits.length > 4 && parts.digits.startsWith('0')) return 'a sequence number of five or more digits has no leading zero';
  return undefined;
}

/** Whether `id` is above the highest CVE ID in the snapshot. */
export function afterSnapshot(id: string, database: CveDatabase): boolean {
  const parts = cveParts(id);
  if (!parts) return false;
  const {year, number} = database.highest;
  return parts.year > year || (parts.year === year && parts.number > number);
}
