/**
 * SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`).
 * Locations are relative to the repository root (`%SRCROOT%`). The rule list
 * is the registry's.
 */
import {RULE_ORIGIN, ruleId, type Diagnostic} from '../diagnostics';
import {RULE_LIST} from '../rules/registry';

export function toSarif(diagnostics: Diagnostic[]): Record<string, unknown> {
  const rules = RULE_LIST.map((rule) => ({
    id: ruleId(rule.id),
    name: rule.id,
    shortDescription: {text: rule.description},
    helpUri: rule.url,
    defaultConfiguration: {level: rule.severity},
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: `${RULE_ORIGIN}-check`, rules}},
        originalUriBaseIds: {'%SRCROOT%': {description: {text: 'The repository root.'}}},
        results: diagnostics.map((d) => {
          const end = d.place && 'end' in d.place ? d.place.end : undefined;
          return {
            ruleId: d.id,
            ...(index.has(d.id) ? {ruleIndex: index.get(d.id)} : {}),
            level: d.severity,
            message: {text: `${d.reason}. ${d.hint}`},
            locations: [
              {
                physicalLocation: {
                  artifactLocation: {uri: d.file, uriBaseId: '%SRCROOT%'},
                  region: {startLine: d.line, startColumn: d.column, ...(end ? {endLine: end.line, endColumn: end.column} : {})},
                },
              },
            ],
          };
        }),
      },
    ],
  };
}

export function formatSarif(diagnostics: Diagnostic[]): string {
  return `${JSON.stringify(toSarif(diagnostics), null, 2)}\n`;
}
