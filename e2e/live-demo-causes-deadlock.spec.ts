import type { RecentCausesResponse } from "../lib/causes/schemas";
import { runDemoScenario } from "./fixtures/run-demo-scenario";
import { expect, test, waitForDemoData } from "./fixtures/live-demo";
import { followRecentCause } from "./pages/overview-causes";

// A deadlock on the live demo, diagnosed from the overview alone: a cancel (order service) and
// a stock adjustment (inventory service) lock the same rows in opposite order. The overview's
// Recent causes names both requests; its link opens the victim's trace, which names the other
// transaction's request and statement and links to it; that trace names the victim in turn.
// Clicks: overview → Recent causes "… was aborted in a deadlock with …" → the victim's trace
// (causes panel) → the other side's trace (causes panel) → the Database page (both requests).

const POLL = { timeout: 120_000, intervals: [2_000] };
const CANCEL = /POST \/orders\/[^ ]+\/cancel/;
const ADJUST = /POST \/admin\/inventory\/[^ ]+\/adjust/;

test("a deadlock leads from the overview to both requests and the other side's statement, on both traces", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(480_000);
  await waitForDemoData(liveDemo);
  const startedMs = Date.now() - 5_000;

  await test.step("the cancel and the stock adjustment deadlock; the agent reports the cycle with both traces", async () => {
    const scenario = await runDemoScenario(liveDemo, "deadlock");
    expect(scenario.traceIds.length, scenario.output).toBeGreaterThanOrEqual(2);
    await expect
      .poll(async () => {
        const recent = await liveDemo.getJson<RecentCausesResponse>(`/api/v1/causes/recent?from=${startedMs}&to=${Date.now() + 60_000}`);
        const deadlock = recent?.causes.find((c) => c.kind === "deadlock" && c.victim?.request && c.others.some((o) => o.request));
        return deadlock !== undefined;
      }, POLL)
      .toBe(true);
  });

  const victimIsCancel = await test.step("the overview's Recent causes names both requests; its link opens the victim's trace", async () => {
    await followRecentCause(page, "deadlock", /aborted in a deadlock with/, test.info().outputPath("causes-deadlock-overview.png"));
    await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);
    const header = await page.getByRole("heading", { level: 1 }).first().textContent({ timeout: 30_000 });
    return CANCEL.test(header ?? "");
  });

  const [own, other] = victimIsCancel ? [CANCEL, ADJUST] : [ADJUST, CANCEL];
  await test.step("the victim's trace names the other transaction: its request and its statement", async () => {
    const cause = page.locator('[data-testid="lock-cause"][data-kind="deadlockVictim"]');
    await expect(cause).toContainText("Deadlock victim", { timeout: 30_000 });
    const side = cause.getByTestId("lock-side").first();
    await expect(side).toContainText(other);
    await expect(side.locator("pre, code").first()).toContainText(/UPDATE|SELECT/i);
    await expect(cause).toContainText(/This side ran: .*(UPDATE|SELECT)/i);
    await page.screenshot({ path: test.info().outputPath("causes-deadlock-victim.png"), fullPage: true });
  });

  await test.step("the other side's trace names the victim's request in turn", async () => {
    await page.locator('[data-testid="lock-cause"][data-kind="deadlockVictim"]').getByTestId("lock-side").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);
    const cause = page.locator('[data-testid="lock-cause"][data-kind="deadlock"]');
    await expect(cause).toContainText("PostgreSQL aborted the other transaction", { timeout: 30_000 });
    await expect(cause.getByTestId("lock-side").first()).toContainText(own);
    await page.screenshot({ path: test.info().outputPath("causes-deadlock-other.png"), fullPage: true });
  });

  await test.step("its link to the Database page shows the cycle with both requests named", async () => {
    await page.locator('[data-testid="lock-cause"][data-kind="deadlock"]').getByRole("link", { name: "On the Database page" }).click();
    await expect(page).toHaveURL(/\/database\?.*deadlock=/);
    const requests = page.getByTestId("lock-event-requests");
    await expect(requests).toContainText(CANCEL, { timeout: 60_000 });
    await expect(requests).toContainText(ADJUST);
    await requests.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath("causes-deadlock-database.png"), fullPage: true });
  });
});
