/**
 * The one registry of rules: every finding names one of these. The SARIF
 * rule list, the rule table of the contributing page, `RULES.md` and the
 * check that every rule has a fixture all come from it. Each rule is one
 * module in `definitions/`, in the order the contributing page lists them.
 */
import noFrontMatter from './definitions/no-front-matter';
import yamlSyntax from './definitions/yaml-syntax';
import invalidFrontMatter from './definitions/invalid-front-matter';
import unknownUseCase from './definitions/unknown-use-case';
import duplicateUseCase from './definitions/duplicate-use-case';
import missingUseCase from './definitions/missing-use-case';
import fileName from './definitions/file-name';
import missingSection from './definitions/missing-section';
import unknownSection from './definitions/unknown-section';
import sectionOrder from './definitions/section-order';
import missingTrustList from './definitions/missing-trust-list';
import unknownField from './definitions/unknown-field';
import missingField from './definitions/missing-field';
import invalidValue from './definitions/invalid-value';
import duplicateField from './definitions/duplicate-field';
import missingId from './definitions/missing-id';
import malformedId from './definitions/malformed-id';
import idPrefix from './definitions/id-prefix';
import duplicateId from './definitions/duplicate-id';
import missingReference from './definitions/missing-reference';
import invalidReference from './definitions/invalid-reference';
import unknownRelated from './definitions/unknown-related';
import unknownFeature from './definitions/unknown-feature';
import strideCoverage from './definitions/stride-coverage';
import notApplicableReason from './definitions/not-applicable-reason';
import notApplicableCovered from './definitions/not-applicable-covered';
import unsafeHtml from './definitions/unsafe-html';
import notMarkdown from './definitions/not-markdown';
import emptyFile from './definitions/empty-file';
import binaryFile from './definitions/binary-file';
import noThreats from './definitions/no-threats';
import frontMatterFence from './definitions/front-matter-fence';
import yamlFeature from './definitions/yaml-feature';
import frontMatterKey from './definitions/front-matter-key';
import lineEnding from './definitions/line-ending';
import controlCharacter from './definitions/control-character';
import folderLayout from './definitions/folder-layout';
import rawHtml from './definitions/raw-html';
import directive from './definitions/directive';
import unsupportedMarkdown from './definitions/unsupported-markdown';
import localFile from './definitions/local-file';
import brokenLink from './definitions/broken-link';
import brokenAnchor from './definitions/broken-anchor';
import misplacedThreat from './definitions/misplaced-threat';
import headingId from './definitions/heading-id';
import headingContent from './definitions/heading-content';
import lostContent from './definitions/lost-content';
import emptyTitle from './definitions/empty-title';
import placeholder from './definitions/placeholder';
import fileSize from './definitions/file-size';
import staleReview from './definitions/stale-review';
import unknownZone from './definitions/unknown-zone';
import zoneCycle from './definitions/zone-cycle';
import danglingFlow from './definitions/dangling-flow';
import boundaryMismatch from './definitions/boundary-mismatch';
import unknownElement from './definitions/unknown-element';
import unknownFlow from './definitions/unknown-flow';
import uncoveredFlow from './definitions/uncovered-flow';

export const RULE_LIST = [
  noFrontMatter,
  yamlSyntax,
  invalidFrontMatter,
  unknownUseCase,
  duplicateUseCase,
  missingUseCase,
  fileName,
  missingSection,
  unknownSection,
  sectionOrder,
  missingTrustList,
  unknownField,
  missingField,
  invalidValue,
  duplicateField,
  missingId,
  malformedId,
  idPrefix,
  duplicateId,
  missingReference,
  invalidReference,
  unknownRelated,
  unknownFeature,
  strideCoverage,
  notApplicableReason,
  notApplicableCovered,
  unsafeHtml,
  notMarkdown,
  emptyFile,
  binaryFile,
  noThreats,
  frontMatterFence,
  yamlFeature,
  frontMatterKey,
  lineEnding,
  controlCharacter,
  folderLayout,
  rawHtml,
  directive,
  unsupportedMarkdown,
  localFile,
  brokenLink,
  brokenAnchor,
  misplacedThreat,
  headingId,
  headingContent,
  lostContent,
  emptyTitle,
  placeholder,
  fileSize,
  staleReview,
  unknownZone,
  zoneCycle,
  danglingFlow,
  boundaryMismatch,
  unknownElement,
  unknownFlow,
  uncoveredFlow,
] as const;

export type RuleName = (typeof RULE_LIST)[number]['id'];

/** Rule name → its definition. */
export const RULES = Object.fromEntries(RULE_LIST.map((rule) => [rule.id, rule])) as {[K in RuleName]: Extract<(typeof RULE_LIST)[number], {id: K}>};
