/**
 * Raw HTML in a contributed file, read by the HTML tokenizer that browsers
 * and rehype-raw follow (parse5), not by a regular expression: a `>` inside
 * a quoted value, a `/` before an attribute or an entity in a URL is read
 * exactly as the site will read it.
 *
 * The format allows a few inline elements and `<details>`; everything else
 * is reported with its position, so the sanitizer behind the site (see
 * `../sanitize.ts`) never has to remove anything silently.
 */
import type {Html, Nodes} from 'mdast';
import {Tokenizer, type Token, type TokenHandler} from 'parse5';
import {isScriptUrl} from '../script-url';
import {visible} from '../visible';
import {report, type Context} from './context';

/** Raw elements a threat model may use, and the attributes each may carry. */
export const ALLOWED_HTML: Readonly<Record<string, readonly string[]>> = {
  b: ['title'], br: [], code: ['title'], del: ['title'], details: ['open', 'title'], em: ['title'], i: ['title'],
  ins: ['title'], kbd: ['title'], q: ['title'], s: ['title'], samp: ['title'], strong: ['title'], sub: ['title'],
  summary: ['title'], sup: ['title'], var: ['title'],
};

/** Elements that run or load code, submit data, or change how the page is parsed. */
const SCRIPTING = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'form', 'svg', 'math',
  'template', 'noscript', 'portal', 'button', 'input', 'textarea', 'select', 'plaintext', 'xmp', 'noembed', 'noframes',
  'title', 'style', 'image', 'isindex', 'video', 'audio', 'source', 'track',
]);

const VOID = new Set(['br']);

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster', 'background', 'cite', 'srcset']);

interface Offsets {
  line: number;
  column: number;
}

/**
 * Report what is not allowed in one raw HTML node.
 * @param inHeading Headings hold no raw HTML at all, not even a comment.
 */
export function checkHtml(node: Html, ctx: Context, inHeading: boolean): void {
  const origin = node.position?.start ?? {line: 1, column: 1};
  const place = (loc: {startLine: number; startCol: number} | null | undefined): Offsets =>
    !loc ? {line: origin.line, column: origin.column}
    : loc.startLine === 1 ? {line: origin.line, column: origin.column + loc.startCol - 1}
    : {line: origin.line + loc.startLine - 1, column: loc.startCol};

  if (inHeading) {
    const comment = node.value.startsWith('<!--');
    report(ctx, node, comment ? 'heading-id' : 'raw-html',
      comment ? 'HTML comment in a heading' : `Raw HTML ${visible(node.value.slice(0, 40))} in a heading`,
      comment
        ? 'Remove it; a threat\'s ID is written `{#PREFIX-NN}` at the end of the heading, and other headings need none.'
        : 'Headings are plain text and `code`: the table of contents repeats them, so remove the HTML.');
    return;
  }

  const findings: Array<{where: Offsets; rule: 'raw-html' | 'unsafe-html'; message: string; hint: string}> = [];
  const add = (where: Offsets, rule: 'raw-html' | 'unsafe-html', message: string, hint: string) => {
    if (findings.length < 5) findings.push({where, rule, message, hint});
  };

  // An element reported once is not reported again at its end tag, which
  // inline HTML puts in a node of its own.
  const refused = (ctx.refusedHtml ??= new Set<string>());
  const unsafeAttribute = (attribute: Token.Attribute) =>
    /^on/i.test(attribute.name) || (URL_ATTRIBUTES.has(attribute.name) && isScriptUrl(attribute.value));

  const handler: TokenHandler = {
    onStartTag(token: Token.TagToken) {
      const name = token.tagName;
      const where = place(token.location);
      const allowed = ALLOWED_HTML[name];
      if (!allowed) refused.add(name);
      if (allowed && !VOID.has(name) && !token.selfClosing) {
        const open = (ctx.openHtml ??= new Map()).get(name) ?? [];
        open.push(where);
        ctx.openHtml.set(name, open);
      }
      // A handler or script URL is the finding that matters; the element is then not reported twice.
      if (!allowed && !token.attrs.some(unsafeAttribute)) {
        if (SCRIPTING.has(name)) {
          add(where, 'unsafe-html', `Raw HTML element <${visible(name)}> is not allowed`,
            'Remove the element: threat models are plain Markdown, and embedded elements could run script or restyle the site.');
        } else {
          add(where, 'raw-html', `Raw HTML element <${visible(name)}> is not allowed`,
            `To show the text \`<${visible(name)}>\`, put it in backticks or write \`&lt;${visible(name)}>\`. Otherwise use Markdown; the raw elements allowed are ${Object.keys(ALLOWED_HTML).map((n) => `<${n}>`).join(', ')}.`);
        }
      }
      for (const attribute of token.attrs) {
        const attrWhere = place(token.location?.attrs?.[attribute.name]);
        const attr = visible(attribute.name);
        if (/^on/i.test(attribute.name)) {
          add(attrWhere, 'unsafe-html', `Event-handler attribute "${attr}" is not allowed`,
            'Remove the attribute: `on*=` handlers run script in the reader\'s browser.');
        } else if (URL_ATTRIBUTES.has(attribute.name) && isScriptUrl(attribute.value)) {
          add(attrWhere, 'unsafe-html', `URL "${visible(attribute.value.slice(0, 40))}" uses a script scheme`,
            'Link to an https:// page instead; javascript:, vbscript: and data: URLs are not allowed.');
        } else if (allowed && !allowed.includes(attribute.name)) {
          const why = attribute.name === 'class' ? 'contributed classes could borrow the site\'s own styles'
            : attribute.name === 'id' ? 'contributed ids could duplicate the page\'s anchors'
            : attribute.name === 'style' ? 'inline styles could cover or restyle the page'
            : 'the format allows only `title` (and `open` on <details>)';
          add(attrWhere, 'raw-html', `Attribute "${attr}" on <${name}> is not allowed`, `Remove it: ${why}.`);
        }
      }
    },
    onEndTag(token: Token.TagToken) {
      if (ALLOWED_HTML[token.tagName]) {
        const open = ctx.openHtml?.get(token.tagName);
        if (open && open.length > 0) open.pop();
        else add(place(token.location), 'raw-html', `End tag </${token.tagName}> closes nothing`, `Remove it, or add the <${token.tagName}> it should close.`);
      }
      if (!ALLOWED_HTML[token.tagName] && !refused.has(token.tagName)) {
        add(place(token.location), 'raw-html', `Raw HTML end tag </${visible(token.tagName)}> is not allowed`,
          'Remove it: only the allowed inline elements and <details> may be written as raw HTML.');
      }
    },
    onDoctype(token: Token.DoctypeToken) {
      add(place(token.location), 'raw-html', 'A DOCTYPE is not allowed in a threat model', 'Remove it.');
    },
    onComment(token: Token.CommentToken) {
      // `<?…>` and `<![CDATA[…]]>` are bogus comments to the tokenizer.
      if (/^(\?|\[CDATA\[)/.test(token.data) || node.value.slice(0, 2) === '<?') {
        add(place(token.location), 'raw-html', 'A processing instruction or CDATA section is not allowed', 'Remove it.');
      }
    },
    onCharacter() {},
    onNullCharacter() {},
    onWhitespaceCharacter() {},
    onEof() {},
    onParseError(error) {
      if (error.code.startsWith('eof-in-')) {
        add(place({startLine: error.startLine, startCol: error.startCol}), 'raw-html', 'Raw HTML is not closed within its block',
          'Close the tag or comment before the next blank line: the rest of the page would be swallowed by it.');
      }
    },
  };
  new Tokenizer({sourceCodeLocationInfo: true}, handler).write(node.value, true);
  for (const f of findings) report(ctx, f.where, f.rule, f.message, f.hint);
}

export function isHtml(node: Nodes): node is Html {
  return node.type === 'html';
}

/**
 * After every node was checked: an allowed element opened in raw HTML and
 * never closed would wrap the rest of the page.
 */
export function checkHtmlBalance(ctx: Context): void {
  for (const [name, open] of ctx.openHtml ?? []) {
    for (const where of open) {
      report(ctx, where, 'raw-html', `<${name}> is never closed`, `Add </${name}> where it should end: an unclosed element wraps the rest of the page.`);
    }
  }
}
