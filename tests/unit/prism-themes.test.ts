/**
 * Every code-block token colour meets WCAG 2 AA (4.5:1) on the code
 * background and on a highlighted line, in light and in dark mode, and the
 * ratios written next to the colours are the real ones.
 */
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import type {PrismTheme} from 'prism-react-renderer';
import {
  darkCodeBackgrounds,
  darkCodeTheme,
  lightCodeBackgrounds,
  lightCodeTheme,
  type CodeBackgrounds,
} from '../../src/theme/prism-themes';

const minimumRatio = 4.5;
const siteDir = path.resolve(__dirname, '../..');

/** [r, g, b] in 0–255 from `#rrggbb`; anything else is an error, so no colour escapes the check. */
function parseHex(color: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  assert.ok(match, `${color} is not a #rrggbb colour`);
  return [match[1]!, match[2]!, match[3]!].map((h) => Number.parseInt(h, 16)) as [number, number, number];
}

/** WCAG 2 relative luminance. */
function luminance(color: string): number {
  const [r, g, b] = parseHex(color).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours, 1–21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every colour a reader can see in a theme: plain text and each token style. */
function tokenColors(theme: PrismTheme): {types: string; color: string}[] {
  return [
    {types: 'plain', color: theme.plain.color!},
    ...theme.styles.map((s) => ({types: s.types.join(', '), color: s.style.color!})),
  ];
}

describe('contrast()', () => {
  test('matches the WCAG reference values', () => {
    assert.equal(contrast('#000000', '#ffffff'), 21);
    assert.equal(contrast('#777777', '#777777'), 1);
    assert.equal(contrast('#767676', '#ffffff').toFixed(2), '4.54');
  });
});

const modes: [string, PrismTheme, CodeBackgrounds][] = [
  ['light', lightCodeTheme, lightCodeBackgrounds],
  ['dark', darkCodeTheme, darkCodeBackgrounds],
];

for (const [mode, theme, backgrounds] of modes) {
  describe(`${mode} code theme`, () => {
    test('paints code on the background the contrast is measured against', () => {
      assert.equal(theme.plain.backgroundColor, backgrounds.code);
    });

    test('gives every style a colour and never lowers it with opacity', () => {
      for (const style of theme.styles) {
        assert.ok(style.style.color, `${style.types.join(', ')} has no colour`);
        assert.equal(style.style.opacity, undefined, `${style.types.join(', ')} sets opacity`);
      }
    });

    for (const [where, background] of Object.entries(backgrounds)) {
      test(`every token colour has at least ${minimumRatio}:1 on the ${where} background (${background})`, () => {
        const failures = tokenColors(theme)
          .map(({types, color}) => ({types, color, ratio: contrast(color, background)}))
          .filter(({ratio}) => ratio < minimumRatio)
          .map(({types, color, ratio}) => `${types}: ${color} is ${ratio.toFixed(2)}:1`);
        assert.deepEqual(failures, []);
      });
    }
  });
}

test('the ratios commented next to each colour are the computed ones', () => {
  const source = readFileSync(path.join(siteDir, 'src/theme/prism-themes.ts'), 'utf8');
  const commented = [...source.matchAll(/color: '(#[0-9a-f]{6})'.*?\/\/ (\d+\.\d\d) \/ (\d+\.\d\d)/gi)];
  assert.equal(commented.length, tokenColors(lightCodeTheme).length + tokenColors(darkCodeTheme).length);
  const darkStart = source.indexOf('darkCodeTheme: PrismTheme');
  for (const {0: line, 1: color, 2: onCode, 3: onHighlighted, index} of commented) {
    const backgrounds = index < darkStart ? lightCodeBackgrounds : darkCodeBackgrounds;
    assert.deepEqual(
      [onCode, onHighlighted],
      [contrast(color!, backgrounds.code).toFixed(2), contrast(color!, backgrounds.highlightedLine).toFixed(2)],
      line,
    );
  }
});

test('custom.css highlights lines with the backgrounds measured here', () => {
  const css = readFileSync(path.join(siteDir, 'src/css/custom.css'), 'utf8');
  const values = [...css.matchAll(/--docusaurus-highlighted-code-line-bg:\s*([^;]+);/g)].map((m) => m[1]!.trim());
  assert.deepEqual(values, [lightCodeBackgrounds.highlightedLine, darkCodeBackgrounds.highlightedLine]);
});
