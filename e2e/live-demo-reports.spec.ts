import pg from "pg";
import { readLocalDemoSettings } from "../agents/demo-shop/local-demo-settings";
import { REPORT_ATTRIBUTES } from "../lib/reports/report-attributes";
import type { TimeoutReport } from "../lib/reports/schemas";
import { expect, test, waitForDemoData } from "./fixtures/live-demo";
import { runDemoScenario as runScenario } from "./fixtures/run-demo-scenario";

// The timeout impact report on the live demo: the payment provider stops answering (the
// demo's payment-timeout scenario, injected as `npm run demo -- --scenario payment-timeout`
// does), and the report for that window names the provider as the cause, counts the timed-out
// checkouts, counts the orders left unpaid as the shop's own database has them, and says the
// outage is over once the window runs past it.

const CHECKOUT = { service: "gateway", operation: "POST /checkout" };

const reportUrl = (window: { fromMs: number; toMs: number }) =>
  `/api/v1/reports/timeouts?from=${Math.floor(window.fromMs)}&to=${Math.ceil(window.toMs)}&service=${CHECKOUT.service}&operation=${encodeURIComponent(CHECKOUT.operation)}`;

const firstNumber = (text: string | null) => Number((text ?? "").replace(/[,\s]/g, "").match(/\d+/)?.[0] ?? NaN);

test("the timeout report names the payment provider, counts timed-out checkouts and unpaid orders, and says it is over", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(480_000);
  await waitForDemoData(liveDemo);
  const startedMs = Date.now() - 5_000;

  const scenario = await test.step("the payment provider stops answering (payment-timeout scenario)", async () => {
    const outcome = await runScenario(liveDemo, "payment-timeout");
    expect(outcome.traceIds.length, outcome.output).toBeGreaterThanOrEqual(2);
    return outcome;
  });

  let report: TimeoutReport | undefined;
  await test.step("the timed-out checkouts arrive, and the outage has been quiet for a while", async () => {
    await expect
      .poll(async () => (await liveDemo.getJson<TimeoutReport>(reportUrl({ fromMs: startedMs, toMs: Date.now() })))?.totals.timedOut ?? 0, { timeout: 60_000, intervals: [2_000] })
      .toBeGreaterThanOrEqual(2);
    const last = (await liveDemo.getJson<TimeoutReport>(reportUrl({ fromMs: startedMs, toMs: Date.now() })))!.period.lastTimeoutMs!;
    // The window ends 90 s after the last timeout: past the report's quiet period (60 s for a window this short).
    const window = { fromMs: startedMs, toMs: last + 90_000 };
    await page.waitForTimeout(Math.max(0, window.toMs - Date.now() + 2_000));
    const shop = new pg.Client({ connectionString: readLocalDemoSettings(liveDemo.dataDir).shopDatabaseUrl });
    await shop.connect();
    try {
      // The audit trail reaches Sightline a few seconds after the shop commits: wait until the
      // report's unpaid orders are exactly those the shop's own database still has unpaid.
      await expect
        .poll(
          async () => {
            report = await liveDemo.getJson<TimeoutReport>(reportUrl(window));
            if (!report || report.impact.orders.count === 0) return "no orders yet";
            const { rows } = await shop.query<{ id: string }>("SELECT id::text AS id FROM orders WHERE id = ANY($1::bigint[]) AND status = ANY($2::text[]) ORDER BY orders.id", [
              report.impact.orders.ids,
              REPORT_ATTRIBUTES.audit.orders.unpaidStatuses,
            ]);
            const reported = report.stateLeft.unpaid.orders!.map((o) => o.orderId).sort((a, b) => Number(a) - Number(b));
            return JSON.stringify(reported) === JSON.stringify(rows.map((r) => r.id)) ? "agree" : `report ${reported.join(",")} vs shop ${rows.map((r) => r.id).join(",")}`;
          },
          { timeout: 60_000, intervals: [3_000] },
        )
        .toBe("agree");
    } finally {
      await shop.end();
    }
    expect(report!.stateLeft.unpaid.count).toBeGreaterThanOrEqual(1);
    expect(report!.period.isOver).toBe(true);
    // The scenario's own checkouts are among the timed-out requests the report counts.
    const timedOut = await liveDemo.getJson<{ traces: { traceId: string }[] }>(
      `/api/v1/traces?service=gateway&timeout=true&from=${window.fromMs}&to=${window.toMs}&limit=500`,
    );
    expect(timedOut?.traces.map((t) => t.traceId)).toEqual(expect.arrayContaining(scenario.traceIds));
    expect(report!.totals.timedOut).toBe(timedOut!.traces.length);
  });

  await test.step("the report page says it in sentences", async () => {
    const facts = report!;
    await page.goto(`/reports/timeouts?from=${facts.window.fromMs}&to=${facts.window.toMs}&service=gateway&operation=${encodeURIComponent(CHECKOUT.operation)}`);
    const sentences = page.getByTestId("report-sentences");
    // The report reads spans, rollups and the audit trail: slow on a loaded machine, so a generous wait.
    await expect(sentences).toBeVisible({ timeout: 90_000 });
    expect(firstNumber(await page.getByTestId("report-timed-out").textContent())).toBe(facts.totals.timedOut);
    await expect(page.getByTestId("report-timed-out")).toHaveAttribute("href", /timeout=(1|true)/);
    await expect(page.getByTestId("report-sentence-cause")).toContainText("payment-provider");
    expect(firstNumber(await page.getByTestId("report-unpaid").textContent())).toBe(facts.stateLeft.unpaid.count);
    await expect(page.getByTestId("report-sentence-over")).toContainText("It has been over since");
    await expect(page.getByTestId("report-unpaid-orders").getByRole("row")).toHaveCount(facts.stateLeft.unpaid.orders!.length + 1);
  });
});
