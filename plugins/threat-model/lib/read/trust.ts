/** `## Trust`, `## Not applicable`: the labelled lists those sections hold. */
import type {Heading, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {didYouMean, nearest} from '../diagnostics';
import {STRIDE} from '../schema';
import type {NotApplicable} from '../types';
import {visible} from '../visible';
import {at, report, type Context} from './context';
import {itemParagraph, readList} from './lists';

export function readTrust(section: {heading: Heading; nodes: Root['children']} | undefined, ctx: Context) {
  const result = {trusted: [] as ReturnType<typeof readList>, untrusted: [] as ReturnType<typeof readList>};
  if (!section) return result;
  const {nodes} = section;
  const seen = new Set<string>();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'html' && node.value.startsWith('<!--')) continue;
    const label = node.type === 'paragraph' ? toString(node).trim().toLowerCase() : '';
    const next = nodes[i + 1];
    if ((label === 'trusted:' || label === 'untrusted:') && next?.type === 'list') {
      const name = label === 'trusted:' ? 'Trusted' : 'Untrusted';
      if (seen.has(label)) {
        report(ctx, node, 'lost-content', `A second "${name}:" list in the Trust section`,
          `Merge it into the first "${name}:" list: the reference and the export read one list each.`);
      } else {
        seen.add(label);
        result[label === 'trusted:' ? 'trusted' : 'untrusted'] = readList([next], `the ${name} list`, ctx);
      }
      i++;
      continue;
    }
    report(ctx, node, 'lost-content', `${node.type === 'paragraph' ? 'A paragraph' : node.type === 'list' ? 'A list without a "Trusted:" or "Untrusted:" label' : 'A block'} in the Trust section`,
      'The Trust section holds a `Trusted:` list and an `Untrusted:` list only; move other text to `## Scope`.');
  }
  for (const [label, items] of [['Trusted', result.trusted], ['Untrusted', result.untrusted]] as const) {
    if (items.length === 0 && !seen.has(`${label.toLowerCase()}:`)) {
      report(ctx, section.heading, 'missing-trust-list', `The Trust section has no "${label}:" list`,
        `Add a paragraph \`${label}:\` followed by a bulleted list.`);
    }
  }
  return result;
}

export function readNotApplicable(nodes: Root['children'], ctx: Context): NotApplicable[] {
  const result: NotApplicable[] = [];
  for (const node of nodes) {
    if (node.type === 'html' && node.value.startsWith('<!--')) continue;
    if (node.type !== 'list') {
      report(ctx, node, 'lost-content', `${node.type === 'paragraph' ? 'A paragraph' : 'A block'} in the Not applicable section, which holds only a list`,
        'Write `- <category>: <reason>` items only.');
      continue;
    }
    for (const item of node.children) {
      const paragraph = itemParagraph(item, 'the Not applicable section', ctx);
      if (!paragraph) continue;
      const full = toString(paragraph).trim();
      const colon = full.indexOf(':');
      const name = (colon === -1 ? full : full.slice(0, colon)).trim();
      const reason = colon === -1 ? '' : full.slice(colon + 1).trim();
      const category = STRIDE.find((s) => s.toLowerCase() === name.toLowerCase());
      if (!category) {
        const guess = didYouMean(name, STRIDE);
        report(ctx, paragraph, 'not-applicable-reason', `"${visible(name)}" is not a STRIDE category${guess ? ` (${guess})` : ''}`,
          `Write \`- <category>: <reason>\` with one of: ${STRIDE.join(', ')}.`, {expected: nearest(name, STRIDE), actual: name});
        continue;
      }
      if (reason === '') {
        report(ctx, paragraph, 'not-applicable-reason', `"${category}" is declared not applicable without a reason`,
          `Say why no threat of this use case falls in it: \`- ${category}: <reason>\`.`);
        continue;
      }
      result.push({category, reason, position: at(paragraph)});
    }
  }
  return result;
}
