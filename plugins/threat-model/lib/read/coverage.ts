/** Whole-file checks after reading: STRIDE coverage and scaffold leftovers. */
import type {Heading} from 'mdast';
import {STRIDE} from '../schema';
import {PLACEHOLDERS} from '../template';
import type {ThreatModel} from '../types';
import {report, type Context} from './context';
import {locate} from './front-matter';

/** Each STRIDE category is covered by a threat or declared not applicable. */
export function checkCoverage(model: ThreatModel, anchor: Heading | undefined, ctx: Context): void {
  for (const category of STRIDE) {
    const covered = model.threats.some((t) => t.stride.includes(category));
    const declared = model.notApplicable.find((n) => n.category === category);
    if (!covered && !declared) {
      report(ctx, anchor ?? {line: 1, column: 1}, 'stride-coverage',
        `STRIDE category "${category}" is not covered`,
        `Add a threat whose STRIDE field lists ${category}, or add \`- ${category}: <reason>\` under \`## Not applicable\`.`);
    }
    if (covered && declared) {
      report(ctx, declared.position, 'not-applicable-covered',
        `"${category}" is declared not applicable, but a threat covers it`,
        `Remove \`${category}\` from \`## Not applicable\`, or correct the threat's STRIDE field.`);
    }
  }
}

/** Scaffold text that was never replaced (see `../template.ts`). */
export function checkPlaceholders(ctx: Context): void {
  for (const [name, text] of Object.entries(PLACEHOLDERS)) {
    if (name === 'reference') continue; // `TODO` is already an invalid reference
    const index = ctx.text.indexOf(text);
    if (index !== -1) {
      report(ctx, locate(ctx.text, index), 'placeholder', `Scaffold text "${text}" was never replaced`,
        'Replace the scaffold\'s placeholder with the real content for this use case.');
    }
  }
}
