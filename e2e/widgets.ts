/** Helpers for widget e2e specs: hydration, reading figures, and the garbage-input sweep. */
import { expect, type Page, type Locator } from '@playwright/test';

/** Waits until the island around `locator` has hydrated (Astro removes the `ssr` attribute). */
export async function waitForHydration(page: Page, widget: Locator): Promise<void> {
  await widget.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island').filter({ has: widget })).not.toHaveAttribute('ssr', /.*/);
}

/** The garbage every numeric field must survive with a plain message. */
export const GARBAGE = ['', '-5', 'abc', '1e999', '0'];

/**
 * Types each garbage value into each field in turn and checks the page never shows NaN or
 * Infinity, that an error message appears next to that field, then restores the field's value.
 * A value the field may legitimately accept (0 for a fee, -5 for a signed rate) is listed in `allowed`.
 */
export async function sweepGarbage(
  page: Page,
  widget: Locator,
  fields: string[],
  allowed: Record<string, string[]> = {},
): Promise<void> {
  for (const label of fields) {
    const input = widget.getByLabel(label, { exact: true });
    const original = await input.inputValue();
    for (const value of GARBAGE) {
      await input.fill(value);
      const text = await page.locator('body').innerText();
      expect(text, `${label} = "${value}"`).not.toMatch(/NaN|Infinity/);
      if (!(allowed[label] ?? []).includes(value)) {
        const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
        expect(await input.getAttribute('aria-invalid'), `${label} = "${value}" is flagged`).toBe('true');
        const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
        expect(errorId, `${label} = "${value}" has a message`).toBeTruthy();
        await expect(page.locator(`#${errorId}`)).toHaveText(/\w{3,}/);
      }
    }
    await input.fill(original);
    await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  }
}
