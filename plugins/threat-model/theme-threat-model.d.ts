/**
 * Types of the theme components the plugin provides, for sites that import
 * or swizzle them (`npm run swizzle docusaurus-plugin-threat-model`).
 */
declare module '@theme/ThreatModelReference' {
  import type {ReactNode} from 'react';
  import type {ReferenceData} from 'docusaurus-plugin-threat-model/client';

  export interface Props {
    /** Built by the plugin from every threat model: the route's props. */
    reference: ReferenceData;
  }
  export default function ThreatModelReference(props: Props): ReactNode;
}

declare module '@theme/ThreatModelRelated' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** Related threat IDs, separated by spaces. */
    ids: string;
    /** The page's data module. */
    data: import('docusaurus-plugin-threat-model/client').ThreatModelPageData;
  }
  export default function ThreatModelRelated(props: Props): ReactNode;
}

declare module '@theme/ThreatModelAnchors' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** IDs of the data-flow table rows, separated by spaces. */
    ids: string;
  }
  export default function ThreatModelAnchors(props: Props): ReactNode;
}

declare module '@theme/ThreatModelDiagram' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** The page's data module, whose `diagram` holds the SVG the plugin drew. */
    data: import('docusaurus-plugin-threat-model/client').ThreatModelPageData;
  }
  export default function ThreatModelDiagram(props: Props): ReactNode;
}

declare module '@theme/ThreatModelCve' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** The CVE ID, e.g. `CVE-2024-27982`. */
    id: string;
    /** The page's data module. */
    data: import('docusaurus-plugin-threat-model/client').ThreatModelPageData;
  }
  export default function ThreatModelCve(props: Props): ReactNode;
}

declare module '@theme/ThreatModelReferencedBy' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** ID of the threat whose backlinks to list. */
    threat: string;
    /** The page's data module. */
    data: import('docusaurus-plugin-threat-model/client').ThreatModelPageData;
  }
  export default function ThreatModelReferencedBy(props: Props): ReactNode;
}

declare module '@theme/ThreatModelThreatLink' {
  import type {ReactNode} from 'react';

  export interface Props {
    /** The threat's ID, e.g. `SRV-01`. */
    id: string;
    /** The page's data module. */
    data: import('docusaurus-plugin-threat-model/client').ThreatModelPageData;
  }
  export default function ThreatModelThreatLink(props: Props): ReactNode;
}

declare module '@theme/ThreatModelChanges' {
  import type {ReactNode} from 'react';
  import type {ChangesData} from 'docusaurus-plugin-threat-model/client';

  export interface Props {
    /** Built by the plugin from the git history at build time: the route's props. */
    changes: ChangesData;
    /** Route of the security-model reference page, which the lead links. */
    referencePath: string;
  }
  export default function ThreatModelChanges(props: Props): ReactNode;
}

declare module '@theme/ThreatModelTriage' {
  import type {ReactNode} from 'react';
  import type {TriageData} from 'docusaurus-plugin-threat-model/client';

  export interface Props {
    /** Built by the plugin from the JSON export: the route's props. */
    triage: TriageData;
  }
  export default function ThreatModelTriage(props: Props): ReactNode;
}
