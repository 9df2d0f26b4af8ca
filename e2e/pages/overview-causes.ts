import { expect, type Page } from "@playwright/test";

// The overview's "Recent causes" card as a person uses it: open the overview with no ids in the
// address, find the line of one kind that says what is expected, follow its link. The card is
// read once the cause is known to the API; a reload brings the newest window if it was not.

export async function followRecentCause(page: Page, kind: "poolWait" | "lockWait" | "deadlock" | "timeouts", text: RegExp, screenshotPath?: string): Promise<void> {
  const card = page.getByRole("region", { name: "Recent causes" });
  const line = card.locator(`[data-testid="recent-cause"][data-kind="${kind}"]`).filter({ hasText: text }).first();
  await expect
    .poll(
      async () => {
        await page.goto("/");
        return line.waitFor({ timeout: 20_000 }).then(
          () => true,
          () => false,
        );
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toBe(true);
  if (screenshotPath) {
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath, fullPage: true });
  }
  await line.getByTestId("recent-cause-link").click();
}
