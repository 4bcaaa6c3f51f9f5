/**
 * URLs that would run script once a browser decodes them. Raw HTML itself is
 * read by an HTML tokenizer (`read/html.ts`); this only judges a URL.
 */
const SCRIPT_URL = /^(javascript|vbscript|data):/i;

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
