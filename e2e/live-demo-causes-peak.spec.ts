import type { Page } from "@playwright/test";
import type { SlowWindowsResponse } from "../lib/findings/schemas";
import type { RedResponse } from "../lib/schemas/red";
import { runDemoScenario } from "./fixtures/run-demo-scenario";
import { expect, test, waitForDemoData } from "./fixtures/live-demo";

// Peak slowdown on the live demo, found from the overview only: a flash sale while coupon
// lookups stall; the overview's "Causes found" lists the slow window of the coupon checks, and
// "Why slow?" says in words that the slow checks waited in coupon's pool.connect, which the
// checks before did not.

const COUPON_CHECK = { service: "gateway", operation: "POST /coupons/validate" };

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("a slowdown at peak is explained from the overview: the slow coupon checks waited for coupon's pool", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(540_000);
  await waitForDemoData(liveDemo);

  await test.step("the coupon checks have a usual minute to be compared with (four minutes of traffic)", async () => {
    const red = `/api/v1/red?service=${COUPON_CHECK.service}&operation=${encodeURIComponent(COUPON_CHECK.operation)}&kind=SERVER&step=60`;
    await expect
      .poll(async () => (await liveDemo.getJson<RedResponse>(`${red}&from=${Date.now() - 1_800_000}&to=${Date.now()}`))?.points.filter((p) => p.count > 0).length ?? 0, {
        timeout: 300_000,
        intervals: [5_000],
      })
      .toBeGreaterThanOrEqual(4);
  });

  await test.step("a flash sale while coupon lookups are slow, and its slow window arrives", async () => {
    const scenario = await runDemoScenario(liveDemo, "peak-slowdown");
    expect(scenario.output).toMatch(/coupon check latency by load step/);
    await expect
      .poll(
        async () => {
          const found = await liveDemo.getJson<SlowWindowsResponse>(`/api/v1/findings/slow-windows?from=${Date.now() - 3_600_000}&to=${Date.now()}`);
          return found?.windows.some((w) => w.service === COUPON_CHECK.service && w.operation === COUPON_CHECK.operation) ?? false;
        },
        { timeout: 90_000, intervals: [3_000] },
      )
      .toBe(true);
  });

  await test.step("overview → Causes found → Why slow? of the coupon checks → the pool wait in words", async () => {
    await page.goto("/");
    const slowWindows = page.getByRole("region", { name: "Causes found" }).getByRole("region", { name: "Slow windows" });
    await expect(slowWindows).toContainText("POST /coupons/validate of gateway", { timeout: 60_000 });
    await shoot(page, "overview-slow-windows");
    await slowWindows.getByRole("link", { name: `Why slow? ${COUPON_CHECK.service} ${COUPON_CHECK.operation}` }).first().click();
    await expect(page).toHaveURL(/\/findings\/why-slow\?/);
    await expect(page.getByRole("heading", { name: /POST \/coupons\/validate of gateway/ })).toBeVisible({ timeout: 90_000 });
    const sentences = page.getByTestId("why-slow-sentence");
    await expect(sentences.filter({ hasText: /^\d+% of the slow requests waited in pool\.connect of coupon \(baseline \d+%\)$/ })).toHaveCount(1, { timeout: 30_000 });
    await shoot(page, "why-slow-peak");
  });

  await test.step("the trace search of those slow requests offers Why slow? for the same window", async () => {
    const whySlowUrl = page.url();
    await page.getByRole("link", { name: "These slow requests in the trace search" }).click();
    await expect(page).toHaveURL(/\/traces\?/);
    await page.getByRole("link", { name: "Why slow?" }).click();
    await expect(page).toHaveURL(whySlowUrl);
    await expect(page.getByTestId("why-slow-sentence").filter({ hasText: "waited in pool.connect of coupon" })).toHaveCount(1, { timeout: 60_000 });
  });

  await test.step("the same page in Chinese", async () => {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: liveDemo.base }]);
    await page.reload();
    await expect(page.getByRole("heading", { name: "为什么慢？" })).toBeVisible();
    await expect(page.getByTestId("why-slow-sentence").filter({ hasText: "的慢请求在 coupon 的 pool.connect 中等待" })).toHaveCount(1, { timeout: 60_000 });
    await shoot(page, "why-slow-peak-zh");
  });
});
