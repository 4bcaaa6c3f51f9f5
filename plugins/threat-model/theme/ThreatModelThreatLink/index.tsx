/**
 * One threat shown on another page as `ID (title)`, linked to its page and
 * anchor. Related fields and "Referenced by" lists use it.
 */
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import type {ThreatModelPageData} from 'docusaurus-plugin-threat-model/client';

export interface Props {
  /** The threat's ID, e.g. `SRV-01`. */
  id: string;
  /** The page's data module, which the plugin keeps current. */
  data: ThreatModelPageData;
}

export default function ThreatModelThreatLink({id, data}: Props): ReactNode {
  const threat = data.threats[id];
  // Only under `docusaurus start`, while a file names an ID that no file
  // defines: the build fails on it, with the finding.
  if (!threat) return <span className="tm-unknown-threat">{id} (no threat model defines it)</span>;
  return (
    <Link to={threat.url}>{`${id} (${threat.title})`}</Link>
  );
}
