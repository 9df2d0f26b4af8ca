import { TraceSearchPage } from "./fixtures/trace-pages";
import { expect, test, waitForDemoData } from "./fixtures/live-demo";

// The services pages on the live demo (data through the real ingest path): the list shows the
// shop's services with numbers, a service's charts draw, a click on a latency point opens the
// trace search for that service and bucket, and the overview shows the health grid.

const SERVICE = "order";

test.describe("services on the live demo", () => {
  test.describe.configure({ timeout: 300_000 });

  test.beforeEach(async ({ liveDemo }) => {
    await waitForDemoData(liveDemo);
  });

  test("the services list shows at least six services with their numbers", async ({ demoPage: page }) => {
    await page.goto("/services");
    const table = page.getByRole("table", { name: "Services with rate, errors and latency" });
    await expect(table.locator("tbody tr[data-service]").nth(5)).toBeVisible({ timeout: 60_000 });
    const rows = table.locator("tbody tr[data-service]");
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    // Every row has a rate and an error share; the busiest ones a p95.
    for (const text of await rows.allInnerTexts()) expect(text).toMatch(/\d+(\.\d+)?\/s[\s\S]*\d+(\.\d+)?%/);
    await expect(table.locator(`tr[data-service="${SERVICE}"]`)).toContainText(/\d+(\.\d+)? (ms|s|µs)/);
    await expect(page.getByRole("tab", { name: "Map" })).toBeVisible();
    await table.locator(`tr[data-service="${SERVICE}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/services/${SERVICE}\\?`));
  });

  test("a service page draws its charts, and a click on a latency point opens that bucket's traces", async ({ demoPage: page, liveDemo }) => {
    const now = Date.now();
    // A five-minute window ending now: the demo has run long enough to fill its last minutes.
    const from = now - 5 * 60_000;
    await page.goto(`/services/${SERVICE}?from=${from}&to=${now}`);
    // The charts appear once the service's versions and operations are known (slow on a busy machine).
    await expect(page.getByRole("table", { name: "Operations" }).locator("tbody tr").first()).toBeVisible({ timeout: 90_000 });
    const latency = page.locator(`[data-chart="Latency p50, p95 and p99 of ${SERVICE}"]`);
    for (const name of [`Requests per second of ${SERVICE}`, `Error and timeout rate of ${SERVICE}`, `Latency p50, p95 and p99 of ${SERVICE}`]) {
      await expect(page.getByRole("img", { name })).toBeVisible({ timeout: 60_000 });
      await expect(page.locator(`[data-chart="${name}"] canvas`).first()).toBeVisible();
    }

    await test.step("click the latency chart near the end of the window", async () => {
      const canvas = latency.locator("canvas").first();
      const box = (await canvas.boundingBox())!;
      // 85% across the canvas lies inside the plot (the grid leaves room for the axis labels)
      // and in the last complete minutes of the window.
      await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.5);
      await expect(page).toHaveURL(/\/traces\?/);
    });

    await test.step("the trace search holds traces of the service in the clicked bucket", async () => {
      const url = new URL(page.url());
      expect(url.searchParams.get("service")).toBe(SERVICE);
      expect(url.searchParams.get("sort")).toBe("duration");
      const bucketFrom = Number(url.searchParams.get("from"));
      const bucketTo = Number(url.searchParams.get("to"));
      expect(bucketFrom).toBeGreaterThanOrEqual(from - 60_000);
      expect(bucketTo).toBeLessThanOrEqual(now + 60_000);
      expect(bucketTo - bucketFrom).toBeLessThanOrEqual(2 * 60_000);
      const search = new TraceSearchPage(page);
      await expect(search.results.locator("tbody tr").first()).toBeVisible({ timeout: 30_000 });
      const shown = await search.resultTraceIds();
      const stored = await liveDemo.getJson<{ traces: { traceId: string }[] }>(`/api/v1/traces?service=${SERVICE}&from=${bucketFrom}&to=${bucketTo}&sort=duration&limit=500`);
      const ids = new Set(stored?.traces.map((trace) => trace.traceId));
      expect(shown.length).toBeGreaterThan(0);
      for (const id of shown) expect(ids.has(id)).toBe(true);
    });
  });

  test("an unknown service says so inside the frame", async ({ demoPage: page }) => {
    await page.goto("/services/no-such-service");
    await expect(page.getByText("Unknown service")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  });

  test("the overview shows the service health grid", async ({ demoPage: page }) => {
    await page.goto("/");
    const grid = page.getByRole("region", { name: "Service health" });
    await expect(grid.locator("tbody tr[data-service]").first()).toBeVisible({ timeout: 60_000 });
    expect(await grid.locator("tbody tr[data-service]").count()).toBeGreaterThanOrEqual(6);
    await expect(page.getByRole("region", { name: "Worst endpoints now" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Databases" })).toBeVisible();
  });
});
