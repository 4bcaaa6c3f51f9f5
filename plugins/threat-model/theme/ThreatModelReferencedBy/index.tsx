/**
 * "Referenced by": the threats of other use cases whose Related field names
 * this one. Read from the plugin's global data at run time, so it follows
 * edits to the other files without recompiling this page.
 */
import type {ReactNode} from 'react';
import {useThreatModelData} from 'docusaurus-plugin-threat-model/client';
import ThreatModelThreatLink from '@theme/ThreatModelThreatLink';

export interface Props {
  /** ID of the threat whose backlinks to list. */
  threat: string;
  /** The plugin instance whose data to read. */
  pluginId?: string;
}

export default function ThreatModelReferencedBy({threat, pluginId}: Props): ReactNode {
  const sources = useThreatModelData(pluginId).backlinks[threat] ?? [];
  if (sources.length === 0) return null;
  return (
    <div className="tm-backlinks">
      <p className="tm-backlinks__title">
        Referenced by {sources.length === 1 ? 'one threat' : `${sources.length} threats`} in other use cases:
      </p>
      <ul>
        {sources.map((id) => (
          <li key={id}>
            <ThreatModelThreatLink id={id} pluginId={pluginId} />
          </li>
        ))}
      </ul>
    </div>
  );
}
