import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { buildTrace, sendTrace, waitForTrace } from "./fixtures/otlp";
import { TracePage, TraceSearchPage } from "./fixtures/trace-pages";
import { checkoutTrace } from "./fixtures/trace-scenarios";

// Very long values (a 10,000-character filter in a link, a service or operation name of
// hundreds of characters) are cut in chips and cells, with the whole value on hover and by copy,
// and the page never grows wider than the window. And a trace row opens wherever it is clicked.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light", permissions: ["clipboard-read", "clipboard-write"] });

const suffix = randomBytes(3).toString("hex");
const longService = `svc-${suffix}-${"s".repeat(400)}`;
const longOperation = `GET /${"p".repeat(3000)}`;
const longNote = "n".repeat(10_000);

async function expectNoWiderThanWindow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test.describe("long values and trace rows", { tag: "@traces" }, () => {
  const traces = { long: "", checkout: "" };

  test.beforeAll(async ({ baseURL }) => {
    const now = Date.now();
    const long = buildTrace(
      { service: longService, name: longOperation, kind: 2, durationMs: 80, attributes: { note: longNote }, children: [{ service: longService, name: "SELECT 1", durationMs: 5, offsetMs: 10 }] },
      { startMs: now - 5 * 60_000 },
    );
    const checkout = buildTrace(checkoutTrace({ suffix, paymentMs: 60, paymentFails: false, userId: "user-7", orderId: 7001 }), { startMs: now - 3 * 60_000 });
    for (const trace of [long, checkout]) {
      await sendTrace(baseURL!, e2eIngestKey, trace);
      await waitForTrace(baseURL!, trace.traceId, trace.spans.length);
    }
    traces.long = long.traceId;
    traces.checkout = checkout.traceId;
  });

  test("10,000-character filters in the address are cut in their chips, whole on hover and copy", async ({ page }, testInfo) => {
    const search = new TraceSearchPage(page);
    // Node's HTTP server takes request headers up to 16 KiB, so one filter has the 10,000
    // characters and the others are shorter.
    const huge = "v".repeat(10_000);
    await search.goto(`service=${huge}&attr=${encodeURIComponent(`note=${"a".repeat(2000)}`)}&touches=${"t".repeat(1000)}`);
    const chips = page.getByLabel("Filters:");
    await expect(chips.getByText(/^service = vvvv/)).toBeVisible();
    await expectNoWiderThanWindow(page);
    await page.screenshot({ path: testInfo.outputPath("long-filters.png"), fullPage: true });

    await test.step("hovering a chip shows (the first thousand characters of) the whole value", async () => {
      await chips.getByText(/^service = vvvv/).hover();
      await expect(page.getByRole("tooltip")).toContainText("v".repeat(500));
    });

    await test.step("its copy button copies all 10,000 characters", async () => {
      await chips.getByRole("button", { name: "Copy the whole value" }).first().click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(huge);
    });

    await test.step("the remove button's name is cut too", async () => {
      const remove = chips.getByRole("button", { name: /^Remove filter service = v+…$/ });
      await expect(remove).toHaveCount(1);
    });
  });

  test("a long service and operation are cut in the results table and on the trace page", async ({ page }, testInfo) => {
    const search = new TraceSearchPage(page);
    await search.goto(`service=${encodeURIComponent(longService)}`);
    await search.expectResults([traces.long]);
    await expectNoWiderThanWindow(page);
    await page.screenshot({ path: testInfo.outputPath("long-results.png"), fullPage: true });
    const row = search.results.locator(`tr[data-trace-id="${traces.long}"]`);
    await expect(row.getByRole("link")).toHaveAttribute("title", longOperation.slice(0, 999) + "…");

    const trace = new TracePage(page);
    await trace.goto(traces.long);
    await expectNoWiderThanWindow(page);
    // The 3,000-character operation takes two lines of the header at most, whole on hover.
    const title = page.getByRole("heading", { level: 1 });
    await expect(title).toHaveAttribute("title", longOperation.slice(0, 999) + "…");
    expect((await title.boundingBox())!.height).toBeLessThan(80);

    await test.step("a 10,000-character attribute wraps over a few lines and copies whole", async () => {
      await trace.rowsNamed(/GET \/ppp/).first().click();
      const note = trace.detail.getByRole("table", { name: "Span attributes" }).getByRole("row").filter({ hasText: /^note/ });
      await expect(note).toBeVisible();
      const detailTitle = trace.detail.getByRole("heading", { level: 2 });
      await expect(detailTitle).toHaveAttribute("title", longOperation.slice(0, 999) + "…");
      expect((await detailTitle.boundingBox())!.height).toBeLessThan(100);
      expect((await note.boundingBox())!.height).toBeLessThan(160);
      await expectNoWiderThanWindow(page);
      await page.screenshot({ path: testInfo.outputPath("long-attribute.png"), fullPage: true });
      await note.getByRole("button", { name: "Copy the whole value" }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(longNote);
    });
    await page.screenshot({ path: testInfo.outputPath("long-trace.png"), fullPage: true });
  });

  test("a click anywhere on a row opens its trace; the name is a real link for new tabs", async ({ page, context }) => {
    const search = new TraceSearchPage(page);
    await search.goto(`service=checkout-${suffix}`);
    await search.expectResults([traces.checkout]);
    const row = search.results.locator(`tr[data-trace-id="${traces.checkout}"]`);

    await test.step("the operation name is an anchor with the trace's address", async () => {
      await expect(row.getByRole("link", { name: "POST /api/checkout" })).toHaveAttribute("href", new RegExp(`^/traces/${traces.checkout}\\?from=\\d+&to=\\d+`));
    });

    await test.step("Ctrl-click on the duration cell opens the trace in a new tab", async () => {
      const opened = context.waitForEvent("page");
      await row.getByRole("cell").nth(2).click({ modifiers: ["Control"] });
      const tab = await opened;
      await expect(tab).toHaveURL(new RegExp(`/traces/${traces.checkout}\\?`));
      await tab.close();
      await expect(page).toHaveURL(/\/traces\?/);
    });

    await test.step("a plain click on the spans cell opens the trace here", async () => {
      await row.getByRole("cell").nth(3).click();
      await expect(page).toHaveURL(new RegExp(`/traces/${traces.checkout}\\?`));
      await expect(page.getByRole("tree", { name: /^Spans of the trace/ })).toBeVisible();
    });
  });
});
