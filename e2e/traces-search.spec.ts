import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { buildTrace, sendTrace, waitForTrace } from "./fixtures/otlp";
import { TraceSearchPage } from "./fixtures/trace-pages";
import { checkoutTrace } from "./fixtures/trace-scenarios";

// Trace search on data sent through OTLP: filters narrow the results, live in the URL, and the
// URL alone replays the search; a box dragged on the scatter narrows window and durations.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

const suffix = randomBytes(3).toString("hex");
const payment = `payment-${suffix}`;

test.describe("trace search", { tag: "@traces" }, () => {
  const traces = { fast: "", slowFailed: "", slowOk: "" };

  test.beforeAll(async ({ baseURL }) => {
    const now = Date.now();
    const send = async (paymentMs: number, paymentFails: boolean, orderId: number, minutesAgo: number) => {
      const trace = buildTrace(checkoutTrace({ suffix, paymentMs, paymentFails, userId: "user-42", orderId }), { startMs: now - minutesAgo * 60_000 });
      await sendTrace(baseURL!, e2eIngestKey, trace);
      await waitForTrace(baseURL!, trace.traceId, trace.spans.length);
      return trace.traceId;
    };
    traces.fast = await send(40, false, 1001, 30);
    traces.slowFailed = await send(450, true, 1002, 20);
    traces.slowOk = await send(900, false, 1003, 10);
  });

  test("service, duration and attribute find the expected traces, and the URL replays the search", async ({ page, context }) => {
    const search = new TraceSearchPage(page);
    await search.goto();

    await test.step("filter by service: all three traces pass through it", async () => {
      await search.chooseService(payment);
      await expect(page).toHaveURL(new RegExp(`service=${payment}`));
      await search.expectResults([traces.fast, traces.slowFailed, traces.slowOk]);
    });

    await test.step("a minimum duration of 300 ms leaves the two slow payments", async () => {
      await search.setMinDuration("300ms");
      await expect(page).toHaveURL(/minDurationMs=300/);
      await search.expectResults([traces.slowFailed, traces.slowOk]);
    });

    await test.step("an attribute condition on the same span leaves the declined card", async () => {
      await search.addAttributeCondition("http.response.status_code=402");
      await expect(page).toHaveURL(/attr=http\.response\.status_code(=|%3D)402/);
      await search.expectResults([traces.slowFailed]);
      await expect(page.getByText("service = " + payment)).toBeVisible();
    });

    await test.step("the copied URL, opened fresh, shows the same filters and results", async () => {
      const copied = page.url();
      const fresh = await context.newPage();
      const again = new TraceSearchPage(fresh);
      await fresh.goto(copied);
      await again.expectResults([traces.slowFailed]);
      await expect(again.filters.getByRole("combobox", { name: "Service" })).toHaveValue(payment);
      await expect(again.filters.getByRole("textbox", { name: "Min duration" })).toHaveValue("300ms");
      expect(new URL(fresh.url()).searchParams.get("from")).toBe(new URL(copied).searchParams.get("from"));
      await fresh.close();
    });

    await test.step("removing the duration filter widens the results again", async () => {
      await page.getByRole("button", { name: /^Remove filter duration ≥/ }).click();
      await search.expectResults([traces.slowFailed]);
      await page.getByRole("button", { name: /^Remove filter http\.response\.status_code=402/ }).click();
      await search.expectResults([traces.fast, traces.slowFailed, traces.slowOk]);
    });
  });

  test("status and timeouts filter, the empty state says what to change, results sort and open", async ({ page }) => {
    const search = new TraceSearchPage(page);
    await search.goto(`service=${payment}&status=error`);
    await search.expectResults([traces.slowFailed]);

    await test.step("no payment timed out: the empty state offers to drop each filter", async () => {
      await page.getByRole("switch", { name: "Timeouts only" }).check({ force: true });
      await expect(page.getByRole("heading", { name: "No trace matches these filters" })).toBeVisible();
      await page.getByRole("button", { name: "Remove “timeouts only”" }).click();
      await search.expectResults([traces.slowFailed]);
    });

    await test.step("any status, sorted by duration in the table", async () => {
      await search.chooseStatus("Any");
      await search.expectResults([traces.fast, traces.slowFailed, traces.slowOk]);
      const byDuration = [traces.fast, traces.slowFailed, traces.slowOk];
      await search.results.getByRole("button", { name: "Duration" }).click();
      const header = search.results.getByRole("columnheader", { name: "Duration" });
      await expect(header).toHaveAttribute("aria-sort", /ascending|descending/);
      const direction = await header.getAttribute("aria-sort");
      await expect.poll(() => search.resultTraceIds()).toEqual(direction === "ascending" ? byDuration : [...byDuration].reverse());
      await search.results.getByRole("button", { name: "Duration" }).click();
      await expect.poll(() => search.resultTraceIds()).toEqual(direction === "ascending" ? [...byDuration].reverse() : byDuration);
    });

    await test.step("a row opens its trace", async () => {
      await search.results.locator(`tr[data-trace-id="${traces.slowOk}"]`).getByRole("link").click();
      await expect(page).toHaveURL(new RegExp(`/traces/${traces.slowOk}`));
      await expect(page.getByRole("tree", { name: /^Spans of the trace/ })).toBeVisible();
    });
  });

  test("dragging a box on the scatter narrows the window and the durations", async ({ page }) => {
    const search = new TraceSearchPage(page);
    await search.goto(`service=${payment}`);
    await search.expectResults([traces.fast, traces.slowFailed, traces.slowOk]);
    const before = new URL(page.url()).searchParams;
    const box = (await search.scatter.boundingBox())!;
    // The plot area starts 64 px from the left and ends 24 px from the right (see the option);
    // the box covers its last 40% (the last 24 minutes) and all durations above the axis.
    await page.mouse.move(box.x + 64 + (box.width - 88) * 0.6, box.y + 36);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 26, box.y + box.height - 34, { steps: 8 });
    await page.mouse.up();
    await expect(page).toHaveURL(/maxDurationMs=/);
    const after = new URL(page.url()).searchParams;
    expect(Number(after.get("from"))).toBeGreaterThan(Number(before.get("from")));
    expect(after.get("rel")).toBeNull();
    // The narrowed window holds the two traces of the last 20 minutes.
    await search.expectResults([traces.slowFailed, traces.slowOk]);
  });
});
