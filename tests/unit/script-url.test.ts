/**
 * Whether a URL would run script once a browser decodes it: `javascript:`,
 * `vbscript:` and `data:` URLs, whatever their case, with control characters
 * or whitespace inside the scheme, or with the scheme written as character
 * references. Raster `data:image/…` URLs and ordinary links are not script.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import {isScriptUrl} from '../../plugins/threat-model/lib/script-url';

test('ordinary links are not script', () => {
  for (const url of ['https://nodejs.org/api/', 'http://example.com', 'mailto:security@nodejs.org', '/docs/permission-model', '#WEB-01', 'img/logo.svg', '']) {
    assert.equal(isScriptUrl(url), false, url);
  }
});

test('javascript:, vbscript: and data: URLs are script, in any case', () => {
  for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'VBSCRIPT:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'DATA:text/html;base64,PHNjcmlwdD4=']) {
    assert.equal(isScriptUrl(url), true, url);
  }
});

test('a scheme is only a scheme at the start of the URL', () => {
  assert.equal(isScriptUrl('https://example.com/?next=javascript:alert(1)'), false);
  assert.equal(isScriptUrl('javascript-guide.html'), false);
  assert.equal(isScriptUrl('./javascript:alert(1)'), false);
});

test('leading whitespace and control characters inside the scheme do not hide it', () => {
  for (const url of ['  javascript:alert(1)', '\tjavascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', 'java\u0000script:alert(1)', 'java\u007fscript:x', 'javascript :x']) {
    assert.equal(isScriptUrl(url), true, JSON.stringify(url));
  }
});

test('character references in the scheme are decoded first', () => {
  for (const url of [
    'java&#x09;script:alert(1)',
    'java&#9;script:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#x6a avascript:alert(1)',
    'javascript&colon;alert(1)',
    'JAVASCRIPT&COLON;alert(1)',
    'java&Tab;script:alert(1)',
    'java&NewLine;script:alert(1)',
  ]) {
    assert.equal(isScriptUrl(url), true, url);
  }
});

test('an out-of-range character reference decodes to U+FFFD, not a letter', () => {
  assert.equal(isScriptUrl('&#x110000;avascript:alert(1)'), false);
  assert.equal(isScriptUrl('&#1114112;avascript:alert(1)'), false);
});

test('raster data:image URLs are allowed, other data:image types are not', () => {
  for (const type of ['png', 'gif', 'jpeg', 'webp', 'PNG']) {
    assert.equal(isScriptUrl(`data:image/${type};base64,AAAA`), false, type);
  }
  assert.equal(isScriptUrl('data:image/svg+xml;base64,PHN2Zz4='), true, 'SVG can carry script');
  assert.equal(isScriptUrl('data:image/png,AAAA'), true, 'only the form with parameters is allowed');
});
