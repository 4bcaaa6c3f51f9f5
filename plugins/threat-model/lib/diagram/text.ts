/**
 * Text measurement without a DOM. The diagram is laid out at build time, so
 * box sizes come from an estimate: per-character advance widths of DejaVu
 * Sans (in em), the widest of the common fallbacks of the site's system font
 * stack. Narrower fonts (San Francisco, Segoe UI, Roboto) then leave a little
 * room in each box rather than overflowing it.
 */

const ADVANCE: Record<string, number> = {
  ' ': 0.318, '.': 0.318, ',': 0.318, ':': 0.337, ';': 0.337, '!': 0.4, "'": 0.275, '"': 0.45, '|': 0.337,
  '-': 0.361, '_': 0.5, '(': 0.39, ')': 0.39, '[': 0.39, ']': 0.39, '/': 0.337, '\\': 0.337, '·': 0.318,
  '&': 0.78, '<': 0.838, '>': 0.838, '=': 0.838, '+': 0.838, '@': 1, '#': 0.838, '%': 0.95, '*': 0.5,
  i: 0.278, j: 0.278, l: 0.278, f: 0.352, t: 0.392, r: 0.411, s: 0.521, z: 0.525, c: 0.55, k: 0.579,
  v: 0.592, x: 0.592, y: 0.592, m: 0.974, w: 0.818,
  I: 0.295, J: 0.295, L: 0.557, F: 0.575, P: 0.603, T: 0.611, Y: 0.611, E: 0.632, S: 0.635, K: 0.656,
  A: 0.684, B: 0.686, R: 0.695, C: 0.698, V: 0.684, X: 0.685, Z: 0.685, U: 0.732, N: 0.748, H: 0.752,
  D: 0.77, G: 0.775, O: 0.787, Q: 0.787, M: 0.863, W: 0.989,
};
const LOWER = 0.62; // other lowercase letters
const UPPER = 0.7; // other capitals
const DIGIT = 0.636;
const OTHER = 0.7; // anything else, including letters outside ASCII
/**
 * Bold DejaVu Sans is 10 to 23 % wider, letter by letter (t, r and i the
 * most); at a tenth a bold zone label ran past its zone's border.
 */
const BOLD = 1.16;

function advance(char: string): number {
  const known = ADVANCE[char];
  if (known !== undefined) return known;
  if (/[a-z]/.test(char)) return LOWER;
  if (/[A-Z]/.test(char)) return UPPER;
  if (/[0-9]/.test(char)) return DIGIT;
  return /[\u0300-\u036f]/.test(char) ? 0 : OTHER;
}

/** Estimated width in px of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) em += advance(char);
  return em * fontSize * (bold ? BOLD : 1);
}

/**
 * Greedy word wrap to lines of at most `maxWidth` px; a single word wider
 * than that keeps its own line (long code names are not broken mid-word).
 */
export function wrap(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}
