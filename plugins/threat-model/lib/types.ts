/**
 * The typed model of threat-model files. Everything here is plain JSON, so
 * the index can travel through Docusaurus plugin options (which are part of
 * the loader's cache key) and into the JSON export unchanged.
 */
import type {Point} from './diagnostics';
import type {LocalLink} from './read/links';
import type {FrontMatter, Responsibility, Severity, Stride} from './schema';

/** Inline Markdown kept for display: text, code spans and links. */
export type Inline =
  | {type: 'text'; value: string}
  | {type: 'code'; value: string}
  | {type: 'link'; url: string; children: Inline[]};

export type ReferenceKind = 'cve' | 'cwe' | 'url';

export interface Reference {
  kind: ReferenceKind;
  /** Display text: the CVE/CWE ID, the link text, or the URL. */
  text: string;
  url: string;
}

export interface Threat {
  id: string;
  title: string;
  useCase: string;
  /** Source path relative to the site root. */
  file: string;
  position: Point;
  stride: Stride[];
  severity: Severity;
  responsibility: Responsibility;
  /** One entry per mitigation, in the order written. */
  mitigations: Inline[][];
  features: string[];
  related: string[];
  /** Where each `Related` ID is written, for findings about it. */
  relatedAt: Record<string, Point>;
  references: Reference[];
  /** First paragraph of the prose, as plain text (for tables and search). */
  summary: string;
  /** The whole description after the field list, as plain text, paragraphs apart. */
  details: string;
  /** IDs of the model's flows and elements the threat concerns, as written in `Flows` ([] when absent). */
  flows: string[];
  /** Where each `Flows` ID is written, for findings about it. */
  flowsAt?: Record<string, Point>;
}

/** Which side of the model's trust line a zone is on (its `Trusted:` / `Untrusted:` lists). */
export type ZoneTrust = 'trusted' | 'untrusted';

/** What a data-flow element is, as the diagram draws it. Written `data store`, `external entity`. */
export type ElementKind = 'process' | 'data-store' | 'external-entity';

/** A row of the zone table under `## Data flows`: a box of the diagram. */
export interface TrustZone {
  id: string;
  name: Inline[];
  trust: ZoneTrust;
  /** The zone this one is drawn inside (`Inside`), if any. */
  parent?: string;
  position: Point;
}

/** A row of the element table: a process, data store or external entity in a zone. */
export interface FlowElement {
  id: string;
  name: Inline[];
  kind: ElementKind;
  zone: string;
  position: Point;
}

/** A row of the flow table: data that moves from one element to another. */
export interface DataFlow {
  id: string;
  from: string;
  to: string;
  data: Inline[];
  /** `Boundary: yes`: the flow crosses a trust boundary. */
  crossesBoundary: boolean;
  position: Point;
}

/** The `## Data flows` section: its three tables, rows in the order written. */
export interface DataFlows {
  zones: TrustZone[];
  elements: FlowElement[];
  flows: DataFlow[];
}

export interface NotApplicable {
  category: Stride;
  reason: string;
  position: Point;
}

export interface ThreatModel {
  file: string;
  useCase: string;
  frontMatter: FrontMatter;
  /** Prose before the first section, as plain text. */
  intro: string;
  scope: string;
  trusted: Inline[][];
  untrusted: Inline[][];
  assets: Inline[][];
  /** The `## Data flows` section; absent when the file has none. */
  dataFlows?: DataFlows;
  threats: Threat[];
  notApplicable: NotApplicable[];
  outOfScope: Inline[][];
  /** Every anchor the page has: the summary's, threat IDs and heading slugs. */
  anchors: string[];
  /** Local links and images, for the cross-file check that their targets exist. */
  links: LocalLink[];
}

export interface CoverageCell {
  /** IDs of the threats of this use case in this category. */
  threats: string[];
  /** Reason given under `## Not applicable`, if any. */
  notApplicable?: string;
}

/** Cross-document index: the single source every consumer reads. */
export interface ThreatIndex {
  /** Models in configured use-case order (missing use cases are absent). */
  models: ThreatModel[];
  /** Every threat ID → where it is defined. */
  locations: Record<string, {useCase: string; file: string; line: number; column: number; title: string}>;
  /** Threat ID → IDs of threats in other files whose `Related` names it. */
  backlinks: Record<string, string[]>;
  /** use case → STRIDE category → cell. */
  coverage: Record<string, Record<string, CoverageCell>>;
}
