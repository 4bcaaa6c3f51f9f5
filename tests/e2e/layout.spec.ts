import {expect, test} from '@playwright/test';
import {threats, threatPages} from './site';

test.describe('phone viewport (390×844)', () => {
  test.use({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
  for (const path of [...threatPages, '/reference', '/', '/docs/']) {
    test(`${path} has no horizontal scroll`, async ({page}) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test.describe('phone viewport, code in fields and data-flow tables', () => {
  test.use({viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true});
  for (const path of threatPages) {
    test(`${path}: no flag, ID or code span in a field or a data-flow table breaks across lines`, async ({page}) => {
      await page.goto(path);
      const broken = await page.locator('.tm-fields dd code, .tm-dfd-table code').evaluateAll((spans) =>
        spans.filter((el) => el.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(el).fontSize)).map((el) => el.textContent));
      expect(broken).toEqual([]);
      expect(await page.locator('.tm-fields dd code').count()).toBeGreaterThan(0);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false});
  test('the reference page still shows every threat', async ({page}) => {
    await page.goto('/reference');
    await expect(page.locator('table.tm-threats tbody tr')).toHaveCount(threats.length);
    for (const threat of threats) {
      await expect(page.locator(`tr[data-threat-id="${threat.id}"]`)).toContainText(threat.title);
    }
  });
});
