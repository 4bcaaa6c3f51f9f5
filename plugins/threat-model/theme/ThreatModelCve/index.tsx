/**
 * What the CVE database says of a cited CVE, after its link in a threat's
 * References: ` — medium, patched in 18.20.1, 20.12.1, 21.7.2`. The page's
 * Markdown holds only the ID; the severity and releases come from the page's
 * data module, which the plugin writes from the database the check read.
 * Nothing when the database does not list the CVE.
 */
import type {ReactNode} from 'react';
import type {ThreatModelPageData} from 'docusaurus-plugin-threat-model/client';

export interface Props {
  /** The CVE ID, e.g. `CVE-2024-27982`. */
  id: string;
  /** The page's data module. */
  data: ThreatModelPageData;
}

export default function ThreatModelCve({id, data}: Props): ReactNode {
  const cve = data.cves?.[id];
  if (!cve) return null;
  const severity = cve.severity === 'unknown' ? 'severity unknown' : cve.severity;
  const patched = cve.patched.length > 0 ? `, patched in ${cve.patched.join(', ')}` : '';
  return <span className="tm-cve">{` — ${severity}${patched}`}</span>;
}
