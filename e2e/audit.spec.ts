import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { buildTrace, randomSpanId, sendAuditChanges, sendTrace, waitForTrace, type AuditRow, type BuiltTrace } from "./fixtures/otlp";

// The Audit pages on the demo order's story: one order goes NEW → PENDING_PAYMENT → PAID, each
// step written by its own request (a trace with the span that wrote it), then someone fixes the
// total by hand in psql (no request context). Rows are sent as the db agent sends them.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

const suffix = randomBytes(3).toString("hex");
const table = `orders_${suffix}`;
const orderId = 4242;

/** A row change with the agent's session fields the shared fixture's type does not list. */
type AgentRow = Omit<AuditRow, "traceId" | "spanId"> & { traceId: string | null; spanId: string | null; dbUser: string; applicationName: string; statement: string };

const steps = [
  { name: "POST /orders", status: "NEW", service: `shop-api-${suffix}` },
  { name: "POST /orders/:id/checkout", status: "PENDING_PAYMENT", service: `shop-api-${suffix}` },
  { name: "POST /payments/webhook", status: "PAID", service: `payments-${suffix}` },
] as const;

test.describe("audit", { tag: "@audit" }, () => {
  const traces: BuiltTrace[] = [];
  const spans: string[] = [];
  const raceTraces: BuiltTrace[] = [];
  let start = 0;
  const at = (ms: number) => new Date(start + ms).toISOString();

  test.beforeAll(async ({ baseURL }) => {
    start = Date.now() - 10 * 60_000;
    for (const [index, step] of steps.entries()) {
      const spanId = randomSpanId();
      const trace = buildTrace({ service: step.service, name: step.name, kind: 2, durationMs: 80, children: [{ service: step.service, name: `UPDATE ${table}`, kind: 3, offsetMs: 10, durationMs: 20, spanId }] }, { startMs: start + index * 60_000 });
      await sendTrace(baseURL!, e2eIngestKey, trace);
      await waitForTrace(baseURL!, trace.traceId, trace.spans.length);
      traces.push(trace);
      spans.push(spanId);
    }
    const order = (status: string, total: number) => ({ id: orderId, status, total, card_number: "****" });
    const rows: AgentRow[] = [
      { id: `e2e-audit:${suffix}:1`, database: "shop", table, op: "INSERT", pk: { id: orderId }, before: null, after: order("NEW", 59.9), changedColumns: [], actor: "user-7", txid: 9001, traceId: traces[0]!.traceId, spanId: spans[0]!, committedAt: at(30), dbUser: "shop", applicationName: "shop-api", statement: `INSERT INTO ${table} (status, total) VALUES ($1, $2)` },
      { id: `e2e-audit:${suffix}:2`, database: "shop", table, op: "UPDATE", pk: { id: orderId }, before: order("NEW", 59.9), after: order("PENDING_PAYMENT", 59.9), changedColumns: ["status"], actor: "user-7", txid: 9002, traceId: traces[1]!.traceId, spanId: spans[1]!, committedAt: at(60_030), dbUser: "shop", applicationName: "shop-api", statement: `UPDATE ${table} SET status = $1 WHERE id = $2` },
      { id: `e2e-audit:${suffix}:3`, database: "shop", table, op: "UPDATE", pk: { id: orderId }, before: order("PENDING_PAYMENT", 59.9), after: order("PAID", 59.9), changedColumns: ["status"], actor: "stripe", txid: 9003, traceId: traces[2]!.traceId, spanId: spans[2]!, committedAt: at(120_030), dbUser: "payments", applicationName: "payments", statement: `UPDATE ${table} SET status = $1 WHERE id = $2` },
      // The checkout's transaction also reserved stock, in another table, right after the order.
      { id: `e2e-audit:${suffix}:2:1`, database: "shop", table: `stock_${suffix}`, op: "UPDATE", pk: { sku: "sku-1" }, before: { sku: "sku-1", reserved: 0 }, after: { sku: "sku-1", reserved: 1 }, changedColumns: ["reserved"], actor: "user-7", txid: 9002, traceId: traces[1]!.traceId, spanId: spans[1]!, committedAt: at(60_030), dbUser: "shop", applicationName: "shop-api", statement: `UPDATE stock_${suffix} SET reserved = reserved + 1 WHERE sku = $1` },
      { id: `e2e-audit:${suffix}:4`, database: "shop", table, op: "UPDATE", pk: { id: orderId }, before: order("PAID", 59.9), after: order("PAID", 49.9), changedColumns: ["total"], txid: 9004, traceId: null, spanId: null, committedAt: at(300_000), dbUser: "dba", applicationName: "psql", statement: `UPDATE ${table} SET total = ? WHERE id = ?` },
    ];
    // A race on order 4243: the shipping request read the row (NEW), the payment webhook paid
    // it, then shipping wrote its whole row back: PAID is lost (last writer wins).
    const race = [
      { name: "POST /payments/webhook", service: `payments-${suffix}`, offsetMs: 200_000 },
      { name: "PUT /orders/:id/address", service: `shop-api-${suffix}`, offsetMs: 200_500 },
    ].map((request) => buildTrace({ service: request.service, name: request.name, kind: 2, durationMs: 3_000 }, { startMs: start + request.offsetMs }));
    for (const trace of race) {
      await sendTrace(baseURL!, e2eIngestKey, trace);
      await waitForTrace(baseURL!, trace.traceId, 1);
    }
    raceTraces.push(...race);
    const other = (status: string, address: string) => ({ id: orderId + 1, status, address });
    rows.push(
      { id: `e2e-audit:${suffix}:r1`, database: "shop", table, op: "INSERT", pk: { id: orderId + 1 }, before: null, after: other("NEW", "old street"), changedColumns: [], txid: 9100, traceId: null, spanId: null, committedAt: at(100_000), dbUser: "shop", applicationName: "shop-api", statement: "INSERT" },
      { id: `e2e-audit:${suffix}:r2`, database: "shop", table, op: "UPDATE", pk: { id: orderId + 1 }, before: other("NEW", "old street"), after: other("PAID", "old street"), changedColumns: ["status"], txid: 9101, traceId: race[0]!.traceId, spanId: race[0]!.spans[0]!.spanId, committedAt: at(202_000), dbUser: "payments", applicationName: "payments", statement: "UPDATE" },
      { id: `e2e-audit:${suffix}:r3`, database: "shop", table, op: "UPDATE", pk: { id: orderId + 1 }, before: other("PAID", "old street"), after: other("NEW", "new street"), changedColumns: ["status", "address"], txid: 9102, traceId: race[1]!.traceId, spanId: race[1]!.spans[0]!.spanId, committedAt: at(203_000), dbUser: "shop", applicationName: "shop-api", statement: "UPDATE" },
    );
    // The fixture's type requires a trace; the agent sends null for a change without one.
    await sendAuditChanges(baseURL!, e2eIngestKey, rows as unknown as AuditRow[]);
  });

  const results = (page: Page) => page.getByTestId("audit-row");

  test("search: every filter in the URL, a one-line diff per change, the whole change in a drawer", async ({ page }) => {
    await page.goto(`/audit?rel=1h&table=${table}&pk=${orderId}`);
    await expect(results(page)).toHaveCount(4);
    await expect(page.getByTestId("audit-result-count")).toHaveText("4 changes");
    await expect(results(page).first().getByTestId("audit-row-diff")).toHaveText("total: 59.9 → 49.9");

    await test.step("a filter typed in the form is written to the URL", async () => {
      await page.getByTestId("audit-filter-column").fill("status");
      await page.getByTestId("audit-filter-column").press("Enter");
      await expect(page).toHaveURL(/column=status/);
      await expect(results(page)).toHaveCount(2);
      await expect(results(page).first().getByTestId("audit-row-diff")).toHaveText("status: PENDING_PAYMENT → PAID");
    });

    await test.step("a change opens with its diff, statement, actor and the span that made it", async () => {
      await results(page).first().click();
      await expect.poll(() => new URL(page.url()).searchParams.get("change")).toBe(`e2e-audit:${suffix}:3`);
      const detail = page.getByTestId("audit-change-detail");
      await expect(detail.getByRole("row", { name: /status/ })).toContainText("PENDING_PAYMENT");
      await expect(detail.getByRole("row", { name: /status/ })).toContainText("PAID");
      await expect(detail.getByTestId("audit-change-statement")).toHaveText(`UPDATE ${table} SET status = $1 WHERE id = $2`);
      await expect(detail).toContainText("stripe");
      await expect(detail.getByTestId("audit-change-trace-link")).toHaveAttribute("href", `/traces/${traces[2]!.traceId}?span=${spans[2]}`);
      await page.screenshot({ path: `test-results/audit-search-drawer.png` });
    });

    await test.step("a change made by hand says it carried no request", async () => {
      await page.goto(`/audit?rel=1h&table=${table}&application=psql`);
      await expect(results(page)).toHaveCount(1);
      await results(page).first().click();
      await expect(page.getByTestId("audit-change-no-request")).toBeVisible();
    });
  });

  test("row history: NEW → PENDING_PAYMENT → PAID with the request of each step, then a change by hand", async ({ page }) => {
    await test.step("the drawer of a change links to its row's history", async () => {
      await page.goto(`/audit?rel=1h&table=${table}&pk=${orderId}&op=INSERT`);
      await results(page).first().click();
      await page.getByRole("link", { name: "Every change of this row" }).click();
      await expect(page).toHaveURL(new RegExp(`/audit/public\\.${table}/`));
    });
    const entries = page.getByTestId("row-history-entry");
    await expect(entries).toHaveCount(4);
    for (const [index, step] of steps.entries()) {
      const entry = entries.nth(index);
      await expect(entry.getByTestId("row-history-request")).toContainText(step.name);
      await expect(entry.getByTestId("row-history-request").getByRole("link")).toHaveAttribute("href", `/traces/${traces[index]!.traceId}?span=${spans[index]}`);
      await expect(entry.getByRole("row", { name: /status/ })).toContainText(step.status);
    }
    await expect(entries.nth(3).getByTestId("row-history-no-request")).toHaveText("No request context");
    await expect(entries.nth(3).getByRole("row", { name: /total/ })).toContainText("49.9");

    await test.step("as of a moment between two changes, the row has the earlier values", async () => {
      await page.getByTestId("row-at").fill(at(90_000));
      await page.getByTestId("row-at").press("Enter");
      const state = page.getByTestId("row-state");
      await expect(state.getByRole("row", { name: /status/ })).toContainText("PENDING_PAYMENT");
      await expect(state.getByRole("row", { name: /total/ })).toContainText("59.9");
      await expect(state.getByRole("row", { name: /card_number/ })).toContainText("****");
      await expect.poll(() => new URL(page.url()).searchParams.get("at")).toBe(String(start + 90_000));
    });

    await test.step("two moments compared: the changed columns first, before and after", async () => {
      await page.getByTestId("row-compare").fill(at(400_000));
      await page.getByTestId("row-compare").press("Enter");
      const status = page.getByTestId("row-state").getByRole("row", { name: /status/ });
      await expect(status.getByRole("cell").nth(1)).toHaveText("PENDING_PAYMENT");
      await expect(status.getByRole("cell").nth(2)).toHaveText("PAID");
      const total = page.getByTestId("row-state").getByRole("row", { name: /total/ });
      await expect(total.getByRole("cell").nth(2)).toHaveText("49.9");
      await page.screenshot({ path: "test-results/audit-row-history.png", fullPage: true });
    });

    await test.step("before the insert the row did not exist", async () => {
      await page.goto(`/audit/${table}/${orderId}?database=shop&at=${start}`);
      await expect(page.getByTestId("row-state-note")).toContainText("did not exist");
    });
  });

  test("concurrent writers: overlapping requests side by side in commit order, the lost PAID visible", async ({ page }) => {
    await page.goto(`/audit/public.${table}/${orderId + 1}?database=shop`);
    const group = page.getByTestId("concurrent-writers");
    await expect(group).toHaveCount(1);
    const writers = group.getByTestId("concurrent-writer");
    await expect(writers).toHaveCount(2);
    await expect(writers.nth(0)).toHaveAttribute("data-change-id", `e2e-audit:${suffix}:r2`);
    await expect(writers.nth(0)).toContainText("POST /payments/webhook");
    await expect(writers.nth(1)).toContainText("PUT /orders/:id/address");
    await expect(writers.nth(1).getByRole("row", { name: /status/ })).toContainText("PAID");
    await expect(writers.nth(1).getByRole("row", { name: /status/ })).toContainText("NEW");
    await page.screenshot({ path: "test-results/audit-concurrent.png", fullPage: true });
    // The demo order's writers were one after another: no such section.
    await page.goto(`/audit/public.${table}/${orderId}?database=shop`);
    await expect(page.getByTestId("row-history-entry")).toHaveCount(4);
    await expect(page.getByTestId("concurrent-writers")).toHaveCount(0);
  });

  test("a history longer than a page says so and shows the rest on request", async ({ page, baseURL }) => {
    // 202 changes of one row, by hand (no request), in a table of its own (the other tests count
    // the orders table's changes): the page reads the history 200 at a time.
    const busyTable = `busy_${suffix}`;
    const busyId = orderId;
    const busy: AgentRow[] = Array.from({ length: 202 }, (_, i) => ({
      id: `e2e-audit:${suffix}:busy:${i}`, database: "shop", table: busyTable, op: i === 0 ? "INSERT" : "UPDATE", pk: { id: busyId },
      before: i === 0 ? null : { id: busyId, total: i - 1 }, after: { id: busyId, total: i }, changedColumns: i === 0 ? [] : ["total"],
      txid: 20_000 + i, traceId: null, spanId: null, committedAt: at(i * 100), dbUser: "dba", applicationName: "psql", statement: "UPDATE",
    }));
    await sendAuditChanges(baseURL!, e2eIngestKey, busy as unknown as AuditRow[]);
    await page.goto(`/audit/public.${busyTable}/${busyId}?database=shop`);
    const entries = page.getByTestId("row-history-entry");
    await expect(entries).toHaveCount(200);
    await expect(page.getByTestId("row-history-more")).toContainText("Showing the first 200 changes of this row, oldest first; it has more.");
    await page.getByTestId("row-history-more").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/audit-row-more.png" });
    await page.getByTestId("row-history-load-more").click();
    await expect(entries).toHaveCount(202);
    await expect(entries.last().getByRole("row", { name: /total/ })).toContainText("201");
    await expect(page.getByTestId("row-history-more")).toHaveCount(0);
  });

  test("a search by trace id finds exactly that request's changes", async ({ page }) => {
    await page.goto(`/audit?rel=1h&traceId=${traces[1]!.traceId}`);
    await expect(results(page)).toHaveCount(2);
    // Newest first; one commit's changes in reverse of the order the transaction made them.
    await expect(results(page).nth(0)).toHaveAttribute("data-change-id", `e2e-audit:${suffix}:2:1`);
    await expect(results(page).nth(1)).toHaveAttribute("data-change-id", `e2e-audit:${suffix}:2`);
    await expect(results(page).nth(1).getByTestId("audit-row-diff")).toHaveText("status: NEW → PENDING_PAYMENT");
  });

  test("a result set opens in trace search as exactly the requests behind it", async ({ page }) => {
    await page.goto(`/audit?rel=1h&table=${table}&pk=${orderId}`);
    await expect(results(page)).toHaveCount(4);
    // Four changes, three requests: the change made by hand carried none.
    const open = page.getByTestId("audit-open-traces");
    await expect(open).toHaveText("Open 3 traces in trace search");
    await open.click();
    await expect(page).toHaveURL(/\/traces\?/, { timeout: 20_000 }); // a full page of its own: slow on a loaded machine
    await expect(page.getByText("3 chosen traces")).toBeVisible();
    expect(new URL(page.url()).searchParams.getAll("traceId").sort()).toEqual(traces.map((t) => t.traceId).sort());
    await expect
      .poll(() => page.getByRole("table", { name: "Matching traces" }).locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-trace-id")).sort()), { timeout: 30_000 })
      .toEqual(traces.map((t) => t.traceId).sort());
  });

  test("transaction view: every change of one transaction, in order, across tables", async ({ page }) => {
    await page.goto(`/audit?rel=1h&table=${table}&pk=${orderId}&column=status&value=status%3DNEW`);
    await expect(results(page)).toHaveCount(1);
    await results(page).first().click();
    await page.getByRole("link", { name: "Every change of this transaction" }).click();
    await expect(page).toHaveURL(/\/audit\/tx\/shop\/9002(\?|$)/);
    const changes = page.getByTestId("transaction-change");
    await expect(changes).toHaveCount(2);
    await expect(changes.nth(0)).toContainText(`public.${table}`);
    await expect(changes.nth(1)).toContainText(`public.stock_${suffix}`);
    await expect(page.getByRole("link", { name: traces[1]!.traceId })).toBeVisible();
  });

  test("CSV export downloads what the table shows", async ({ page, baseURL }) => {
    await page.goto(`/audit?rel=1h&table=${table}`);
    await expect(results(page)).toHaveCount(7);
    const shown = await results(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-change-id")));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export").click()]);
    expect(download.suggestedFilename()).toBe("audit-changes.csv");
    const lines = (await readFile(await download.path(), "utf8")).split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^committed_at,database,schema,table,op,pk,change,/);
    expect(lines.slice(1).map((line) => line.split(",").at(-1))).toEqual(shown);
    expect(lines[1]).toContain("total: 59.9 → 49.9");
    expect(new URL((await page.getByTestId("audit-export").getAttribute("href")) ?? "", baseURL).searchParams.get("table")).toBe(table);
  });

  test("screenshots: dark and zh-CN", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`/audit?rel=1h&table=${table}&pk=${orderId}`);
    await expect(results(page)).toHaveCount(4);
    await expect(page.getByTestId("audit-result-count")).toHaveText("4 条变更");
    await page.screenshot({ path: "test-results/audit-search-dark-zh.png" });
    await page.goto(`/audit/public.${table}/${orderId}?database=shop&at=${start + 90_000}&compare=${start + 400_000}`);
    await expect(page.getByTestId("row-history-entry")).toHaveCount(4);
    await expect(page.getByTestId("row-history-no-request")).toHaveText("无请求上下文");
    await page.screenshot({ path: "test-results/audit-row-dark-zh.png", fullPage: true });
  });

  test("values the page cannot use are named, not dropped", async ({ page }) => {
    await page.goto(`/audit?rel=1h&table=${table}&pk=${orderId}&txid=12abc&op=TRUNCATE`);
    const problems = page.getByTestId("url-problems");
    await expect(problems).toContainText("txid");
    await expect(problems).toContainText("op");
    await expect(results(page)).toHaveCount(4);
  });
});
