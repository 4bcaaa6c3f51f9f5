/** The starting point that `new` writes for a use case. */
import type {UseCase} from './config';

export function threatModelTemplate(useCase: UseCase, runtime: string, today: string): string {
  const id = `${useCase.prefix}-01`;
  return `---
use_case: ${useCase.id}
title: ${runtime} — ${useCase.label}
description: One sentence on what this threat model covers.
status: draft
last_reviewed: "${today}"
owners: ["@your-team"]
---

<!-- Fill every section. \`npm run check\` reports what is still missing. -->

## Scope

Which deployments of ${runtime} this model covers, and which it does not.

## Trust

Trusted:

- What ${runtime} trusts in this use case (the code it runs, the operating system, …).

Untrusted:

- What it does not trust (network peers, file contents, …).

## Assets

- What an attacker wants.

## Threats

### First threat title {#${id}}

- STRIDE: Tampering
- Severity: medium
- Responsibility: application
- Mitigations: what the application or operator does about it
- References: TODO

How the attack works, who is affected, and whether a flaw here would be a
vulnerability in ${runtime} under its security model.

## Not applicable

<!-- One line per STRIDE category that no threat covers: - Repudiation: reason -->

## Out of scope

- What is not a vulnerability under the security model.
`;
}
