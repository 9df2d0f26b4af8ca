import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { buildTrace, otlpAttributes, sendAuditChanges, sendTrace, waitForTrace, type BuiltTrace } from "./fixtures/otlp";
import { TracePage } from "./fixtures/trace-pages";
import { checkoutTrace } from "./fixtures/trace-scenarios";

// "What this request changed": audit rows sent the way the db agent sends them, tied to spans
// of a trace by trace and span id, are shown under the span that wrote them with before → after;
// the trace's logs are listed beside them.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

const suffix = randomBytes(3).toString("hex");
const ids = { orders: randomBytes(8).toString("hex"), charge: randomBytes(8).toString("hex"), reserve: randomBytes(8).toString("hex") };

test.describe("what this request changed", { tag: "@traces" }, () => {
  let trace: BuiltTrace;
  let quiet: BuiltTrace;

  test.beforeAll(async ({ baseURL }) => {
    const start = Date.now() - 4 * 60_000;
    trace = buildTrace(checkoutTrace({ suffix, paymentMs: 200, paymentFails: true, userId: "user-5", orderId: 8801, ids }), { startMs: start });
    quiet = buildTrace(checkoutTrace({ suffix, paymentMs: 50, paymentFails: false, userId: "user-6", orderId: 8802 }), { startMs: start + 1_000 });
    await sendTrace(baseURL!, e2eIngestKey, trace);
    await sendTrace(baseURL!, e2eIngestKey, quiet);
    await waitForTrace(baseURL!, trace.traceId, trace.spans.length);
    await waitForTrace(baseURL!, quiet.traceId, quiet.spans.length);
    const at = (ms: number) => new Date(start + ms).toISOString();
    await sendAuditChanges(baseURL!, e2eIngestKey, [
      {
        id: `e2e:${suffix}:1`,
        database: "shop",
        table: "orders",
        op: "INSERT",
        pk: { id: 8801 },
        before: null,
        after: { id: 8801, status: "pending", total: 59.9 },
        actor: "user-5",
        txid: 501,
        traceId: trace.traceId,
        spanId: ids.orders,
        committedAt: at(20),
      },
      {
        id: `e2e:${suffix}:2`,
        database: "shop",
        table: "stock",
        op: "UPDATE",
        pk: { sku: "sku-1" },
        before: { sku: "sku-1", available: 12 },
        after: { sku: "sku-1", available: 11 },
        changedColumns: ["available"],
        traceId: trace.traceId,
        spanId: ids.reserve,
        committedAt: at(50),
      },
      {
        id: `e2e:${suffix}:3`,
        database: "shop",
        table: "orders",
        op: "UPDATE",
        pk: { id: 8801 },
        before: { id: 8801, status: "pending", total: 59.9 },
        after: { id: 8801, status: "payment_failed", total: 59.9 },
        changedColumns: ["status"],
        actor: "user-5",
        txid: 502,
        traceId: trace.traceId,
        spanId: ids.orders,
        committedAt: at(300),
      },
    ]);
    const logs = await fetch(`${baseURL}/api/otlp/v1/logs`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${e2eIngestKey}` },
      body: JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: otlpAttributes({ "service.name": `payment-${suffix}` }) },
            scopeLogs: [{ logRecords: [{ timeUnixNano: String(BigInt(start + 250) * 1_000_000n), severityNumber: 17, severityText: "ERROR", body: { stringValue: "charge 8801 declined by issuer" }, traceId: trace.traceId, spanId: ids.charge }] }],
          },
        ],
      }),
    });
    expect(logs.ok).toBe(true);
  });

  test("changes are grouped under the spans that wrote them, with before → after", async ({ page }) => {
    const view = new TracePage(page);
    await view.goto(trace.traceId);
    await expect(view.tab("What this request changed (3)")).toHaveAttribute("aria-selected", "true");

    await test.step("the trace's list groups the three changes under checkout and inventory", async () => {
      const groups = page.getByTestId("changes-of-span");
      await expect(groups).toHaveCount(2);
      await expect(page.locator(`[data-testid="changes-of-span"][data-span-id="${ids.orders}"] [data-testid="audit-change"]`)).toHaveCount(2);
      const stock = page.locator(`[data-testid="changes-of-span"][data-span-id="${ids.reserve}"] [data-testid="audit-change"]`);
      await expect(stock).toContainText("public.stock");
      await expect(stock.getByRole("row", { name: /available/ })).toContainText("12");
      await expect(stock.getByRole("row", { name: /available/ })).toContainText("11");
    });

    await test.step("the rows that wrote changes carry a marker", async () => {
      await expect(view.row(ids.orders).getByLabel("Changed database rows")).toBeVisible();
      await expect(view.row(ids.charge).getByLabel("Changed database rows")).toHaveCount(0);
    });

    await test.step("the span's detail shows its own changes: status pending → payment_failed", async () => {
      await view.row(ids.orders).click();
      const changes = view.detail.getByTestId("span-changes");
      await expect(changes).toContainText("2 database rows changed");
      const update = changes.locator('[data-testid="audit-change"]').filter({ hasText: "UPDATE" });
      const status = update.getByRole("row", { name: /status/ });
      await expect(status.getByRole("cell").nth(1)).toHaveText("pending");
      await expect(status.getByRole("cell").nth(3)).toHaveText("payment_failed");
      await expect(update).toContainText("by user-5");
      const insert = changes.locator('[data-testid="audit-change"]').filter({ hasText: "INSERT" });
      await expect(insert.getByRole("row", { name: /total/ })).toContainText("59.9");
    });

    await test.step("the logs tab lists the trace's log record, linked to its span", async () => {
      await view.tab("Logs (1)").click();
      const logs = page.getByRole("table", { name: "Logs of this trace" });
      await expect(logs).toContainText("charge 8801 declined by issuer");
      await logs.getByRole("button", { name: "POST /charges" }).click();
      await expect(view.detail).toHaveAttribute("data-span-id", ids.charge);
    });
  });

  test("a request that changed nothing says so plainly", async ({ page }) => {
    const view = new TracePage(page);
    await view.goto(quiet.traceId);
    await expect(view.tab("What this request changed (0)")).toBeVisible();
    await expect(page.getByText("No database changes recorded for this request")).toBeVisible();
  });
});
