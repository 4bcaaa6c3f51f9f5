/**
 * The contributor's loop under `docusaurus start`: an edit in one
 * threat-model file reaches the other use cases' pages and `/reference`
 * without a restart, a mistake shows in the browser overlay and once in
 * the terminal without a stack trace, and fixing it clears the overlay.
 */
import path from 'node:path';
import {expect, test, type Page} from '@playwright/test';
import {copySite, edit, settled, startDevServer, type DevServer} from './dev-server';

const site = path.join(__dirname, '.work', 'dev-site');
const desktop = path.join(site, 'threat-models', 'desktop.md');
let server: DevServer;

test.describe.configure({mode: 'serial'});
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await startDevServer(copySite(site), 3270 + (test.info().workerIndex % 10));
});

test.afterAll(async () => {
  await server?.stop();
});

/** The "Referenced by" entry that desktop.md's DSK-06 gives SEA-02 on the SEA page. */
const backlink = (page: Page) => page.locator('#SEA-02 ~ .tm-backlinks a[href$="/threat-models/desktop#DSK-06"], #SEA-02 ~ .tm-backlinks a[href$="/threat-models/desktop#DSK-16"]');

test('a renamed threat and ID reach another use case\'s page and /reference without a restart', async ({page}) => {
  await page.goto(`${server.url}/threat-models/sea`);
  await expect(backlink(page).first()).toHaveText('DSK-06 (Application code modified on disk)');

  // One file changes: the threat's title and its ID, and the same file's own Related entry that names it.
  edit(desktop, '### Application code modified on disk {#DSK-06}', '### Application files replaced on disk {#DSK-16}');
  edit(desktop, '- Related: SEA-03, DSK-06', '- Related: SEA-03, DSK-16');

  await expect(backlink(page).first()).toHaveText('DSK-16 (Application files replaced on disk)', {timeout: 30_000});
  await page.goto(`${server.url}/reference`);
  const row = page.locator('section[aria-labelledby="threats"] tr', {hasText: 'DSK-16'});
  await expect(row).toContainText('Application files replaced on disk');
  await expect(page.locator('section[aria-labelledby="threats"]')).not.toContainText('DSK-06');
  await page.goto(`${server.url}/threat-models/desktop`);
  await expect(page.locator('h3#DSK-16')).toContainText('DSK-16 · Application files replaced on disk');
});

test('a mistake shows in the overlay and once in the terminal, and fixing it clears the overlay', async ({page}) => {
  await page.goto(`${server.url}/threat-models/desktop`);
  await expect(page.locator('h3#DSK-16')).toBeVisible();
  // The previous test's edits may still be printing on a busy machine.
  await settled(server);
  const before = server.output().length;

  edit(desktop, /^(### Application files replaced on disk \{#DSK-16\}\n[\s\S]*?- Severity: )\w+$/m, '$1severe');
  const overlay = page.frameLocator('#webpack-dev-server-client-overlay');
  await expect(overlay.locator('body')).toContainText('Invalid Severity "severe" in DSK-16', {timeout: 30_000});
  await expect.poll(() => server.output().slice(before), {timeout: 30_000}).toContain('Invalid Severity "severe" in DSK-16');
  // Let the terminal settle, then count: one report of the mistake, no stack trace.
  await settled(server);
  const printed = server.output().slice(before);
  expect(printed.split('Invalid Severity "severe" in DSK-16').length - 1, printed).toBe(1);
  expect(printed).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

  edit(desktop, /^(### Application files replaced on disk \{#DSK-16\}\n[\s\S]*?- Severity: )severe$/m, '$1medium');
  await expect(page.locator('#webpack-dev-server-client-overlay')).toHaveCount(0, {timeout: 30_000});
  await expect(page.locator('h3#DSK-16')).toBeVisible();
});
