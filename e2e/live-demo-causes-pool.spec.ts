import type { RecentCausesResponse } from "../lib/causes/schemas";
import { runDemoScenario } from "./fixtures/run-demo-scenario";
import { expect, test, waitForDemoData } from "./fixtures/live-demo";
import { followRecentCause } from "./pages/overview-causes";

// Pool exhaustion on the live demo, diagnosed from the overview alone: the slow sales reports
// hold every connection of the order service's pool while other order requests wait. The
// overview's Recent causes names the pool and its holder; its link opens a waiting request's
// trace, whose causes panel names the report holding the connections and links to its trace.
// Clicks: overview → Recent causes "… waited up to … for order's pool; held by GET /reports/sales"
// → the victim's trace (causes panel) → the report's trace.

const POLL = { timeout: 120_000, intervals: [2_000] };

test("a request stuck behind an exhausted pool leads from the overview to the report holding the pool", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(480_000);
  await waitForDemoData(liveDemo);
  const startedMs = Date.now() - 5_000;

  await test.step("the sales reports take every order connection; the victims' and the reports' spans arrive", async () => {
    const scenario = await runDemoScenario(liveDemo, "pool-exhaustion");
    expect(scenario.traceIds.length, scenario.output).toBeGreaterThanOrEqual(3);
    // The services export in batches: until the victims' spans (waits of a second or more) and
    // the reports' (which end with the stall) have arrived, the order pool's longest wait and
    // its holders are not yet the scenario's.
    await expect
      .poll(async () => {
        const recent = await liveDemo.getJson<RecentCausesResponse>(`/api/v1/causes/recent?from=${startedMs}&to=${Date.now() + 60_000}`);
        const pool = recent?.causes.find((c) => c.kind === "poolWait" && c.service === "order");
        if (pool?.kind !== "poolWait" || pool.maxWaitMs < 1_000) return "no long wait yet";
        return pool.topHolder?.operation ?? "no holder yet";
      }, POLL)
      .toMatch(/reports\/sales/);
  });

  await test.step("the overview's Recent causes names the pool and the report; its link opens a victim's trace", async () => {
    await followRecentCause(page, "poolWait", /order's pool.*held by GET \/reports\/sales/, test.info().outputPath("causes-pool-overview.png"));
    await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}\?span=[0-9a-f]{16}/);
  });

  await test.step("the victim's trace says how long it waited and that the sales report held the connections", async () => {
    const cause = page.getByTestId("pool-wait-cause").first();
    await expect(cause).toContainText(/Waited .* for a connection of order's pool/, { timeout: 30_000 });
    await expect(cause).toContainText(/requests? in line/);
    await expect(cause.getByTestId("pool-holders")).toContainText(/GET \/reports\/sales held \d+ of \d+ connections/);
    await page.screenshot({ path: test.info().outputPath("causes-pool-victim.png"), fullPage: true });
  });

  await test.step("a holder's link opens the report's trace", async () => {
    await page.getByTestId("pool-holder-link").filter({ hasText: /reports\/sales/ }).first().click();
    await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);
    await expect(page.getByRole("tree").first()).toContainText("reports/sales", { timeout: 30_000 });
  });

  await test.step("the order service's page shows the waits and the report among the holders", async () => {
    await page.goto("/services/order");
    const card = page.getByRole("region", { name: "Pool waits" });
    await expect(card.getByTestId("pool-holders")).toContainText("GET /reports/sales", { timeout: 60_000 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath("causes-pool-service.png"), fullPage: true });
  });
});
