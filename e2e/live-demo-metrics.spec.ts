import { expect, test, waitForDemoData } from "./fixtures/live-demo";
import { MetricsExplorerPage } from "./pages/metrics-explorer-page";

// The metrics explorer on the live demo (its services' OpenTelemetry SDK metrics, through the
// real ingest path): a query built in the editor draws, survives a reload from its URL, a
// histogram draws as a heatmap, and a click on the chart opens that bucket's traces.

const METRIC = "http.server.request.duration";

test("a metric query built in the explorer draws, survives a reload and leads to its traces", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(300_000);
  await waitForDemoData(liveDemo);
  await expect
    .poll(async () => ((await liveDemo.getJson<{ metrics: { name: string }[] }>("/api/v1/metrics"))?.metrics ?? []).some((m) => m.name === METRIC), { timeout: 120_000, intervals: [2_000] })
    .toBe(true);

  const explorer = new MetricsExplorerPage(page);
  const to = Date.now() + 60_000;
  const from = to - 10 * 60_000;
  await page.goto(`/metrics?from=${from}&to=${to}`);

  await test.step("build p95 of the request duration grouped by service", async () => {
    await explorer.pickMetric("A", METRIC);
    await explorer.pickAgg("A", "p95");
    await explorer.groupBy("A", "service.name");
    await explorer.expectSeries(2);
    await expect(page.getByTestId("metric-info").filter({ hasText: METRIC })).toContainText("histogram");
  });

  await test.step("the query is in the URL and a reload shows it again", async () => {
    await expect.poll(() => new URL(page.url()).searchParams.getAll("q")).toEqual([JSON.stringify({ name: METRIC, agg: "p95", groupBy: ["service.name"] })]);
    await page.reload();
    await expect(explorer.editor("A").getByRole("combobox", { name: "Metric" })).toHaveValue(METRIC);
    await expect(explorer.editor("A").getByRole("combobox", { name: "Aggregation" })).toHaveValue("p95");
    await expect(explorer.editor("A").getByText("service.name", { exact: true })).toBeVisible();
    await explorer.expectSeries(2);
    await expect(page.getByTestId("url-problems")).toHaveCount(0);
  });

  await test.step("the histogram draws as a heatmap", async () => {
    await explorer.chooseChart("A", "Heatmap");
    await expect(explorer.heatmap("A").locator("canvas").first()).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toContain('"chart":"heatmap"');
    await explorer.chooseChart("A", "Line");
    await explorer.expectSeries(2);
  });

  await test.step("a click on the chart of one service opens its slowest traces in that bucket", async () => {
    await explorer.addFilter("A", "service.name", "gateway");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toContain('"filter":["service.name=gateway"]');
    await explorer.expectSeries(1);
    const rows = page.getByRole("table", { name: "Matching traces" }).locator("tbody tr");
    // A click opens one bucket (10 s here); the demo's traffic is steady, but a bucket at the
    // very end may not have its spans stored yet, so a few buckets of the last minutes are tried.
    let found = false;
    for (const fraction of [0.8, 0.72, 0.88, 0.64]) {
      const box = await explorer.lineChart.locator("canvas").first().boundingBox();
      if (!box) throw new Error("the chart has no box");
      await page.mouse.click(box.x + box.width * fraction, box.y + box.height * 0.55);
      await expect(page).toHaveURL(/\/traces\?/, { timeout: 15_000 });
      const params = new URL(page.url()).searchParams;
      expect(params.get("service")).toBe("gateway");
      expect(params.get("sort")).toBe("duration");
      expect(Number(params.get("from"))).toBeGreaterThanOrEqual(from);
      expect(Number(params.get("to"))).toBeLessThanOrEqual(to);
      expect(Number(params.get("to")) - Number(params.get("from"))).toBeLessThanOrEqual(60_000);
      found = await rows
        .first()
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (found) break;
      await page.goBack();
      await explorer.expectSeries(1);
    }
    expect(found, "one of the clicked buckets holds gateway traces").toBe(true);
  });

  await test.step("a link naming exact traces shows them as chosen traces", async () => {
    const traces = await liveDemo.getJson<{ traces: { traceId: string }[] }>(`/api/v1/traces?service=gateway&from=${from}&to=${to}&limit=2`);
    const ids = (traces?.traces ?? []).map((t) => t.traceId);
    expect(ids.length).toBe(2);
    await page.goto(`/traces?from=${from}&to=${to}&traceId=${ids[0]}&traceId=${ids[1]}&traceId=not-an-id`);
    await expect(page.getByText("2 chosen traces")).toBeVisible();
    await expect(page.getByTestId("url-problems")).toContainText("traceId=not-an-id");
    await expect.poll(() => page.getByRole("table", { name: "Matching traces" }).locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-trace-id")).sort()), { timeout: 30_000 }).toEqual([...ids].sort());
    await page.getByRole("button", { name: /^Remove filter 2 chosen traces/ }).click();
    await expect(page.getByText("2 chosen traces")).toHaveCount(0);
    expect(new URL(page.url()).searchParams.getAll("traceId")).toEqual([]);
  });
});
