/**
 * One threat of another part of the site as `ID (title)`, linked to its
 * page and anchor, from the plugin's global data. Related fields and
 * "Referenced by" lists use it.
 */
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {threatUrl, useThreatModelData} from 'docusaurus-plugin-threat-model/client';

export interface Props {
  /** The threat's ID, e.g. `SRV-01`. */
  id: string;
  /** The plugin instance whose data to read. */
  pluginId?: string;
}

export default function ThreatModelThreatLink({id, pluginId}: Props): ReactNode {
  const data = useThreatModelData(pluginId);
  const url = threatUrl(data, id);
  const title = data.threats[id]?.title;
  // Only under `docusaurus start`, while a file names an ID that no file
  // defines: the build fails on it, with the finding.
  if (!url) return <span className="tm-unknown-threat">{id} (no threat model defines it)</span>;
  return (
    <Link to={url}>
      {id}
      {title ? ` (${title})` : null}
    </Link>
  );
}
