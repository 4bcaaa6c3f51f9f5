/** The file's H2 sections, in the documented order. */
import type {Heading, Root, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {didYouMean, nearest} from '../diagnostics';
import {OPTIONAL_SECTIONS, SECTIONS, type SectionName} from '../schema';
import {at, report, type Context} from './context';

export interface Section {
  heading: Heading;
  nodes: RootContent[];
}

export interface Sections {
  /** Blocks before the first H2 (after the front matter): the page's introduction. */
  intro: RootContent[];
  byName: Map<SectionName, Section>;
}

export function splitSections(tree: Root, ctx: Context): Sections {
  const byName = new Map<SectionName, Section>();
  const intro: RootContent[] = [];
  const order: SectionName[] = [];
  let current: Section | undefined;
  let before = true;
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth <= 2) {
      before = false;
      current = undefined;
      const name = toString(node).trim();
      const section = SECTIONS.find((s) => s.toLowerCase() === name.toLowerCase());
      if (node.depth === 1) {
        report(ctx, node, 'unknown-section', `Level-1 heading "${name}" in a threat model`,
          'Remove it: the page title comes from the `title` front-matter field.');
      } else if (!section) {
        const guess = didYouMean(name, SECTIONS);
        report(ctx, node, 'unknown-section', `Unknown section "## ${name}"${guess ? ` (${guess})` : ''}`,
          `Sections are: ${SECTIONS.map((s) => `## ${s}`).join(', ')}. Use ### for sub-headings.`, {expected: nearest(name, SECTIONS), actual: name});
      } else if (byName.has(section)) {
        report(ctx, node, 'unknown-section', `Section "## ${section}" appears twice`, 'Merge the two sections into one.');
      } else {
        current = {heading: node, nodes: []};
        byName.set(section, current);
        order.push(section);
      }
      continue;
    }
    if (before) intro.push(node);
    else current?.nodes.push(node);
  }

  for (const name of SECTIONS) {
    if (!byName.has(name) && !OPTIONAL_SECTIONS.includes(name)) {
      // Point where it belongs: at the next section present, else the end.
      const next = SECTIONS.slice(SECTIONS.indexOf(name) + 1).map((s) => byName.get(s)).find((s) => s !== undefined);
      const point = next ? at(next.heading) : {line: tree.position?.end.line ?? 1, column: 1};
      report(ctx, point, 'missing-section', `Missing section "## ${name}"`,
        `Add a \`## ${name}\` section; sections go in this order: ${SECTIONS.join(', ')}.`);
    }
  }
  // Blame the first section that comes after one it should precede.
  const rank = (s: SectionName) => SECTIONS.indexOf(s);
  const misplaced = order.findIndex((s, i) => order.slice(0, i).some((p) => rank(p) > rank(s)));
  if (misplaced !== -1) {
    const name = order[misplaced]!;
    const before = order.find((p) => rank(p) > rank(name))!;
    report(ctx, byName.get(name)!.heading, 'section-order', `Section "## ${name}" is out of order`,
      `Move it before \`## ${before}\`; the order is: ${SECTIONS.join(', ')}.`);
  }
  return {intro, byName};
}
