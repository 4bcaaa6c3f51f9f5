/**
 * The links of a threat's Related field. The page's Markdown holds only the
 * IDs; titles and pages come from the plugin's global data, so renaming a
 * threat in one file updates every page that names it.
 */
import {Fragment, type ReactNode} from 'react';
import ThreatModelThreatLink from '@theme/ThreatModelThreatLink';

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
      <ThreatModelThreatLink id={id} pluginId={pluginId} />
    </Fragment>
  ));
}
