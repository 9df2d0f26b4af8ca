import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { buildTrace, sendTrace, waitForTrace, type SpanSpec } from "./fixtures/otlp";
import { ServiceMapPage, TracePage } from "./fixtures/trace-pages";

// A busy service map, as the demo shop draws it: one gateway calling seven services, two of
// them calling on. Services whose names hash to the same colour (payment and payment-provider
// do) are drawn in different ones; the screenshot is for looking at the edge labels.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

// The spans sit in a window of their own, hours back, so other specs' services (sent "now")
// are not on this map and the names can be the demo's own.
const startMs = Date.now() - 5 * 3_600_000 - Math.floor(Math.random() * 3_600_000);

const call = (from: string, to: string, durationMs: number, children: SpanSpec[] = []): SpanSpec => ({
  service: from,
  name: `POST /${to}`,
  kind: 3,
  offsetMs: 1,
  durationMs,
  children: [{ service: to, name: `POST /${to}`, kind: 2, durationMs: durationMs - 1, children }],
});

const shopTrace = (): SpanSpec => ({
  service: "gateway",
  name: "POST /checkout",
  kind: 2,
  durationMs: 200,
  children: [
    call("gateway", "order", 150, [call("order", "inventory", 20), call("order", "payment", 90, [call("payment", "payment-provider", 60)])]),
    call("gateway", "inventory", 30),
    call("gateway", "coupon", 20),
    call("gateway", "notification", 15),
    call("gateway", "shipping", 25),
    call("gateway", "search", 35),
    call("gateway", "recommendation", 40),
  ],
});

test("services that hash alike get different colours, on the map and in a trace; the busy map is drawn", async ({ page, baseURL }, testInfo) => {
  const traceIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const trace = buildTrace(shopTrace(), { startMs: startMs + i * 1_000 });
    await sendTrace(baseURL!, e2eIngestKey, trace);
    await waitForTrace(baseURL!, trace.traceId, trace.spans.length);
    traceIds.push(trace.traceId);
  }
  const map = new ServiceMapPage(page);
  await map.goto(`from=${startMs - 60_000}&to=${startMs + 120_000}`);
  await expect(map.graph.locator("canvas")).toHaveCount(1);
  const edge = map.edge("payment", "payment-provider");
  await expect(edge).toBeVisible();

  const swatch = (cell: number) => edge.getByRole("cell").nth(cell).locator("[aria-hidden]").first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const [payment, provider] = [await swatch(0), await swatch(1)];
  expect(payment).toMatch(/^rgb/);
  expect(provider).not.toBe(payment);

  await page.screenshot({ path: testInfo.outputPath("busy-service-map.png"), fullPage: true });

  await test.step("the trace's waterfall keeps payment and payment-provider apart too", async () => {
    const trace = new TracePage(page);
    await trace.goto(traceIds[0]!, `from=${startMs - 60_000}&to=${startMs + 120_000}`);
    const swatchOf = (service: string) =>
      trace.waterfall
        .getByRole("treeitem")
        .filter({ hasText: `POST /${service}` })
        .filter({ hasText: new RegExp(`^${service}POST`) })
        .first()
        .locator("span[style*='background']")
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    const [inTrace, providerInTrace] = [await swatchOf("payment"), await swatchOf("payment-provider")];
    expect(inTrace).toMatch(/^rgb/);
    expect(providerInTrace).not.toBe(inTrace);
  });
});
