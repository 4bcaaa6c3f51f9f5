import {expect, test} from '@playwright/test';
import {threats} from './site';

test.describe('search', () => {
  const threat = threats.find((t) => t.id === 'SRV-01') ?? threats[0]!;

  test(`finds ${threat.id} by its ID and navigates to it`, async ({page}) => {
    await page.goto('/');
    await page.locator('input.navbar__search-input').fill(threat.id);
    // Threat headings start with their ID: "SRV-01 · Request smuggling …".
    const option = page.getByRole('option').filter({hasText: `${threat.id} · `}).first();
    await expect(option).toBeVisible();
    await option.click();
    await expect(page).toHaveURL(new RegExp(`/threat-models/${threat.useCase}#${threat.id}$`));
    await expect(page.locator(`h3[id="${threat.id}"]`)).toBeInViewport();
  });

  test('finds a threat by a word of its title', async ({page}) => {
    await page.goto('/');
    const word = 'smuggling';
    expect(threat.title.toLowerCase()).toContain(word);
    await page.locator('input.navbar__search-input').fill(word);
    const option = page.getByRole('option').filter({hasText: `${threat.id} · `}).first();
    await expect(option).toBeVisible();
    await option.click();
    await expect(page).toHaveURL(new RegExp(`/threat-models/${threat.useCase}#${threat.id}$`));
  });
});
