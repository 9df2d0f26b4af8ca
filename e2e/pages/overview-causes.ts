import { expect, type Page } from "@playwright/test";

// The overview's "Recent causes" card as a person uses it: open the overview with no ids in the
// address, find the line of one kind that says what is expected, follow its link. The card is
// read once the cause is known to the API.

export async function followRecentCause(page: Page, kind: "poolWait" | "lockWait" | "deadlock" | "timeouts", text: RegExp, screenshotPath?: string): Promise<void> {
  const card = page.getByRole("region", { name: "Recent causes" });
  const line = card.locator(`[data-testid="recent-cause"][data-kind="${kind}"]`).filter({ hasText: text }).first();
  // On a loaded machine the overview and its card can take tens of seconds to render: each try
  // waits a minute for the line before reloading (a reload also moves "last hour" forward).
  let first = true;
  await expect(async () => {
    if (first) await page.goto("/");
    else await page.reload();
    first = false;
    await line.waitFor({ timeout: 60_000 });
  }).toPass({ timeout: 240_000, intervals: [2_000] });
  if (screenshotPath) {
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath, fullPage: true });
  }
  await line.getByTestId("recent-cause-link").click();
}
