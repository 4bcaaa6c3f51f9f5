/**
 * The links of a threat's Related field. The page's Markdown holds only the
 * IDs; titles and pages come from the plugin's global data, so renaming a
 * threat in one file updates every page that names it.
 */
import {Fragment, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {threatUrl, useThreatModelData} from '../../client';

export interface Props {
  /** Related threat IDs, separated by spaces. */
  ids: string;
  /** The plugin instance whose data to read. */
  pluginId?: string;
}

export default function ThreatModelRelated({ids, pluginId}: Props): ReactNode {
  const list = ids.split(' ').filter(Boolean);
  return list.map((id, i) => (
    <Fragment key={id}>
      {i > 0 ? ', ' : null}
      <ThreatReference id={id} pluginId={pluginId} />
    </Fragment>
  ));
}

/** One threat as `ID (title)`, linked to its page. */
export function ThreatReference({id, pluginId}: {id: string; pluginId?: string}): ReactNode {
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
