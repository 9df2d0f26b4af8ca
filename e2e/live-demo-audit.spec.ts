import { auditRowHref } from "../lib/audit/audit-links";
import type { AuditChangesResponse, AuditRowHistoryResponse } from "../lib/schemas/audit";
import type { LockEventsResponse } from "../lib/schemas/locks";
import { expect, test, waitForDemoData } from "./fixtures/live-demo";
import { runDemoScenario } from "./fixtures/run-demo-scenario";

// The audit trail and the Database page on the live demo, with nothing seeded by the test: a
// real order of the demo shop has its history NEW → PENDING_PAYMENT → PAID with the request of
// each step, the row "as of" a moment between two steps has the earlier values, a search by one
// step's trace id finds exactly that request's changes; the deadlock scenario's cycle appears on
// the Database page with both processes and links to both traces.

const POLL = { timeout: 120_000, intervals: [2_000] };

test("a demo order's row history: NEW → PENDING_PAYMENT → PAID, each with its request; as of a moment between; search by trace id", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(480_000);
  await waitForDemoData(liveDemo);

  const history = await test.step("a paid order of the demo, read through the API", async () => {
    let found: AuditRowHistoryResponse | undefined;
    await expect
      .poll(async () => {
        const paid = (await liveDemo.getJson<AuditChangesResponse>("/api/v1/audit/changes?table=orders&column=status&value=status%3DPAID&limit=20"))?.changes ?? [];
        for (const change of paid) {
          const params = new URLSearchParams({ database: change.database, table: `${change.schema}.${change.table}`, pk: JSON.stringify(change.pk) });
          const rows = await liveDemo.getJson<AuditRowHistoryResponse>(`/api/v1/audit/row-history?${params.toString()}`);
          const statuses = (rows?.changes ?? []).map((c) => (typeof c.after?.status === "string" ? c.after.status : null));
          if (statuses.slice(0, 3).join(" → ") === "NEW → PENDING_PAYMENT → PAID") {
            found = rows;
            return true;
          }
        }
        return false;
      }, POLL)
      .toBe(true);
    return found!.changes;
  });
  const steps = history.slice(0, 3);
  for (const step of steps) {
    expect(step.traceId).not.toBeNull();
    expect(step.request?.rootName).toBeTruthy();
  }

  await test.step("the history page shows each step with its request", async () => {
    await page.goto(auditRowHref(steps[0]!));
    const entries = page.getByTestId("row-history-entry");
    await expect(entries.first()).toBeVisible({ timeout: 30_000 });
    for (const [index, step] of steps.entries()) {
      const entry = entries.nth(index);
      await expect(entry.getByRole("row", { name: /status/ })).toContainText(["NEW", "PENDING_PAYMENT", "PAID"][index]!);
      await expect(entry.getByTestId("row-history-request")).toContainText(step.request!.rootName!);
      await expect(entry.getByTestId("row-history-request").getByRole("link")).toHaveAttribute("href", new RegExp(`^/traces/${step.traceId}`));
    }
    await page.screenshot({ path: test.info().outputPath("live-demo-row-history.png"), fullPage: true });
  });

  await test.step("as of a moment between PENDING_PAYMENT and PAID, the row is PENDING_PAYMENT", async () => {
    const between = (Date.parse(steps[1]!.committedAt) + Date.parse(steps[2]!.committedAt)) / 2;
    await page.getByTestId("row-at").fill(new Date(Math.floor(between)).toISOString());
    await page.getByTestId("row-at").press("Enter");
    await expect(page.getByTestId("row-state").getByRole("row", { name: /status/ })).toContainText("PENDING_PAYMENT");
  });

  await test.step("a search by the payment's trace id finds exactly that request's changes", async () => {
    const traceId = steps[2]!.traceId!;
    const expected = (await liveDemo.getJson<AuditChangesResponse>(`/api/v1/audit/changes?traceId=${traceId}&limit=1000`))!.changes;
    expect(expected.map((c) => c.id)).toContain(steps[2]!.id);
    await page.goto(`/audit?rel=6h&traceId=${traceId}`);
    const rows = page.getByTestId("audit-row");
    await expect(rows).toHaveCount(expected.length, { timeout: 30_000 });
    expect((await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-change-id")))).sort()).toEqual(expected.map((c) => c.id).sort());
  });
});

test("the deadlock scenario's cycle is on the Database page with both processes and their traces", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(480_000);
  await waitForDemoData(liveDemo);
  const startedMs = Date.now() - 1_000;
  const scenario = await runDemoScenario(liveDemo, "deadlock");

  let deadlock: Extract<LockEventsResponse["events"][number], { kind: "deadlock" }> | undefined;
  await expect
    .poll(async () => {
      const events = (await liveDemo.getJson<LockEventsResponse>(`/api/v1/locks?kind=deadlock&from=${startedMs}`))?.events ?? [];
      deadlock = events.find((e): e is NonNullable<typeof deadlock> => e.kind === "deadlock" && e.processes.length >= 2);
      return deadlock !== undefined;
    }, POLL)
    .toBe(true);
  const processes = deadlock!.processes;
  // Both sides ran for requests of the scenario.
  for (const process of processes) expect(scenario.traceIds).toContain(process.traceId);

  await page.goto(`/database?db=${encodeURIComponent(deadlock!.database)}&deadlock=${encodeURIComponent(deadlock!.id)}`);
  const card = page.getByRole("region", { name: "Deadlocks" });
  await expect(card.getByRole("table", { name: "Deadlocks" })).toContainText(processes.map((p) => p.pid).join(" ⇄ "), { timeout: 30_000 });
  await expect(card.getByRole("img", { name: `Deadlock cycle between processes ${processes.map((p) => p.pid).join(", ")}` })).toBeVisible();
  const table = card.getByRole("table", { name: "Processes of the deadlock" });
  await expect(table.getByRole("row").filter({ hasText: String(deadlock!.victimPid) })).toContainText("Victim");
  for (const process of processes) {
    await expect(table.getByRole("link", { name: `Trace of process ${process.pid}` })).toHaveAttribute("href", `/traces/${process.traceId}`);
  }
  await page.screenshot({ path: test.info().outputPath("live-demo-deadlock.png"), fullPage: true });
  const first = processes[0]!;
  await table.getByRole("link", { name: `Trace of process ${first.pid}` }).click();
  await expect(page).toHaveURL(new RegExp(`/traces/${first.traceId}`));
  await expect(page.getByRole("tree").first()).toBeVisible({ timeout: 30_000 });
});
