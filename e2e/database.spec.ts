import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { buildTrace, sendTrace, waitForTrace, type BuiltTrace, type SpanSpec } from "./fixtures/otlp";

// The deadlock scenario: two requests update the same two accounts in opposite order; the
// server breaks the cycle by aborting one. The lock events are sent the way the db agent sends
// them (POST /api/v1/ingest/locks), the requests as traces; the Database page must show the
// deadlock with both processes, its cycle graph and working links to both traces.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

const suffix = randomBytes(3).toString("hex");
const database = `bank_${suffix}`;
const pids = { first: 4101, second: 4102, idle: 4103 };
const idleQuery = "UPDATE accounts SET frozen = true WHERE id = 3";
const queries = {
  first: "UPDATE accounts SET balance = balance - 10 WHERE id = 2",
  second: "UPDATE accounts SET balance = balance + 10 WHERE id = 1",
};

function transfer(name: string, spanId: string, statement: string, failed: boolean): SpanSpec {
  return {
    service: `bank-${suffix}`,
    name,
    kind: 2,
    durationMs: 1_200,
    status: failed ? "error" : "ok",
    children: [{ service: `bank-${suffix}`, name: "UPDATE accounts", kind: 3, offsetMs: 10, durationMs: 1_100, spanId, status: failed ? "error" : "ok", attributes: { "db.system": "postgresql", "db.namespace": database, "db.query.text": statement } }],
  };
}

async function sendLocks(baseUrl: string, events: unknown[]) {
  const response = await fetch(`${baseUrl}/api/v1/ingest/locks`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${e2eIngestKey}` },
    body: JSON.stringify({ events }),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`lock ingest failed: HTTP ${response.status} ${body}`);
  const answer = JSON.parse(body) as { rejected?: number };
  if (answer.rejected) throw new Error(`lock ingest refused events: ${body}`);
}

test.describe("database page", { tag: "@database" }, () => {
  let first: BuiltTrace;
  let second: BuiltTrace;
  const spans = { first: randomBytes(8).toString("hex"), second: randomBytes(8).toString("hex") };

  test.beforeAll(async ({ baseURL }) => {
    const start = Date.now() - 3 * 60_000;
    first = buildTrace(transfer("POST /transfer 1→2", spans.first, queries.first, false), { startMs: start });
    second = buildTrace(transfer("POST /transfer 2→1", spans.second, queries.second, true), { startMs: start + 5 });
    await sendTrace(baseURL!, e2eIngestKey, first);
    await sendTrace(baseURL!, e2eIngestKey, second);
    await waitForTrace(baseURL!, first.traceId, first.spans.length);
    await waitForTrace(baseURL!, second.traceId, second.spans.length);
    const at = (ms: number) => new Date(start + ms).toISOString();
    const process = (which: "first" | "second") => ({
      pid: pids[which],
      query: queries[which],
      state: "active",
      user: "app",
      applicationName: "bank",
      traceId: (which === "first" ? first : second).traceId,
      spanId: spans[which],
    });
    await sendLocks(baseURL!, [
      {
        id: `e2e:${suffix}:wait`,
        kind: "wait",
        database,
        time: at(100),
        durationMs: 1_000,
        ended: true,
        lock: { type: "transactionid", mode: "ShareLock", object: "transaction 901", relation: null },
        waiter: process("second"),
        blockers: [{ ...process("first"), heldModes: ["ExclusiveLock"], waiting: true }],
      },
      {
        id: `e2e:${suffix}:deadlock`,
        kind: "deadlock",
        database,
        time: at(1_100),
        source: "log",
        count: 1,
        victimPid: pids.second,
        message: `deadlock detected: Process ${pids.second} waits for ShareLock on transaction 900; blocked by process ${pids.first}.`,
        context: "while updating tuple (0,1) in relation \"accounts\"",
        processes: [
          { pid: pids.first, query: queries.first, waitsFor: { mode: "ShareLock", object: "transaction 901" }, blockedBy: [pids.second], traceId: first.traceId, spanId: spans.first },
          { pid: pids.second, query: queries.second, waitsFor: { mode: "ShareLock", object: "transaction 900" }, blockedBy: [pids.first], traceId: second.traceId, spanId: spans.second },
        ],
      },
      // Two agent samples: the idle session and the tables' statistics (ledger scanned 15 times in between).
      ...[0, 2_000].map((ms, i) => ({
        id: `e2e:${suffix}:activity:${i}`,
        kind: "activity",
        database,
        time: at(ms),
        idleSessions: i === 0 ? [] : [{ pid: pids.idle, user: "app", applicationName: "bank", xactStart: at(-40_000), idleSince: at(-38_000), idleMs: 40_000, query: idleQuery, traceId: first.traceId, spanId: spans.first }],
        tables: [
          { table: "public.ledger", seqScans: 10 + 15 * i, seqRowsRead: 40_000, indexScans: null, liveRows: 3_000, deadRows: 1_200, lastVacuum: null, lastAutovacuum: null },
          { table: "public.accounts", seqScans: 2, seqRowsRead: 20, indexScans: 900, liveRows: 2, deadRows: 0, lastVacuum: at(-120_000), lastAutovacuum: null },
        ],
      })),
    ]);
  });

  const openDatabase = async (page: Page) => {
    await page.goto(`/database?db=${database}`);
    // The first answers can be slow on a loaded machine: the page itself is fine once they arrive.
    await expect(page.getByRole("tab", { name: database })).toHaveAttribute("aria-selected", "true", { timeout: 15_000 });
  };

  test("shows the deadlock with both processes, the cycle graph and links to both traces", async ({ page }) => {
    await openDatabase(page);
    const deadlocks = page.getByRole("region", { name: "Deadlocks" });
    await expect(deadlocks.getByRole("table", { name: "Deadlocks" })).toContainText(`${pids.first} ⇄ ${pids.second}`);
    await expect(deadlocks.getByRole("img", { name: `Deadlock cycle between processes ${pids.first}, ${pids.second}` })).toBeVisible();
    const processes = deadlocks.getByRole("table", { name: "Processes of the deadlock" });
    const victimRow = processes.getByRole("row").filter({ hasText: String(pids.second) });
    await expect(victimRow).toContainText("Victim");
    await expect(victimRow).toContainText(queries.second);
    await expect(victimRow).toContainText("wants ShareLock on transaction 900");
    const otherRow = processes.getByRole("row").filter({ hasText: String(pids.first) }).filter({ hasNotText: "Victim" });
    await expect(otherRow).toContainText(queries.first);
    await expect(otherRow).toContainText("transaction 900"); // what it held: the lock the victim wanted
    await expect(processes.getByRole("link", { name: `Rows changed by process ${pids.first}` })).toHaveAttribute("href", `/audit?database=${database}&traceId=${first.traceId}`);
    await page.screenshot({ path: test.info().outputPath("database-light-en.png"), fullPage: true });

    await processes.getByRole("link", { name: `Trace of process ${pids.first}` }).click();
    await expect(page).toHaveURL(new RegExp(`/traces/${first.traceId}`));
    await expect(page.getByText("POST /transfer 1→2").first()).toBeVisible();
    await page.goBack();
    await processes.getByRole("link", { name: `Trace of process ${pids.second}` }).click();
    await expect(page).toHaveURL(new RegExp(`/traces/${second.traceId}`));
    await expect(page.getByText("POST /transfer 2→1").first()).toBeVisible();
  });

  test("shows the blocking tree of the lock wait: holder above the waiter, with both traces", async ({ page }) => {
    await openDatabase(page);
    const waits = page.getByRole("region", { name: "Lock waits" });
    const tree = waits.getByRole("tree", { name: "Blocking tree" });
    const holder = tree.getByRole("treeitem", { name: `pid ${pids.first}` });
    const waiter = holder.getByRole("treeitem", { name: `pid ${pids.second}` });
    await expect(waiter).toContainText("waits 1 s for ShareLock on transaction 901 (the holder has ExclusiveLock)");
    await expect(waiter).toContainText(queries.second);
    await expect(waiter.getByRole("link", { name: `Trace of process ${pids.second}` })).toHaveAttribute("href", `/traces/${second.traceId}`);
    await expect(holder.getByRole("link", { name: `Trace of process ${pids.first}` }).first()).toHaveAttribute("href", `/traces/${first.traceId}`);
  });

  test("a moment in the link that is not a time, or lies outside the window, is named; the newest wait is shown instead", async ({ page }) => {
    for (const [at, reason] of [
      ["yesterday", "is not understood;"],
      ["1", "is outside the time window;"],
    ] as const) {
      await page.goto(`/database?db=${database}&at=${at}`);
      await expect(page.getByRole("tab", { name: database })).toHaveAttribute("aria-selected", "true", { timeout: 15_000 });
      const waits = page.getByRole("region", { name: "Lock waits" });
      await expect(waits.getByTestId("url-problems")).toContainText(`at=${at} ${reason} using at=`);
      await expect(waits.getByRole("tree", { name: "Blocking tree" }).getByRole("treeitem", { name: `pid ${pids.first}` })).toBeVisible();
    }
  });

  test("a moment chosen anywhere on the lock-wait chart shows the tree of that moment", async ({ page }) => {
    await openDatabase(page);
    const waits = page.getByRole("region", { name: "Lock waits" });
    await expect(waits.getByRole("tree", { name: "Blocking tree" })).toBeVisible();
    // Near the left edge of the plot: the start of the window, minutes before the wait.
    await waits.getByRole("img", { name: "1 lock wait over time" }).click({ position: { x: 90, y: 100 } });
    await expect(page).toHaveURL(/[?&]at=\d+/);
    const at = Number(new URL(page.url()).searchParams.get("at"));
    expect(at).toBeLessThan(Date.now() - 3 * 60_000);
    await expect(waits).toContainText("No process was waiting for a lock at that moment.");
    await expect(waits.getByRole("tree", { name: "Blocking tree" })).toHaveCount(0);
  });

  test("lists the idle-in-transaction session with its query and trace, and the tables' statistics", async ({ page }) => {
    await openDatabase(page);
    const idle = page.getByRole("region", { name: "Connections by state" }).getByRole("table", { name: "Longest idle-in-transaction sessions in this window" });
    const row = idle.getByRole("row").filter({ hasText: String(pids.idle) });
    await expect(row).toContainText(idleQuery);
    await expect(row).toContainText("40 s");
    await expect(row.getByRole("link", { name: `Trace of process ${pids.idle}` })).toHaveAttribute("href", `/traces/${first.traceId}`);
    const tables = page.getByRole("region", { name: "Tables" }).getByRole("table", { name: "Tables" });
    const rows = tables.getByRole("row");
    // Most scanned in the window first.
    await expect(rows.nth(1)).toContainText("public.ledger");
    await expect(rows.nth(1).getByRole("cell")).toHaveText(["public.ledger", "15", "25", "40,000", "no index", "1,200 / 3,000", "never", "never"]);
    await expect(rows.nth(2)).toContainText("public.accounts");
    await expect(page.getByText("The db agent does not send")).toHaveCount(0);
    await page.getByRole("region", { name: "Tables" }).screenshot({ path: test.info().outputPath("database-tables-en.png") });
  });

  test("the trace page says the victim's span was the deadlock victim and links to the other side's trace", async ({ page }) => {
    await page.goto(`/traces/${second.traceId}?span=${spans.second}`);
    const notes = page.getByTestId("span-lock-notes");
    await expect(notes).toContainText("This statement was the deadlock victim");
    await expect(notes).toContainText(`This statement waited 1 s for ShareLock on transaction 901, held by process ${pids.first}.`);
    await page.screenshot({ path: test.info().outputPath("trace-lock-notes.png") });
    const other = notes.getByRole("link", { name: `Trace of process ${pids.first}` }).first();
    await expect(other).toHaveAttribute("href", `/traces/${first.traceId}?span=${spans.first}`);
    await other.click();
    await expect(page).toHaveURL(new RegExp(`/traces/${first.traceId}`));
    await expect(page.getByTestId("span-lock-notes")).toContainText(`This statement was in a deadlock with process ${pids.second}`);
  });

  test("says how to enable pg_stat_statements when the agent sends no statements", async ({ page }) => {
    await openDatabase(page);
    await expect(page.getByRole("region", { name: "Top statements" })).toContainText("CREATE EXTENSION pg_stat_statements");
  });

  for (const variant of [
    { scheme: "dark", locale: "en-US", name: "dark-en" },
    { scheme: "light", locale: "zh-CN", name: "light-zh" },
  ] as const) {
    test(`screenshot ${variant.name}`, async ({ browser }, info) => {
      const context = await browser.newContext({ storageState: info.project.use.storageState, colorScheme: variant.scheme, locale: variant.locale, timezoneId: "UTC", viewport: { width: 1440, height: 900 } });
      if (variant.locale === "zh-CN") await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: info.project.use.baseURL! }]);
      const page = await context.newPage();
      await page.goto(`/database?db=${database}`);
      await expect(page.getByRole("tab", { name: database })).toBeVisible({ timeout: 15_000 });
      await expect(page.locator("[data-testid=deadlock-detail] canvas").first()).toBeVisible({ timeout: 15_000 });
      await page.screenshot({ path: info.outputPath(`database-${variant.name}.png`), fullPage: true });
      await context.close();
    });
  }
});
