/**
 * The format's fixed vocabularies as plain constants, importable from
 * browser code without bundling the validator (`schema.ts` builds its zod
 * enums from these).
 */

/** STRIDE categories, in their conventional order. */
export const STRIDE = [
  'Spoofing',
  'Tampering',
  'Repudiation',
  'Information disclosure',
  'Denial of service',
  'Elevation of privilege',
] as const;

/** How bad the threat is for this use case if it is realised. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/**
 * Who must fix it. `node`: a flaw here is a vulnerability in the runtime
 * under its security model. The others are outside the runtime's model.
 */
export const RESPONSIBILITIES = ['node', 'application', 'operator', 'ecosystem'] as const;

/** Review state of a threat-model file. */
export const STATUSES = ['draft', 'review', 'published'] as const;

/**
 * State of a threat tracked as a risk, for sites that use the generator as a
 * risk register. Optional: a threat without it is simply documented.
 * `accepted` needs an owner and a review date (`Owner`, `Review by`).
 */
export const RISK_STATUSES = ['open', 'mitigated', 'accepted', 'transferred'] as const;

export type Stride = (typeof STRIDE)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Responsibility = (typeof RESPONSIBILITIES)[number];
export type Status = (typeof STATUSES)[number];
export type RiskStatus = (typeof RISK_STATUSES)[number];
