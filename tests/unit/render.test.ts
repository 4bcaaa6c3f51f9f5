/**
 * What the check accepts renders as it was read: run each accepted file
 * through the site's pipeline (the same syntax extensions, the page
 * generator, rehype-raw, the sanitizer) and require that the sanitizer has
 * nothing left to remove, and that the page holds every threat the reader
 * found, with no script.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import type {Root as HastRoot} from 'hast';
import {readConfigFile} from '../../plugins/threat-model/lib/cli/config-file';
import type {Config} from '../../plugins/threat-model/lib/config';
import {loadThreatModels} from '../../plugins/threat-model/lib/load';
import {pageProblem, renderPage} from './render';
import {cases, configFile, materialise, readCase} from './corpus';

const repo = path.join(__dirname, '..', '..');

async function render(siteDir: string, config: Config): Promise<Array<{file: string; tree: HastRoot; ids: string[]}>> {
  const {index, diagnostics} = loadThreatModels(config.dir, config, siteDir);
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  return index.models.map((model) => ({
    file: model.file,
    tree: renderPage(fs.readFileSync(path.join(siteDir, model.file), 'utf8'), model.file, config, siteDir),
    ids: model.threats.map((t) => t.id),
  }));
}

function checkPage(page: {file: string; tree: HastRoot; ids: string[]}): void {
  const problem = pageProblem(page.tree, page.ids);
  assert.equal(problem, undefined, `${page.file}: ${problem}`);
}

test('accepted files render as read', async (t) => {
  await t.test('the real content', async () => {
    const config = await readConfigFile(undefined, repo);
    const pages = await render(repo, config);
    assert.equal(pages.length, config.useCases.length);
    for (const page of pages) checkPage(page);
  });

  await t.test('should fail a page that the sanitizer would change', () => {
    const tree: HastRoot = {type: 'root', children: [{type: 'element', tagName: 'div', properties: {className: ['navbar-sidebar__backdrop']}, children: []}]};
    assert.throws(() => checkPage({file: 'x.md', tree, ids: []}), /x\.md: the sanitizer would change the page/);
  });

  for (const name of cases.filter((c) => readCase(c).expect === 'accepted')) {
    await t.test(`contributed case ${name}`, async () => {
      const dir = materialise(name);
      try {
        const config = await readConfigFile(configFile, dir);
        const pages = await render(dir, config);
        assert.equal(pages.reduce((n, p) => n + p.ids.length, 0), readCase(name).threats);
        for (const page of pages) checkPage(page);
      } finally {
        fs.rmSync(dir, {recursive: true, force: true});
      }
    });
  }
});
