import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { buildTrace, sendTrace, waitForTrace, type BuiltTrace } from "./fixtures/otlp";
import { TracePage } from "./fixtures/trace-pages";
import { bigTrace, checkoutTrace } from "./fixtures/trace-scenarios";

// The trace page on traces sent through OTLP: a 10,000-span trace renders virtualised and
// scrolls to its last span; on a known checkout, the critical path, "next error", the span
// detail with its deep link, and find in trace behave as designed.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

const suffix = randomBytes(3).toString("hex");
const s = (name: string) => `${name}-${suffix}`;
const ids = { orders: randomBytes(8).toString("hex"), charge: randomBytes(8).toString("hex"), reserve: randomBytes(8).toString("hex") };

test.describe("trace waterfall", { tag: "@traces" }, () => {
  let checkout: BuiltTrace;
  let big: BuiltTrace;
  const span = (service: string, name: string) => checkout.spans.find((x) => x.service === s(service) && x.name === name)!;

  test.beforeAll(async ({ baseURL }) => {
    checkout = buildTrace(checkoutTrace({ suffix, paymentMs: 300, paymentFails: true, userId: "user-9", orderId: 7001, ids }), { startMs: Date.now() - 5 * 60_000 });
    big = buildTrace(bigTrace(10_000, suffix), { startMs: Date.now() - 3 * 60_000 });
    await sendTrace(baseURL!, e2eIngestKey, checkout);
    await sendTrace(baseURL!, e2eIngestKey, big);
    await waitForTrace(baseURL!, checkout.traceId, checkout.spans.length);
    await waitForTrace(baseURL!, big.traceId, 10_000);
  });

  test("a 10,000-span trace renders only the rows in view and scrolls to its last span", async ({ page }) => {
    const trace = new TracePage(page);
    await trace.goto(big.traceId);
    await expect(page.getByText("10,000 spans")).toBeVisible();
    const rendered = await trace.waterfall.getByRole("treeitem").count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(200);
    const last = big.spans.at(-1)!;

    await test.step("scrolling to the bottom shows the last span", async () => {
      await trace.waterfall.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await expect(trace.row(last.spanId)).toBeVisible();
      await expect(trace.row(last.spanId)).toHaveAttribute("aria-posinset", "10000");
    });

    await test.step("End selects it from the keyboard, Home goes back to the root", async () => {
      await trace.waterfall.evaluate((element) => element.scrollTo({ top: 0 }));
      await trace.press("End");
      await expect(trace.row(last.spanId)).toHaveAttribute("aria-selected", "true");
      await expect(trace.row(last.spanId)).toBeInViewport();
      await expect(page).toHaveURL(new RegExp(`span=${last.spanId}`));
      await trace.press("Home");
      await expect(trace.row(big.spans[0]!.spanId)).toBeInViewport();
    });
  });

  test("the critical path runs through the failing payment and not through the parallel coupon call", async ({ page }) => {
    const trace = new TracePage(page);
    await trace.goto(checkout.traceId);
    const onPath = [span("frontend", "POST /api/checkout"), span("checkout", "POST /orders"), span("payment", "POST /charges"), span("payment", "POST stripe /v1/charges"), span("inventory", "UPDATE stock"), span("checkout", "INSERT orders")];
    for (const x of onPath) await expect(trace.row(x.spanId), `${x.service} ${x.name}`).toHaveAttribute("data-critical", "true");
    await expect(trace.row(span("coupon", "POST /apply").spanId)).not.toHaveAttribute("data-critical", "true");
    await test.step("the switch hides it", async () => {
      await page.getByRole("switch", { name: "Critical path" }).uncheck({ force: true });
      await expect(trace.waterfall.locator('[data-critical="true"]')).toHaveCount(0);
    });
  });

  test("“next error” visits every failing span in order, opening collapsed parents", async ({ page }) => {
    const trace = new TracePage(page);
    await trace.goto(checkout.traceId);
    const failing = [
      span("frontend", "POST /api/checkout"),
      checkout.spans.find((x) => x.service === s("frontend") && x.name === "POST /orders")!,
      span("checkout", "POST /orders"),
      span("payment", "POST /charges"),
      span("payment", "POST stripe /v1/charges"),
    ];
    for (const expected of failing) {
      await trace.nextErrorButton().click();
      await expect(trace.selectedRow()).toHaveAttribute("data-span-id", expected.spanId);
    }
    await test.step("it wraps around to the first", async () => {
      await trace.nextErrorButton().click();
      await expect(trace.selectedRow()).toHaveAttribute("data-span-id", failing[0]!.spanId);
    });
    await test.step("with checkout's subtree collapsed, E still reaches the payment span", async () => {
      await trace.row(ids.orders).click();
      await trace.press("ArrowLeft");
      await expect(trace.row(ids.orders)).toHaveAttribute("aria-expanded", "false");
      await expect(trace.row(ids.charge)).toHaveCount(0);
      await trace.press("e");
      await expect(trace.selectedRow()).toHaveAttribute("data-span-id", ids.charge);
      await expect(trace.row(ids.orders)).toHaveAttribute("aria-expanded", "true");
    });
    await test.step("arrow keys move between rows", async () => {
      await trace.press("ArrowDown");
      await expect(trace.selectedRow()).toHaveAttribute("data-span-id", span("payment", "POST stripe /v1/charges").spanId);
      await trace.press("ArrowLeft");
      await expect(trace.selectedRow()).toHaveAttribute("data-span-id", ids.charge);
    });
  });

  test("a span's detail shows its error, stack trace and attributes, and its deep link reopens it", async ({ page }) => {
    const trace = new TracePage(page);
    await trace.goto(checkout.traceId);
    await trace.row(ids.charge).click();
    await expect(trace.detail).toHaveAttribute("data-span-id", ids.charge);
    await expect(trace.detail.getByRole("heading", { name: "POST /charges" })).toBeVisible();
    await expect(trace.detail.getByText("card declined", { exact: true })).toBeVisible();
    await expect(trace.detail.getByText("CardDeclinedError: card declined", { exact: true })).toBeVisible();
    await expect(trace.detail.getByLabel("Stack trace")).toContainText("payment/charge.ts:42:11");
    await trace.detail.getByRole("tab", { name: /^Attributes/ }).click();
    const attributes = trace.detail.getByRole("table", { name: "Span attributes" });
    await expect(attributes.getByRole("row", { name: /payment\.provider/ })).toContainText("stripe");
    await expect(page).toHaveURL(new RegExp(`span=${ids.charge}`));

    await test.step("the link opens the same span", async () => {
      await page.goto(`/traces/${checkout.traceId}?span=${ids.charge}`);
      await expect(trace.detail).toHaveAttribute("data-span-id", ids.charge);
      await expect(trace.row(ids.charge)).toHaveAttribute("aria-selected", "true");
    });
  });

  test("find in trace matches names at once and attribute values from the server", async ({ page }) => {
    const trace = new TracePage(page);
    await trace.goto(checkout.traceId);
    const find = page.getByRole("textbox", { name: "Find in trace" });
    await find.fill("stripe");
    // "POST stripe /v1/charges" by name; payment.provider=stripe and peer.service=stripe-… by value.
    await expect(page.getByTestId("find-count")).toHaveText("2 matches");
    await expect(trace.waterfall.locator('[data-match="true"]')).toHaveCount(2);
    await find.press("Enter");
    await expect(page.getByTestId("find-count")).toHaveText("1 of 2");
    await expect(trace.selectedRow()).toHaveAttribute("data-span-id", ids.charge);
  });
});
