import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {expect, test} from '@playwright/test';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

test('a site with a broken threat model fails `docusaurus build` with file:line:column and a hint', async () => {
  test.setTimeout(120_000);
  const site = path.join(__dirname, 'fixtures/broken-site');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-build-'));
  let failure: {code?: number; stdout?: string; stderr?: string} | undefined;
  try {
    await run(path.join(root, 'node_modules/.bin/docusaurus'), ['build', site, '--out-dir', out], {
      cwd: root,
      env: {...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: '1'},
    });
  } catch (error) {
    failure = error as typeof failure;
  } finally {
    fs.rmSync(out, {recursive: true, force: true});
    fs.rmSync(path.join(site, '.docusaurus'), {recursive: true, force: true});
  }
  expect(failure, 'the build must fail').toBeDefined();
  expect(failure!.code).not.toBe(0);
  const output = `${failure!.stdout}\n${failure!.stderr}`;
  expect(output).toContain('threat-models/web.md:33:3  error  Unknown field "Severty" (did you mean "Severity"?)  threat-model:unknown-field');
  expect(output).toContain('hint: Rename it to "Severity".');
  // The report alone: no stack trace, of the plugin or of Docusaurus.
  expect(output).not.toMatch(/^\s+at /m);
});

test('`docusaurus build` evaluates no contributed front matter, in a threat model or in any docs page', async () => {
  test.setTimeout(300_000);
  const corpus = path.join(root, 'tests/fixtures/contributed');
  const payloads = fs.readdirSync(corpus).filter((name) => name.startsWith('exec-') && fs.readFileSync(path.join(corpus, name, 'threat-models/web.md'), 'utf8').replace(/^\ufeff/, '').startsWith('---'));
  expect(payloads.length).toBeGreaterThanOrEqual(10);
  const markers = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('tm-marker-'));
  for (const marker of markers()) fs.rmSync(path.join(os.tmpdir(), marker), {force: true});

  /** Builds a site and returns its output; the build must fail. */
  async function failingBuild(site: string): Promise<string> {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'exec-build-'));
    try {
      await run(path.join(root, 'node_modules/.bin/docusaurus'), ['build', site, '--out-dir', out], {cwd: root, env: {...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: '1'}});
    } catch (error) {
      const {stdout, stderr} = error as {stdout?: string; stderr?: string};
      return `${stdout}\n${stderr}`;
    } finally {
      fs.rmSync(out, {recursive: true, force: true});
    }
    throw new Error(`the build of ${site} succeeded`);
  }

  const site = fs.mkdtempSync(path.join(__dirname, 'fixtures', '.cache-site-exec-'));
  try {
    // A payload as a threat model, in the fixture site.
    fs.cpSync(path.join(__dirname, 'fixtures/two-file-site'), site, {recursive: true});
    for (const file of ['docusaurus.config.ts', 'threat-model.config.ts']) {
      const target = path.join(site, file);
      fs.writeFileSync(target, fs.readFileSync(target, 'utf8').replaceAll('../../../../plugins/', `${root}/plugins/`));
    }
    fs.copyFileSync(path.join(corpus, 'exec-cr-js-engine/threat-models/web.md'), path.join(site, 'threat-models/web.md'));
    const output = await failingBuild(site);
    expect(output).toContain('threat-models/web.md:1:4  error  The file uses a lone carriage return (CR) as a line ending  threat-model:line-ending');
    expect(output).not.toMatch(/^\s+at /m);

    // Every payload as the one page of a docs site that reads front matter with the reader.
    fs.rmSync(site, {recursive: true, force: true});
    fs.mkdirSync(path.join(site, 'docs'), {recursive: true});
    fs.writeFileSync(path.join(site, 'docusaurus.config.ts'), `import {parseFrontMatter} from '${root}/plugins/threat-model/lib/front-matter-hook';
export default {
  title: 'Payload', url: 'https://example.com', baseUrl: '/', future: {v4: true},
  markdown: {format: 'detect', parseFrontMatter},
  presets: [['classic', {docs: {path: 'docs', routeBasePath: '/'}, blog: false, pages: false}]],
};
`);
    for (const name of payloads) {
      for (const file of fs.readdirSync(path.join(site, 'docs'))) fs.rmSync(path.join(site, 'docs', file));
      fs.copyFileSync(path.join(corpus, name, 'threat-models/web.md'), path.join(site, 'docs', `${name}.md`));
      const output = await failingBuild(site);
      expect(output, name).toMatch(new RegExp(`docs/${name}\\.md:\\d+:\\d+  error  .*  threat-model:(front-matter-fence|yaml-feature)\\n  hint: `));
      expect(output, name).not.toMatch(/^\s+at /m);
    }
  } finally {
    fs.rmSync(site, {recursive: true, force: true});
  }
  expect(markers(), 'a payload ran').toEqual([]);
});
