/**
 * SARIF 2.1.0, for GitHub code scanning (`github/codeql-action/upload-sarif`).
 * Locations are relative to the repository root (`%SRCROOT%`).
 */
import {RULES, RULE_ORIGIN, ruleId, type Diagnostic, type RuleName} from '../diagnostics';

export function toSarif(diagnostics: Diagnostic[]): Record<string, unknown> {
  const rules = (Object.keys(RULES) as RuleName[]).map((name) => ({
    id: ruleId(name),
    name,
    shortDescription: {text: RULES[name]},
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: `${RULE_ORIGIN}-check`, rules}},
        originalUriBaseIds: {'%SRCROOT%': {description: {text: 'The repository root.'}}},
        results: diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ...(index.has(d.ruleId) ? {ruleIndex: index.get(d.ruleId)} : {}),
          level: d.severity,
          message: {text: `${d.message}. ${d.hint}`},
          locations: [
            {
              physicalLocation: {
                artifactLocation: {uri: d.file, uriBaseId: '%SRCROOT%'},
                region: {startLine: d.line, startColumn: d.column},
              },
            },
          ],
        })),
      },
    ],
  };
}

export function formatSarif(diagnostics: Diagnostic[]): string {
  return `${JSON.stringify(toSarif(diagnostics), null, 2)}\n`;
}
