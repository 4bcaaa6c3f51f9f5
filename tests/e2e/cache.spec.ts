import {execFile} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {expect, test} from '@playwright/test';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const docusaurus = path.join(root, 'node_modules/.bin/docusaurus');

/**
 * The persistent build cache must not serve stale cross-links: after editing
 * only tool.md, a warm rebuild must show the new title in web.md's Related
 * link, although web.md itself did not change.
 */
test('a warm rebuild after editing one threat model updates the pages that link to it', async () => {
  test.setTimeout(180_000);
  // Inside the repository, so the copy resolves node_modules.
  const site = path.join(__dirname, 'fixtures', `.cache-site-${process.pid}`);
  fs.cpSync(path.join(__dirname, 'fixtures/two-file-site'), site, {recursive: true});
  const out = path.join(site, 'build');
  const build = () => run(docusaurus, ['build', site, '--out-dir', out], {cwd: root});
  const webPage = () => fs.readFileSync(path.join(out, 'threat-models/web/index.html'), 'utf8');
  try {
    await build();
    expect(webPage()).toContain('Tool threat');

    const tool = path.join(site, 'threat-models/tool.md');
    fs.writeFileSync(tool, fs.readFileSync(tool, 'utf8').replace('### Tool threat', '### Renamed tool threat'));
    await build();
    expect(webPage()).toContain('Renamed tool threat');
  } finally {
    fs.rmSync(site, {recursive: true, force: true});
  }
});
