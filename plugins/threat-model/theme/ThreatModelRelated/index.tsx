/**
 * The links of a threat's Related field. The page's Markdown holds only the
 * IDs; titles and pages come from the page's data module, which the plugin
 * rewrites when any file changes, so renaming a threat in one file updates
 * every page that names it.
 */
import {Fragment, type ReactNode} from 'react';
import ThreatModelThreatLink from '@theme/ThreatModelThreatLink';
import type {ThreatModelPageData} from 'docusaurus-plugin-threat-model/client';

export interface Props {
  /** Related threat IDs, separated by spaces. */
  ids: string;
  /** The page's data module. */
  data: ThreatModelPageData;
}

export default function ThreatModelRelated({ids, data}: Props): ReactNode {
  return ids
    .split(' ')
    .filter(Boolean)
    .map((id, i) => (
      <Fragment key={id}>
        {i > 0 ? ', ' : null}
        <ThreatModelThreatLink id={id} data={data} />
      </Fragment>
    ));
}
