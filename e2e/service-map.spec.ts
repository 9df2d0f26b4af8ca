import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { buildTrace, sendTrace, waitForTrace } from "./fixtures/otlp";
import { ServiceMapPage, TraceSearchPage } from "./fixtures/trace-pages";
import { checkoutTrace } from "./fixtures/trace-scenarios";

// The service map from checkout traces sent through OTLP: every caller → callee pair appears
// with its rate, error rate and p95, the external payment provider comes from peer.service,
// and a call opens the traces behind it.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

const suffix = randomBytes(3).toString("hex");
const s = (name: string) => `${name}-${suffix}`;

test.describe("service map", { tag: "@traces" }, () => {
  const traceIds: string[] = [];

  test.beforeAll(async ({ baseURL }) => {
    const now = Date.now();
    for (const [i, fails] of [false, true, false, false].entries()) {
      const trace = buildTrace(checkoutTrace({ suffix, paymentMs: 100 + i * 50, paymentFails: fails, userId: `user-${i}`, orderId: 9100 + i }), { startMs: now - (20 - i) * 60_000 });
      await sendTrace(baseURL!, e2eIngestKey, trace);
      await waitForTrace(baseURL!, trace.traceId, trace.spans.length);
      traceIds.push(trace.traceId);
    }
  });

  test("shows the expected calls with rate, errors and p95, and opens their traces", async ({ page }) => {
    const map = new ServiceMapPage(page);
    await map.goto();
    await expect(map.graph.locator("canvas")).toHaveCount(1);

    await test.step("the calls of the checkout, and stripe from peer.service", async () => {
      await expect.poll(() => map.edgesAmong(suffix)).toEqual(
        [
          `${s("checkout")}>${s("coupon")}`,
          `${s("checkout")}>${s("inventory")}`,
          `${s("checkout")}>${s("payment")}`,
          `${s("frontend")}>${s("checkout")}`,
          `${s("payment")}>${s("stripe")}`,
        ].sort(),
      );
      const payment = map.edge(s("checkout"), s("payment"));
      // Four calls, one declined: 25% errors; durations 100, 150, 200, 250 ms → p95 242.5 ms.
      await expect(payment.getByRole("cell").nth(3)).toHaveText("25.0%");
      await expect(payment.getByRole("cell").nth(4)).toHaveText("243 ms");
      await expect(payment.getByRole("cell").nth(5)).toHaveText("4");
      await expect(map.edge(s("payment"), s("stripe"))).toContainText("(peer.service)");
    });

    await test.step("the call's traces link opens the search for the callee through the caller", async () => {
      await map.edge(s("checkout"), s("payment")).getByRole("link", { name: "Traces" }).click();
      await expect(page).toHaveURL(new RegExp(`/traces\\?.*service=${s("payment")}`));
      await expect(page).toHaveURL(new RegExp(`touches=${s("checkout")}`));
      await new TraceSearchPage(page).expectResults(traceIds);
    });
  });
});
