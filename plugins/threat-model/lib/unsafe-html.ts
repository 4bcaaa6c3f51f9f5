/**
 * Raw HTML or URLs in contributed Markdown that could run script in a
 * reader's browser. The check reports them as errors; the site also runs a
 * sanitizer (see `sanitize.ts`) in case one slips through.
 */
import type {Nodes, Root} from 'mdast';
import {visit} from 'unist-util-visit';

export interface UnsafeFinding {
  node: Nodes;
  message: string;
  hint: string;
}

const ELEMENTS = /<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|form)\b/i;
// An attribute may also follow `/` or a closing quote: `<svg/onload=…>`.
const HANDLER = /<[^>]*[\s/"'](on[a-z]+)\s*=/i;
const SCRIPT_URL = /^(javascript|vbscript|data):/i;
// A quoted value runs to its closing quote, which may hold a tab: `"java<TAB>script:…"`.
const ATTRIBUTE_URL = /[\s/"'](?:href|src|action|formaction|xlink:href|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** A decoded character reference; out-of-range code points become U+FFFD, as in browsers. */
const codePoint = (code: number) => (code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd');

/** True when a URL would run script once the browser decodes it. */
export function isScriptUrl(url: string): boolean {
  // Browsers drop control characters and whitespace inside the scheme, and
  // decode entities in attributes: `java&#x09;script:` still runs.
  const decoded = url
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => codePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => codePoint(Number.parseInt(dec, 10)))
    .replace(/&(tab|newline);/gi, '')
    .replace(/&colon;/gi, ':')
    .replace(/[\u0000-\u0020\u007f]+/g, '');
  return SCRIPT_URL.test(decoded) && !/^data:image\/(png|gif|jpeg|webp);/i.test(decoded);
}

export function findUnsafeHtml(tree: Root): UnsafeFinding[] {
  const findings: UnsafeFinding[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') {
      const element = ELEMENTS.exec(node.value);
      if (element) {
        findings.push({
          node,
          message: `Raw HTML element <${element[1]!.toLowerCase()}> is not allowed`,
          hint: 'Remove the element: threat models are plain Markdown, and embedded elements could run script on the site.',
        });
      }
      const handler = HANDLER.exec(node.value);
      if (handler) {
        findings.push({
          node,
          message: `Event-handler attribute "${handler[1]}" is not allowed`,
          hint: 'Remove the attribute: `on*=` handlers run script in the reader\'s browser.',
        });
      }
      for (const match of node.value.matchAll(ATTRIBUTE_URL)) {
        const url = match[1] ?? match[2] ?? match[3] ?? '';
        if (isScriptUrl(url)) findings.push(scriptUrl(node, url));
      }
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && isScriptUrl(node.url)) {
      findings.push(scriptUrl(node, node.url));
    }
  });
  return findings;
}

function scriptUrl(node: Nodes, url: string): UnsafeFinding {
  return {
    node,
    // JSON quoting shows a decoded tab or newline instead of printing it.
    message: `URL ${JSON.stringify(url.slice(0, 40))} uses a script scheme`,
    hint: 'Link to an https:// page instead; javascript:, vbscript: and data: URLs are not allowed.',
  };
}
