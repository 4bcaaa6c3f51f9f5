/**
 * The quality gate every page type must pass, in light and in dark mode:
 * no axe WCAG 2.2 A/AA violation, no HTML conformance error in the served
 * markup, and no console or page error while it loads and hydrates.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {expect, test, type Page, type Response} from '@playwright/test';
import {FileSystemConfigLoader, HtmlValidate, type Report} from 'html-validate';
import {pageTypes} from './site';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const schemes = ['light', 'dark'] as const;
type Scheme = (typeof schemes)[number];

const notFoundType = 'not found';

/** Where html-validate looks for `.htmlvalidate.json`: the site's root. */
const siteDir = path.resolve(__dirname, '../..');
const validator = new HtmlValidate(new FileSystemConfigLoader());

/** What a test saw go wrong in the browser console while the page ran. */
type BrowserErrors = string[];

/**
 * Records console errors and uncaught exceptions from now on. On the
 * not-found page the browser logs the document's own 404 as an error; that
 * one status is what the page is for, so it alone is not counted.
 */
function recordBrowserErrors(page: Page, {documentIsNotFound = false} = {}): BrowserErrors {
  const errors: BrowserErrors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const ownNotFound = message.location().url === page.url() && /status of 404/.test(message.text());
    if (documentIsNotFound && ownNotFound) return;
    errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return errors;
}

/**
 * Opens `url` in `scheme` the way a returning reader gets it: the stored
 * choice of the navbar toggle (`localStorage.theme`) and the same system
 * preference, then waits until React has hydrated the page.
 */
async function openInScheme(page: Page, url: string, scheme: Scheme): Promise<Response> {
  await page.emulateMedia({colorScheme: scheme});
  await page.addInitScript((value) => window.localStorage.setItem('theme', value), scheme);
  const response = await page.goto(url);
  if (!response) throw new Error(`no response for ${url}`);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
  return response;
}

/** The HTTP status a page type must answer with. */
function expectedStatus(type: string): number {
  return type === notFoundType ? 404 : 200;
}

/** One line per violating node: rule, where it is, and what axe says is wrong. */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({page}).withTags(wcagTags).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
    ),
  );
}

/** One line per html-validate error: rule, line:column, message and the offending markup. */
function htmlFindings(report: Report): string[] {
  return report.results.flatMap((result) =>
    result.messages.map((m) => `${m.ruleId} at ${m.line}:${m.column}: ${m.message} (${m.selector ?? ''})`),
  );
}

/** Validates markup with the project's `.htmlvalidate.json`. */
function validateMarkup(markup: string): Promise<Report> {
  return validator.validateString(markup, path.join(siteDir, 'served.html'));
}

/** A whole document around `body`, so that only `body` can be at fault. */
function documentWith(body: string): string {
  return `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;
}

test('the HTML validator is configured: it rejects a block element inside <code>', async () => {
  const report = await validateMarkup(documentWith('<pre><code><div>x</div></code></pre>'));
  expect(htmlFindings(report).map((finding) => finding.split(' ')[0])).toEqual(['element-permitted-content']);
});

test('the HTML validator accepts a <colgroup> whose optional start tag the minifier omitted', async () => {
  const report = await validateMarkup(documentWith('<table><col><col><tr><td>a</td><td>b</td></tr></table>'));
  expect(htmlFindings(report)).toEqual([]);
});

for (const [type, url] of Object.entries(pageTypes)) {
  test.describe(`${type} page (${url})`, () => {
    test('its served HTML has no validation errors', async ({request}) => {
      const response = await request.get(url);
      expect(response.status()).toBe(expectedStatus(type));
      const findings = htmlFindings(await validateMarkup(await response.text()));
      expect(findings, `html-validate errors in ${url}:\n${findings.join('\n')}`).toEqual([]);
    });

    for (const scheme of schemes) {
      test(`has no WCAG 2.2 A/AA violations and no browser errors in ${scheme} mode`, async ({page}) => {
        const errors = recordBrowserErrors(page, {documentIsNotFound: type === notFoundType});
        const response = await openInScheme(page, url, scheme);
        expect(response.status()).toBe(expectedStatus(type));
        const findings = await axeFindings(page);
        expect(findings, `axe violations on ${url} in ${scheme} mode:\n${findings.join('\n')}`).toEqual([]);
        // Late errors (lazy chunks, effects after hydration) count too.
        await page.waitForLoadState('networkidle');
        expect(errors, `browser errors on ${url} in ${scheme} mode:\n${errors.join('\n')}`).toEqual([]);
      });
    }
  });
}

for (const scheme of schemes) {
  test(`the open search dropdown has no WCAG 2.2 A/AA violations and no browser errors in ${scheme} mode`, async ({page}) => {
    const errors = recordBrowserErrors(page);
    await openInScheme(page, '/docs/', scheme);
    const box = page.getByRole('combobox', {name: 'Search the site'});
    await box.fill('permission');
    await expect(page.getByRole('option').first()).toBeVisible();
    // With an active option too: its highlight must keep the text readable.
    await box.press('ArrowDown');
    await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    const findings = await axeFindings(page);
    expect(findings, `axe violations with the search dropdown open in ${scheme} mode:\n${findings.join('\n')}`).toEqual([]);
    const html = htmlFindings(await validateMarkup(await page.content()));
    expect(html, `html-validate errors with the search dropdown open in ${scheme} mode:\n${html.join('\n')}`).toEqual([]);
    expect(errors, `browser errors with the search dropdown open in ${scheme} mode:\n${errors.join('\n')}`).toEqual([]);
  });

  test(`the search page with results narrowed to a use case has no WCAG 2.2 A/AA violations and no browser errors in ${scheme} mode`, async ({page}) => {
    const errors = recordBrowserErrors(page);
    await openInScheme(page, '/search?q=permission&use_case=Server', scheme);
    const results = page.getByRole('region', {name: 'Results'});
    await expect(results.locator('article').first()).toBeVisible();
    await expect(results).toHaveAttribute('aria-busy', 'false');
    const findings = await axeFindings(page);
    expect(findings, `axe violations on the search page with results in ${scheme} mode:\n${findings.join('\n')}`).toEqual([]);
    const html = htmlFindings(await validateMarkup(await page.content()));
    expect(html, `html-validate errors on the search page with results in ${scheme} mode:\n${html.join('\n')}`).toEqual([]);
    await page.waitForLoadState('networkidle');
    expect(errors, `browser errors on the search page with results in ${scheme} mode:\n${errors.join('\n')}`).toEqual([]);
  });
}
