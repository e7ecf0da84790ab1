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
    // One round trip reads what a reader sees: the field's flag, its message and whether NaN/Infinity shows anywhere.
    const read = () =>
      input.evaluate((el) => {
        const errorId = (el.getAttribute('aria-describedby') ?? '').split(' ').find((id) => id.endsWith('-error'));
        return {
          invalid: el.getAttribute('aria-invalid') === 'true',
          message: (errorId && document.getElementById(errorId)?.textContent) || '',
          broken: /NaN|Infinity/.test(document.body.innerText),
        };
      });
    for (const value of GARBAGE) {
      await input.fill(value);
      const refused = !(allowed[label] ?? []).includes(value);
      let seen = await read();
      // Wait for the widget to render this value: flagged with a message, or (when allowed) not flagged.
      await expect
        .poll(
          async () => {
            seen = await read();
            return refused ? seen.invalid && /\w{3,}/.test(seen.message) : !seen.invalid;
          },
          {
            message: `${label} = "${value}" is ${refused ? 'flagged with a message' : 'accepted'}`,
            intervals: [16, 32, 64, 128, 256],
          },
        )
        .toBe(true);
      expect(seen.broken, `${label} = "${value}" shows NaN or Infinity`).toBe(false);
    }
    await input.fill(original);
    await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  }
}
