/**
 * The shape of a rule's module in `definitions/`: what the rule finds, how
 * bad its findings are by default, and where it is documented.
 */
import type {Severity} from '../diagnostics';

/** Where the rules are documented; each rule's entry is the anchor of its id. */
export const RULES_DOC = 'https://github.com/threat-model-site/threat-model-site/blob/main/plugins/threat-model/RULES.md';

export interface RuleDefinition<Id extends string = string> {
  /** Stable name. With the origin, `threat-model:<id>` is what reports print and CI filters match. */
  id: Id;
  /** One sentence: what the rule finds. SARIF, the contributing page and RULES.md show it. */
  description: string;
  /** Severity of its findings; a finding may say otherwise. */
  severity: Severity;
  /** Anchor of the rule's entry in RULES.md: its id. */
  anchor: string;
  /** URL of that entry, given with every finding. */
  url: string;
}

export function defineRule<const Id extends string>(rule: {id: Id; description: string; severity: Severity}): RuleDefinition<Id> {
  return {...rule, anchor: rule.id, url: `${RULES_DOC}#${rule.id}`};
}
