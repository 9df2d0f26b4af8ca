import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { apiHeaders } from "./fixtures/accounts";
import { buildTrace, randomSpanId, sendAuditChanges, sendTrace, waitForTrace, type AuditRow } from "./fixtures/otlp";

// The Consistency pages on a lost callback: a rule says "when a payment becomes SUCCESS, its
// order becomes PAID within 2 s"; a checkout request makes the payment SUCCESS (sent as the db
// agent sends it, with the request's trace and span) and no order change ever follows. From the
// overview a person follows the card to the violation, whose story names the missing step and
// links the request that started it. The rule editor names the field of a bad definition.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

const suffix = randomBytes(3).toString("hex");
const payments = `payments_${suffix}`;
const orders = `orders_${suffix}`;
const orderId = 4200 + Number.parseInt(suffix.slice(0, 2), 16);
const ruleName = `Paid payment marks its order PAID (${suffix})`;

async function createRule(request: APIRequestContext): Promise<string> {
  const response = await request.post("/api/v1/consistency/rules", {
    headers: apiHeaders,
    data: {
      name: ruleName,
      description: "When a payment becomes SUCCESS, its order becomes PAID within 2 s.",
      definition: {
        kind: "follows",
        trigger: { table: payments, ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "SUCCESS" }] },
        expect: [{ label: "order becomes PAID", match: { table: orders, ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "PAID" }] }, link: [{ column: "id", equalsTriggerColumn: "order_id" }] }],
        withinSeconds: 2,
      },
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { id: string }).id;
}

test.describe("consistency", { tag: "@consistency" }, () => {
  let ruleId = "";
  let traceId = "";
  let spanId = "";
  let violationId = "";

  test.beforeAll(async ({ baseURL, playwright }) => {
    const request = await playwright.request.newContext({ baseURL });
    ruleId = await createRule(request);
    const startMs = Date.now() - 5_000;
    spanId = randomSpanId();
    const trace = buildTrace(
      { service: `payments-${suffix}`, name: "POST /payments/:id/confirm", kind: 2, durationMs: 60, children: [{ service: `payments-${suffix}`, name: `UPDATE ${payments}`, kind: 3, offsetMs: 10, durationMs: 20, spanId }] },
      { startMs },
    );
    traceId = trace.traceId;
    await sendTrace(baseURL!, e2eIngestKey, trace);
    await waitForTrace(baseURL!, traceId, trace.spans.length);
    const payment = (status: string) => ({ id: 77, order_id: orderId, status, amount_cents: 5990 });
    const rows: AuditRow[] = [
      { id: `e2e-consistency:${suffix}:1`, database: "shop", table: payments, op: "UPDATE", pk: { id: 77 }, before: payment("PENDING"), after: payment("SUCCESS"), changedColumns: ["status"], txid: 7001, traceId, spanId, committedAt: new Date(startMs + 30).toISOString() },
    ];
    await sendAuditChanges(baseURL!, e2eIngestKey, rows);
    // The deadline (2 s) passes and the evaluator's timer records the missing step.
    await expect
      .poll(
        async () => {
          const response = await request.get(`/api/v1/consistency/violations?rule=${ruleId}&state=open`, { headers: apiHeaders });
          const body = (await response.json()) as { violations?: { id: string }[] };
          return body.violations?.[0]?.id ?? "";
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .not.toBe("");
    const response = await request.get(`/api/v1/consistency/violations?rule=${ruleId}&state=open`, { headers: apiHeaders });
    violationId = ((await response.json()) as { violations: { id: string }[] }).violations[0]!.id;
    await request.dispose();
  });

  test("from the overview to the story of a missing step and the request that started it", async ({ page }) => {
    test.setTimeout(180_000);
    await test.step("the overview's card lists the rule with its open violation", async () => {
      await page.goto("/");
      const card = page.getByTestId("consistency-card");
      const rule = card.getByTestId("consistency-card-rule").filter({ hasText: ruleName });
      await expect(rule).toContainText("1 open", { timeout: 30_000 });
      await rule.getByRole("link", { name: ruleName }).click();
    });

    await test.step("the list shows the rule's section and its violation", async () => {
      await expect(page).toHaveURL((url) => url.pathname === "/consistency" && url.searchParams.get("rule") === ruleId && url.searchParams.get("state") === "open");
      const section = page.getByTestId("rule-section").filter({ hasText: ruleName });
      await expect(section.getByTestId("rule-summary")).toContainText(`${payments} UPDATE: status becomes "SUCCESS"`, { timeout: 30_000 });
      await expect(section.getByTestId("rule-open-count")).toHaveText("1 open violation");
      const row = page.getByTestId("violation-row").filter({ hasText: ruleName });
      await expect(row).toHaveCount(1);
      await expect(row.getByTestId("violation-state")).toHaveText("missing");
      await expect(row).toContainText(`${payments} {"id":77}`);
      await page.screenshot({ path: "test-results/consistency-list.png", fullPage: true });
      await row.getByTestId("violation-link").click();
    });

    await test.step("the story names the missing step, the row that never changed and the trigger's request", async () => {
      await expect(page).toHaveURL((url) => url.pathname === `/consistency/violations/${violationId}`);
      await expect(page.getByTestId("violation-step-name")).toHaveText("order becomes PAID", { timeout: 30_000 });
      const step = page.getByTestId("violation-step").filter({ hasText: "order becomes PAID" });
      await expect(step).toHaveAttribute("data-state", "missing");
      await expect(step.getByTestId("violation-step-missing")).toContainText(`no change to ${orders} id=${orderId} arrived`);
      await expect(page.getByTestId("trigger-trace-link")).toHaveAttribute("href", `/traces/${traceId}?span=${spanId}`);
      await expect(page.getByTestId("violation-trigger").getByTestId("audit-change")).toContainText("SUCCESS");
      await page.screenshot({ path: "test-results/consistency-story.png", fullPage: true });
    });

    await test.step("Open incident: prefilled from the violation, with its request and rows as evidence", async () => {
      await page.getByTestId("open-incident").click();
      const dialog = page.getByRole("dialog", { name: "Open an incident" });
      await expect(dialog.getByLabel("Title")).toHaveValue(`Consistency: order becomes PAID — ${payments} {"id":77}`);
      await expect(dialog).toContainText("2 pieces of evidence attached");
      await dialog.getByRole("button", { name: "Open incident" }).click();
      await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}(\?|$)/, { timeout: 30_000 });
      await expect(page.getByTestId("incident-title")).toHaveText(`Consistency: order becomes PAID — ${payments} {"id":77}`);
      await expect(page.getByText(`violation: ${violationId}`)).toBeVisible();
      await expect(page.getByRole("link", { name: `Trace ${traceId}` })).toBeVisible();
      await page.goBack();
      await expect(page.getByTestId("violation-step-name")).toHaveText("order becomes PAID", { timeout: 30_000 });
    });

    await test.step("the trigger's link opens its trace", async () => {
      await page.getByTestId("trigger-trace-link").click();
      await expect(page).toHaveURL((url) => url.pathname === `/traces/${traceId}`);
    });
  });

  test("the editor names the field of a bad definition, as the server does", async ({ page }) => {
    await page.goto("/consistency/rules/new");
    await page.getByTestId("rule-name").fill(`bad rule ${suffix}`);
    const definition = page.getByTestId("rule-definition");
    await definition.fill(JSON.stringify({ kind: "follows", trigger: { table: "1payments" }, expect: [], withinSeconds: 0 }));
    await page.getByTestId("rule-save").click();
    const field = page.getByRole("textbox", { name: "Definition (JSON)" });
    await expect(field).toHaveAttribute("aria-invalid", "true", { timeout: 30_000 });
    const error = page.getByText(/definition\.trigger\.table: must be a table name/);
    await expect(error).toBeVisible();
    await expect(page.getByText(/definition\.withinSeconds: must be at least 1 second/)).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === "/consistency/rules/new");
    await page.screenshot({ path: "test-results/consistency-editor-error.png", fullPage: true });
  });

  test("a filter the page cannot use is named, not dropped", async ({ page }) => {
    await page.goto(`/consistency?rel=1h&state=lost&rule=${ruleId}`);
    const problems = page.getByTestId("url-problems");
    await expect(problems).toContainText("state=lost", { timeout: 30_000 });
    await expect(page.getByTestId("violation-row").filter({ hasText: ruleName })).toHaveCount(1, { timeout: 30_000 });
  });

  test("screenshots in zh-CN", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
    await page.goto(`/consistency?rel=1h&rule=${ruleId}`);
    await expect(page.getByTestId("violation-row").filter({ hasText: ruleName }).getByTestId("violation-state")).toHaveText("缺失", { timeout: 30_000 });
    await page.screenshot({ path: "test-results/consistency-list-zh.png", fullPage: true });
    await page.goto(`/consistency/violations/${violationId}`);
    await expect(page.getByTestId("violation-step-missing")).toContainText(`${orders} id=${orderId} 没有任何变更到达`, { timeout: 30_000 });
    await page.screenshot({ path: "test-results/consistency-story-zh.png", fullPage: true });
  });
});
