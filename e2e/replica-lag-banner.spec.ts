import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";

// With DATABASE_READ_URL, /api/health says how far behind the read replica is, and every page
// shows a banner above its content past 5 s (lib/client/replica-lag-notice.ts). The lag itself is
// tested on a real streaming replica in lib/db/read-replica.int.test.ts; here the browser's health
// answers are replaced, to see what a user sees for each. The first answer comes with the HTML
// (this server has no replica); the banner's next poll, brought forward on the page's clock, gets
// the replaced one.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

function answerHealth(page: Page, body: object) {
  return page.route("**/api/health", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(body) }));
}

/** Opens `path` and lets the banner's 15-s health poll come due. */
async function openAndPoll(page: Page, path: string) {
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/health");
  await page.goto(path);
  await page.clock.fastForward(16_000);
  await answered;
}

test.describe("read replica lag banner", { tag: "@shell" }, () => {
  test("says how far behind a lagging replica is, in both languages", async ({ page }) => {
    await page.clock.install();
    await answerHealth(page, { status: "ok", readReplica: { ok: true, lagSeconds: 42.4 } });
    await openAndPoll(page, "/traces");
    const banner = page.getByTestId("replica-lag-banner");
    await expect(banner).toContainText("Data may be 42 s old");
    await expect(banner).toContainText("42 seconds behind the primary");
    await page.screenshot({ path: "/tmp/scale-out-replica-lag.png" });

    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: page.url() }]);
    await openAndPoll(page, "/traces");
    await expect(page.getByTestId("replica-lag-banner")).toContainText("数据可能滞后 42 秒");
  });

  test("says the replica is down when it does not answer", async ({ page }) => {
    await page.clock.install();
    await answerHealth(page, { status: "ok", readReplica: { ok: false, lagSeconds: null } });
    await openAndPoll(page, "/services");
    await expect(page.getByTestId("replica-lag-banner")).toContainText("The read replica is not answering");
  });

  test("shows nothing without a replica, or while it is at most 5 s behind", async ({ page }) => {
    await page.clock.install();
    for (const body of [{ status: "ok" }, { status: "ok", readReplica: { ok: true, lagSeconds: 3 } }]) {
      await page.unrouteAll();
      await answerHealth(page, body);
      // The banner's health request answered: its absence afterwards is the answer, not a race.
      await openAndPoll(page, "/traces");
      await expect(page.getByRole("heading", { level: 1, name: "Traces", exact: true })).toBeVisible();
      await expect(page.getByTestId("replica-lag-banner")).toHaveCount(0);
    }
  });
});
