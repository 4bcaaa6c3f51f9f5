import type {ReactNode} from 'react';
import Heading from '@theme/Heading';
import {Badge, type ReferenceData} from './shared';

/** A CVE's record on cve.org, as threat pages link it. */
const cveRecord = (id: string) => `https://www.cve.org/CVERecord?id=${id}`;

/**
 * The models' known-vulnerability coverage: how many of the CVE database's
 * CVEs the threats cite, and the others, one closed <details> per year, so
 * that a reviewer can look for known flaws no model accounts for yet.
 */
export function CveCoverage({data}: {data: ReferenceData}): ReactNode {
  const cves = data.cves;
  if (!cves) return null;
  const uncited = cves.total - cves.cited;
  return (
    <section aria-labelledby="cves">
      <Heading as="h2" id="cves">Known vulnerabilities not cited</Heading>
      <p className="tm-cves__total">
        {cves.cited} of {cves.total} CVEs in the database are cited by a threat.
      </p>
      <p>
        The {data.runtime} vulnerability database (<a href={cves.snapshot.url}>snapshot of {cves.snapshot.day}</a>) lists{' '}
        {uncited} CVE{uncited === 1 ? '' : 's'} that no threat cites, by year.
      </p>
      {cves.uncited.map(({year, cves: list}) => (
        <details key={year} className="tm-cves__year">
          <summary>
            {year}: {list.length} CVE{list.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {list.map((cve) => (
              <li key={cve.id}>
                <a href={cveRecord(cve.id)}>{cve.id}</a>{' '}
                <Badge kind="severity" value={cve.severity} label={cve.severity === 'unknown' ? 'Severity unknown' : cve.severity[0]!.toUpperCase() + cve.severity.slice(1)} />{' '}
                {cve.overview}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
