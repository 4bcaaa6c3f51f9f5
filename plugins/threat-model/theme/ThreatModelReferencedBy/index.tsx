/**
 * "Referenced by": the threats of other use cases whose Related field names
 * this one, from the page's data module, so it follows edits to the other
 * files without recompiling this page.
 */
import type {ReactNode} from 'react';
import ThreatModelThreatLink from '@theme/ThreatModelThreatLink';
import type {ThreatModelPageData} from 'docusaurus-plugin-threat-model/client';

export interface Props {
  /** ID of the threat whose backlinks to list. */
  threat: string;
  /** The page's data module. */
  data: ThreatModelPageData;
}

export default function ThreatModelReferencedBy({threat, data}: Props): ReactNode {
  const sources = data.backlinks[threat] ?? [];
  if (sources.length === 0) return null;
  return (
    <div className="tm-backlinks">
      <p className="tm-backlinks__title">
        Referenced by {sources.length === 1 ? 'one threat' : `${sources.length} threats`} in other use cases:
      </p>
      <ul>
        {sources.map((id) => (
          <li key={id}>
            <ThreatModelThreatLink id={id} data={data} />
          </li>
        ))}
      </ul>
    </div>
  );
}
