/**
 * Syntax-highlighting themes for code blocks, light and dark.
 *
 * They are prism-react-renderer's `github` (light) and `dracula` (dark) with
 * every token colour that fell below WCAG 2 AA (4.5:1 for normal text) moved
 * along its own hue until it passes, so the look stays the same. A colour
 * must pass on the code background and on a highlighted line (`{2-3}` or a
 * `highlight-next-line` comment), whose background is darker.
 *
 * Each comment gives the contrast ratio on the code background / on a
 * highlighted line. `tests/unit/prism-themes.test.ts` recomputes them and
 * fails below 4.5:1. Colours are six-digit hex, and no style sets opacity,
 * so that what the test measures is what the reader sees.
 */
import type {PrismTheme} from 'prism-react-renderer';

/** The backgrounds a token can sit on, per colour mode. */
export interface CodeBackgrounds {
  /** The code block's background (the theme's `plain.backgroundColor`). */
  code: string;
  /**
   * A highlighted line's background: the code background under 10 % (light)
   * or 30 % (dark) black, written opaque. `src/css/custom.css` sets
   * `--docusaurus-highlighted-code-line-bg` to exactly this value.
   */
  highlightedLine: string;
}

export const lightCodeBackgrounds: CodeBackgrounds = {code: '#f6f8fa', highlightedLine: '#dddfe1'};
export const darkCodeBackgrounds: CodeBackgrounds = {code: '#282a36', highlightedLine: '#1c1d26'};

/** Light mode: `github`, with comments, strings, numbers and keywords darkened. */
export const lightCodeTheme: PrismTheme = {
  plain: {color: '#393a34', backgroundColor: lightCodeBackgrounds.code}, // 10.79 / 8.59 (unchanged)
  styles: [
    // was #999988 (2.71:1)
    {types: ['comment', 'prolog', 'doctype', 'cdata'], style: {color: '#626254', fontStyle: 'italic'}}, // 5.81 / 4.63
    // was plain text at opacity 0.7 (4.49:1)
    {types: ['namespace'], style: {color: '#60615d'}}, // 5.86 / 4.67
    // was #e3116c (4.32:1)
    {types: ['string', 'attr-value'], style: {color: '#bd0e5a'}}, // 5.85 / 4.66
    {types: ['punctuation', 'operator'], style: {color: '#393a34'}}, // 10.79 / 8.59 (unchanged)
    // was #36acaa (2.58:1)
    {
      types: ['entity', 'url', 'symbol', 'number', 'boolean', 'variable', 'constant', 'property', 'regex', 'inserted'],
      style: {color: '#216a69'}, // 5.92 / 4.72
    },
    // was #00a4db (2.69:1)
    {types: ['atrule', 'keyword', 'attr-name', 'selector'], style: {color: '#00698c'}}, // 5.80 / 4.62
    // was #d73a49 (4.30:1)
    {types: ['function', 'deleted', 'tag'], style: {color: '#b92534'}}, // 5.84 / 4.65
    {types: ['function-variable'], style: {color: '#6f42c1'}}, // 6.12 / 4.87 (unchanged)
    {types: ['tag', 'selector', 'keyword'], style: {color: '#00009f'}}, // 13.15 / 10.47 (unchanged)
  ],
};

/** Dark mode: `dracula`, with comments lightened; every other colour already passed. */
export const darkCodeTheme: PrismTheme = {
  plain: {color: '#f8f8f2', backgroundColor: darkCodeBackgrounds.code}, // 13.36 / 15.72 (unchanged)
  styles: [
    {types: ['prolog', 'constant', 'builtin'], style: {color: '#bd93f9'}}, // 5.90 / 6.95 (unchanged)
    {types: ['inserted', 'function'], style: {color: '#50fa7b'}}, // 10.38 / 12.21 (unchanged)
    {types: ['deleted'], style: {color: '#ff5555'}}, // 4.53 / 5.33 (unchanged)
    {types: ['changed'], style: {color: '#ffb86c'}}, // 8.36 / 9.84 (unchanged)
    {types: ['punctuation', 'symbol'], style: {color: '#f8f8f2'}}, // 13.36 / 15.72 (unchanged)
    {types: ['string', 'char', 'tag', 'selector'], style: {color: '#ff79c6'}}, // 5.97 / 7.02 (unchanged)
    {types: ['keyword', 'variable'], style: {color: '#bd93f9', fontStyle: 'italic'}}, // 5.90 / 6.95 (unchanged)
    // was #6272a4 (3.03:1)
    {types: ['comment'], style: {color: '#8692b9'}}, // 4.63 / 5.45
    {types: ['attr-name'], style: {color: '#f1fa8c'}}, // 12.74 / 15.00 (unchanged)
  ],
};
