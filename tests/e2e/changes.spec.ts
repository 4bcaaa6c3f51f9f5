/**
 * The Changes page against this repository's history: one section per
 * commit that touched the threat models, newest first, as many as
 * `git log -- threat-models` lists up to the page's limit, all in the
 * static HTML. A build from a clone without the history says so instead,
 * and then the test checks that sentence. (The axe and HTML checks are in
 * quality.spec.ts, where the page is one of the page types.)
 */
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {expect, test} from '@playwright/test';
import {HISTORY_LIMIT} from '../../plugins/threat-model/lib/history';
import {config} from './site';

const PATH = config.site.changesPath;
const siteDir = path.resolve(__dirname, '../..');

/** The commits the page should list, newest first, or undefined when this checkout has no usable history. */
function expectedCommits(): string[] | undefined {
  try {
    const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], {cwd: siteDir, encoding: 'utf8'}).trim() === 'true';
    if (shallow) return undefined;
    return execFileSync('git', ['log', `--max-count=${HISTORY_LIMIT}`, '--format=%H', '--', config.dir], {cwd: siteDir, encoding: 'utf8'})
      .split('\n').filter(Boolean);
  } catch {
    return undefined;
  }
}

test.use({javaScriptEnabled: false});

test('the page lists every commit that touched the threat models, newest first, or says the history is missing', async ({page}) => {
  await page.goto(PATH);
  await expect(page.locator('h1')).toHaveText('Changes to the threat models');
  await expect(page.getByRole('main').getByRole('link', {name: 'security-model reference'})).toHaveAttribute('href', config.site.referencePath);
  const commits = expectedCommits();
  const missing = (await page.locator('[data-history="missing"]').count()) > 0;
  if (!commits) {
    // No .git, no git, or a shallow clone: the page says what it lacks.
    if (missing) await expect(page.locator('[data-history="missing"]')).toContainText('No history.');
    else await expect(page.locator('[data-history="present"]')).toContainText('shallow clone, so older commits are missing');
    return;
  }
  expect(missing, 'the full history is here, so the page must list it').toBe(false);
  const sections = page.locator('section[data-commit]');
  await expect(sections).toHaveCount(commits.length);
  expect(await sections.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-commit')))).toEqual(commits);
  await expect(page.locator('[data-history="present"]')).toContainText(`The last ${commits.length} `);
});

test('each commit shows its subject, date and short hash, and the first commit adds every model', async ({page}) => {
  const commits = expectedCommits();
  test.skip(!commits, 'this checkout has no usable git history');
  await page.goto(PATH);
  const newest = page.locator('section[data-commit]').first();
  const [subject, date] = execFileSync('git', ['log', '-1', '--format=%s%x00%cI', '--', config.dir], {cwd: siteDir, encoding: 'utf8'}).trim().split('\0');
  await expect(newest.locator('h2')).toHaveText(subject!);
  await expect(newest.locator('time')).toHaveAttribute('datetime', date!.slice(0, 10));
  await expect(newest.locator('code').first()).toHaveText(commits![0]!.slice(0, 7));
  const roots = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], {cwd: siteDir, encoding: 'utf8'}).split('\n').filter(Boolean);
  const first = page.locator(`section[data-commit="${commits!.at(-1)}"]`);
  if (commits!.length < HISTORY_LIMIT && roots.includes(commits!.at(-1)!)) {
    for (const useCase of config.useCases) await expect(first.locator('li[data-kind="model"]', {hasText: `New model ${config.dir}/${useCase.id}.md`})).toHaveCount(1);
  }
});

test('the footer and the reference page link the page', async ({page}) => {
  await page.goto(config.site.referencePath);
  await expect(page.getByRole('main').getByRole('link', {name: 'Changes', exact: true})).toHaveAttribute('href', PATH);
  await expect(page.locator('footer').getByRole('link', {name: 'Changes', exact: true})).toHaveAttribute('href', PATH);
});
