/** The starting point that `new` writes for a use case. */
import type {Policy, UseCase} from './config';
import {flowId, threatId} from './ids';

/**
 * The scaffold's placeholder text. The check reports any of it left in a
 * file, so a scaffold that was never filled in cannot pass.
 */
export const PLACEHOLDERS = {
  description: 'One sentence on what this threat model covers.',
  owner: '@your-team',
  policyRevision: 'revision-you-checked-against',
  scope: 'Which deployments of',
  trusted: 'What the runtime trusts in this use case',
  untrusted: 'What it does not trust (network peers, file contents',
  asset: 'What an attacker wants.',
  flowSource: 'Where untrusted data comes from',
  flowData: 'What data crosses the boundary',
  title: 'First threat title',
  mitigations: 'what the application or operator does about it',
  reference: 'TODO',
  prose: 'How the attack works, who is affected',
  outOfScope: 'What is not a vulnerability under the security model.',
} as const;

export function threatModelTemplate(useCase: UseCase, runtime: string, today: string, policy?: Policy): string {
  const id = threatId(useCase.prefix, 1);
  const [z1, z2, e1, e2, f1] = [flowId(useCase.prefix, 'zone', 1), flowId(useCase.prefix, 'zone', 2),
    flowId(useCase.prefix, 'element', 1), flowId(useCase.prefix, 'element', 2), flowId(useCase.prefix, 'flow', 1)];
  const revision = policy ? `\npolicy_revision: "${PLACEHOLDERS.policyRevision}" # the ${policy.label} revision you checked against` : '';
  return `---
use_case: ${useCase.id}
title: ${runtime} — ${useCase.label}
description: ${PLACEHOLDERS.description}
status: draft
last_reviewed: "${today}"
owners: ["${PLACEHOLDERS.owner}"]${revision}
---

<!-- Fill every section. \`npm run check\` reports what is still missing. -->

## Scope

${PLACEHOLDERS.scope} ${runtime} this model covers, and which it does not.

## Trust

Trusted:

- ${PLACEHOLDERS.trusted} (the code it runs, the operating system, …).

Untrusted:

- ${PLACEHOLDERS.untrusted}, …).

## Assets

- ${PLACEHOLDERS.asset}

## Data flows

<!-- Trust zones, the elements in them, and the flows between elements; the page
draws them. One row per zone, element and flow; each threat lists the flows and
elements it concerns in its Flows field. Optional: to leave it out, delete this
section and the Flows lines. -->

| Zone | Name | Trust | Inside |
| --- | --- | --- | --- |
| ${z1} | Outside the deployment | untrusted | |
| ${z2} | The deployment | trusted | |

| Element | Name | Kind | Zone |
| --- | --- | --- | --- |
| ${e1} | ${PLACEHOLDERS.flowSource} | external entity | ${z1} |
| ${e2} | The ${runtime} process | process | ${z2} |

| Flow | From | To | Data | Boundary |
| --- | --- | --- | --- | --- |
| ${f1} | ${e1} | ${e2} | ${PLACEHOLDERS.flowData} | yes |

## Threats

### ${PLACEHOLDERS.title} {#${id}}

- STRIDE: Tampering
- Severity: medium
- Responsibility: application
- Mitigations:
  - One item per mitigation: ${PLACEHOLDERS.mitigations}
- Flows: ${f1}
- References: ${PLACEHOLDERS.reference}

${PLACEHOLDERS.prose}, and whether a flaw here would be a
vulnerability in ${runtime} under its security model.

## Not applicable

<!-- One line per STRIDE category that no threat covers: - Repudiation: reason -->

## Out of scope

- ${PLACEHOLDERS.outOfScope}
`;
}
