import type { Page } from "@playwright/test";
import type { DuplicateDeliveriesResponse } from "../lib/findings/schemas";
import { runDemoScenario } from "./fixtures/run-demo-scenario";
import { expect, test, waitForDemoData } from "./fixtures/live-demo";

// Duplicate callback on the live demo, found from the overview only: the provider calls back
// twice, the overview's "Causes found" lists the second delivery, its trace page says it did
// nothing because trace X had already done the work, and trace X lists it as a duplicate.

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("a duplicate payment callback is named from the overview and linked to the delivery that did the work", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(420_000);
  await waitForDemoData(liveDemo);

  const orderId = await test.step("the provider calls back twice for one charge", async () => {
    const scenario = await runDemoScenario(liveDemo, "duplicate-callback");
    const id = /order (\d+) got its payment callback twice/.exec(scenario.output)?.[1];
    expect(id, scenario.output).toBeDefined();
    return id!;
  });

  await test.step("Sightline sees the duplicate once both callbacks and the first one's audit rows are in", async () => {
    await expect
      .poll(
        async () => {
          const found = await liveDemo.getJson<DuplicateDeliveriesResponse>(`/api/v1/findings/duplicate-deliveries?from=${Date.now() - 3_600_000}&to=${Date.now()}`);
          return found?.deliveries.some((d) => d.original !== null && d.keys.some((k) => k.key === "order.id" && k.value === orderId)) ?? false;
        },
        { timeout: 120_000, intervals: [2_000] },
      )
      .toBe(true);
  });

  const originalTraceId = await test.step("overview → Causes found → the duplicate delivery → its trace names the trace that did the work", async () => {
    await page.goto("/");
    const causes = page.getByRole("region", { name: "Causes found" });
    const link = causes.getByRole("region", { name: "Duplicate deliveries" }).getByRole("link", { name: new RegExp(`POST /payments/callback of payment, delivered again at .*\\(order\\.id=${orderId}\\)`) });
    await expect(link).toBeVisible({ timeout: 60_000 });
    await shoot(page, "overview-causes-found");
    await link.click();
    await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}(\?|$)/);
    const alert = page.getByRole("alert", { name: "Did nothing: already done" });
    await expect(alert).toBeVisible({ timeout: 60_000 });
    await expect(alert).toContainText("This POST /payments/callback delivery to payment changed no rows: its work had already been done.");
    await expect(alert).toContainText("The span itself says it was a duplicate.");
    await expect(alert).toContainText(`order.id=${orderId}`);
    const original = alert.getByRole("link", { name: /^[0-9a-f]{32}$/ });
    await expect(alert).toContainText(/Already done by trace [0-9a-f]{32} at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\./);
    await shoot(page, "duplicate-callback-trace");
    const id = (await original.textContent())!;
    await original.click();
    await expect(page).toHaveURL(new RegExp(`/traces/${id}(\\?|$)`));
    return id;
  });

  await test.step("the trace that did the work lists its duplicate, linked back", async () => {
    const duplicates = page.getByRole("alert", { name: /1 later delivery did nothing/ });
    await expect(duplicates).toBeVisible({ timeout: 60_000 });
    await expect(duplicates).toContainText(`order.id=${orderId}`);
    await expect(duplicates.getByRole("link", { name: /^[0-9a-f]{32}$/ })).not.toHaveText(originalTraceId);
    // The first callback changed the payment row: the changes tab says so.
    await expect(page.getByRole("tab", { name: /What this request changed \([1-9]\d*\)/ })).toBeVisible({ timeout: 30_000 });
    await shoot(page, "duplicate-callback-original");
  });

  await test.step("the duplicate's page in Chinese", async () => {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: liveDemo.base }]);
    await page.getByRole("alert").getByRole("link", { name: /^[0-9a-f]{32}$/ }).click();
    await expect(page).not.toHaveURL(new RegExp(`/traces/${originalTraceId}(\\?|$)`));
    await page.reload();
    await expect(page.getByRole("alert", { name: "未做任何事：已被处理过" })).toContainText(`已由追踪 ${originalTraceId}`, { timeout: 60_000 });
    await shoot(page, "duplicate-callback-trace-zh");
  });
});
