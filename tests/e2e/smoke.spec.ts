// The home page renders: a heading and a main landmark.
import { expect, test } from './fixtures.ts';

test('home page has an h1 and a main landmark', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
});
