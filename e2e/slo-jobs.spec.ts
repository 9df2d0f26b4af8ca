import { expect, test, waitForDemoData } from "./fixtures/live-demo";

// The SLO and jobs pages on the live demo: the demo's "Checkout availability" SLO is listed
// with its level and budget, its page draws the burn rate and budget and lists its two
// burn-rate rules; a new SLO with a target of 100% is refused with the server's message; the
// jobs page lists expire-unpaid-orders with a last run that links to its trace.

const POLL = { timeout: 180_000, intervals: [3_000] };

test("the demo's SLO and batch jobs", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(480_000);
  await waitForDemoData(liveDemo);

  await test.step("/slos lists the checkout SLO with a level; its page shows burn, budget and rules", async () => {
    await page.goto("/slos");
    const row = page.getByTestId("slo-row").filter({ hasText: "Checkout availability" });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("slo-level")).toHaveText(/%$/, { timeout: 60_000 });
    await page.screenshot({ path: "/tmp/alerts-ui-slos.png", fullPage: true });
    await row.getByRole("link", { name: "Checkout availability" }).click();
    await expect(page).toHaveURL(/\/slos\/[0-9a-f-]{36}(\?|$)/);
    await expect(page.getByTestId("slo-detail-level")).toHaveText(/%$/);
    await expect(page.getByRole("region", { name: "Burn rate" })).toBeVisible();
    await expect(page.getByTestId("slo-rules").getByRole("row")).toHaveCount(2);
    await page.screenshot({ path: "/tmp/alerts-ui-slo-detail.png", fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: "/tmp/alerts-ui-slo-detail-dark.png", fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });
  });

  await test.step("a target of 100% is refused with the server's reason", async () => {
    await page.goto("/slos/new");
    await page.getByTestId("slo-name").fill("Impossible");
    await page.getByTestId("slo-service").fill("gateway");
    await page.getByTestId("slo-target").fill("100");
    await page.getByTestId("slo-create").click();
    await expect(page.getByTestId("slo-save-error")).toContainText("targetPercent: must be below 100");
  });

  await test.step("/jobs lists expire-unpaid-orders with a last run linking to its trace", async () => {
    await expect.poll(async () => (await liveDemo.getJson<{ jobs: { job: string; lastRun: unknown }[] }>("/api/v1/jobs"))?.jobs.find((j) => j.job === "expire-unpaid-orders")?.lastRun ?? null, POLL).not.toBeNull();
    await page.goto("/jobs");
    const row = page.getByTestId("job-row").filter({ hasText: "expire-unpaid-orders" });
    await expect(row.getByTestId("job-last-run")).toBeVisible();
    await expect(row.getByTestId("job-run-link")).toHaveAttribute("href", /^\/traces\/[0-9a-f]{32}/);
    await page.screenshot({ path: "/tmp/alerts-ui-jobs.png", fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: "/tmp/alerts-ui-jobs-dark.png", fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });
    await row.getByRole("link", { name: "expire-unpaid-orders" }).click();
    await expect(page.getByTestId("job-run-row").first()).toBeVisible();
  });

  await test.step("in Chinese", async () => {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: liveDemo.base }]);
    await page.goto("/jobs");
    await expect(page.getByRole("tab", { name: "任务" })).toHaveAttribute("aria-selected", "true");
    await page.screenshot({ path: "/tmp/alerts-ui-jobs-zh.png", fullPage: true });
    await page.goto("/slos");
    await expect(page.getByTestId("slo-row").first()).toBeVisible();
    await page.screenshot({ path: "/tmp/alerts-ui-slos-zh.png", fullPage: true });
  });
});
