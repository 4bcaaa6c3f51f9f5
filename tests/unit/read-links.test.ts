/**
 * Sorting a link or image URL, from the URL alone: external (http, https,
 * mailto for links), local (another threat model, an anchor on the page, a
 * route of the site), or refused with a finding: script schemes, targets on
 * the build machine or outside the threat-model folder, and URLs that lead
 * nowhere.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import fixtureConfig from '../fixtures/threat-model.config';
import {loadConfig} from '../../plugins/threat-model/lib/config';
import {classifyUrl} from '../../plugins/threat-model/lib/read/links';

const config = loadConfig(fixtureConfig);
const file = 'threat-models/web.md';
const link = (url: string) => classifyUrl(url, file, config, false);
const image = (url: string) => classifyUrl(url, file, config, true);
const SITE_HINT = 'Link to another threat model as `./<use-case>.md#ID`, to a page of the site by its URL (`/docs/…`), or to a file in `static/` by its URL (`/img/…`).';

test('classifyUrl', async (t) => {
  await t.test('should take http, https and mailto links as external', () => {
    for (const url of ['https://nodejs.org/api/', 'http://example.com', 'HTTPS://EXAMPLE.COM', 'mailto:security@nodejs.org']) {
      assert.deepEqual(link(url), {ok: 'external'}, url);
    }
  });

  await t.test('should refuse a mailto image', () => {
    assert.deepEqual(image('mailto:a@b.c'), {rule: 'broken-link', message: 'Image "mailto:a@b.c" uses the "mailto:" scheme',
      hint: 'Images load from https:// or from `static/` (`/img/…`).'});
  });

  await t.test('should refuse an empty URL', () => {
    assert.deepEqual(link('  '), {rule: 'broken-link', message: 'Link with an empty URL', hint: 'Give the link a target, or remove it.'});
    assert.equal((image('') as {message: string}).message, 'Image with an empty URL');
  });

  await t.test('should refuse script schemes as unsafe', () => {
    const result = link('javascript:alert(1)');
    assert.deepEqual(result, {rule: 'unsafe-html', message: 'URL "javascript:alert(1)" uses a script scheme',
      hint: 'Link to an https:// page instead; javascript:, vbscript: and data: URLs are not allowed.'});
    assert.equal((link('data:text/html,x') as {rule: string}).rule, 'unsafe-html');
  });

  await t.test('should refuse file URLs and drive letters as files on the build machine', () => {
    assert.deepEqual(link('file:///etc/passwd'), {rule: 'local-file', message: 'Link "file:///etc/passwd" points at a file on the build machine', hint: SITE_HINT});
    assert.deepEqual(image('C:/Windows/win.ini'), {rule: 'local-file', message: 'Image "C:/Windows/win.ini" points at a file on the build machine', hint: SITE_HINT});
  });

  await t.test('should refuse other schemes, naming the scheme', () => {
    assert.deepEqual(link('ftp://example.com/x'), {rule: 'broken-link', message: 'Link "ftp://example.com/x" uses the "ftp:" scheme',
      hint: 'Use an https:// URL (or mailto:); the site\'s sanitizer removes other schemes.'});
  });

  await t.test('should refuse a protocol-relative URL and say how to write it', () => {
    assert.deepEqual(link('//example.com/a'), {rule: 'broken-link', message: 'Link "//example.com/a" has no scheme', hint: 'Write it as https://example.com/a.'});
  });

  await t.test('should refuse a Windows path', () => {
    assert.deepEqual(link('..\\secret.md'), {rule: 'local-file', message: 'Link "..\\secret.md" is a Windows path', hint: SITE_HINT});
  });

  await t.test('should refuse malformed percent-encoding', () => {
    assert.deepEqual(link('./web%zz.md'), {rule: 'broken-link', message: 'Link "./web%zz.md" has malformed percent-encoding', hint: 'Fix the `%` escapes in the URL.'});
  });

  await t.test('should refuse build aliases, also when percent-encoded', () => {
    for (const url of ['@site/package.json', '%40site/package.json']) {
      const result = link(url) as {rule: string; message: string; hint: string};
      assert.equal(result.rule, 'local-file');
      assert.equal(result.message, `Link "${url}" uses a build alias`);
      assert.equal(result.hint, `\`@site/\` reaches any file of the build machine. ${SITE_HINT}`);
    }
  });

  await t.test('should read a bare anchor as an anchor on the page', () => {
    assert.deepEqual(link('#WEB-01'), {ok: 'local', target: {kind: 'anchor', anchor: 'WEB-01'}});
  });

  await t.test('should refuse a link with no target and an image with no file', () => {
    assert.deepEqual(link('#'), {rule: 'broken-link', message: 'Link "#" has no target', hint: SITE_HINT});
    assert.deepEqual(link('?x=1'), {rule: 'broken-link', message: 'Link "?x=1" has no target', hint: SITE_HINT});
    assert.deepEqual(image('#a'), {rule: 'broken-link', message: 'Image "#a" has no file', hint: 'Images load from https:// or from `static/` (`/img/…`).'});
  });

  await t.test('should read an absolute path as a route, with its anchor, decoded', () => {
    assert.deepEqual(link('/docs/permission-model'), {ok: 'local', target: {kind: 'route', path: '/docs/permission-model'}});
    assert.deepEqual(link('/reference#WEB-01'), {ok: 'local', target: {kind: 'route', path: '/reference', anchor: 'WEB-01'}});
    assert.deepEqual(image('/img/a%20b.png'), {ok: 'local', target: {kind: 'route', path: '/img/a b.png'}});
  });

  await t.test('should refuse a route that climbs with ".." or "."', () => {
    assert.deepEqual(link('/img/../../etc/passwd'), {rule: 'local-file', message: 'Link "/img/../../etc/passwd" climbs out of the site with ".."', hint: SITE_HINT});
    assert.equal((link('/img/%2e%2e/x') as {rule: string}).rule, 'local-file');
    assert.equal((link('/./x') as {rule: string}).rule, 'local-file');
  });

  await t.test('should resolve a relative link to another threat model in the folder', () => {
    assert.deepEqual(link('./tool.md#TOOL-01'), {ok: 'local', target: {kind: 'model', file: 'threat-models/tool.md', anchor: 'TOOL-01'}});
    assert.deepEqual(link('tool.md'), {ok: 'local', target: {kind: 'model', file: 'threat-models/tool.md'}});
    assert.deepEqual(link('../threat-models/tool.md'), {ok: 'local', target: {kind: 'model', file: 'threat-models/tool.md'}});
  });

  await t.test('should refuse a relative target outside the threat-model folder or in a subfolder', () => {
    for (const url of ['../docs/intro.md', './sub/tool.md', '../../x.md']) {
      assert.deepEqual(link(url), {rule: 'local-file', message: `Link "${url}" points outside the threat-model folder`, hint: SITE_HINT}, url);
    }
  });

  await t.test('should refuse a relative target that is not a Markdown page, or any relative image', () => {
    assert.deepEqual(link('./tool'), {rule: 'broken-link', message: 'Link "./tool" is not a threat-model page',
      hint: `Write the file name with its extension, e.g. \`./tool.md\`. ${SITE_HINT}`});
    assert.deepEqual(image('./diagram.png'), {rule: 'broken-link', message: 'Image "./diagram.png" is not a threat-model page',
      hint: 'Put images in `static/img/` and write `/img/<name>`.'});
  });

  await t.test('should shorten a long URL in the message', () => {
    const url = `ftp://example.com/${'a'.repeat(80)}`;
    assert.equal((link(url) as {message: string}).message, `Link "${url.slice(0, 57)}..." uses the "ftp:" scheme`);
  });
});
