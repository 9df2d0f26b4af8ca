import type { z } from "zod";
import type { violationDetailSchema, violationListSchema } from "../lib/consistency/schemas";
import { expect, test, waitForDemoData } from "./fixtures/live-demo";
import { runDemoScenario } from "./fixtures/run-demo-scenario";

// The lost callback on the live demo (issue 14): the provider charges the card, the payment
// row says SUCCESS, and the callback that would mark the order PAID never comes. Nothing in
// the traces says so; the demo's rule "Paid payment confirms its order" does, 30 s later. From
// the overview only (no id typed), a person follows the links to the violation, whose story
// names "order becomes PAID" missing for that order and links the request behind the payment.

type ViolationList = z.infer<typeof violationListSchema>;
type ViolationDetail = z.infer<typeof violationDetailSchema>;

const STEP = "order becomes PAID";
// The rule's deadline is 30 s; the evaluator's timer and a loaded machine get the rest.
const POLL = { timeout: 150_000, intervals: [2_000] };

test("lost callback: from the overview to the violation that names the order's missing PAID", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(540_000);
  await waitForDemoData(liveDemo);
  const startedMs = Date.now();
  const { traceIds, output } = await test.step("trigger the lost-callback scenario", () => runDemoScenario(liveDemo, "lost-callback"));

  const violation = await test.step("the rule records the missing step (read through the API to know what to look for)", async () => {
    let found: ViolationDetail | undefined;
    await expect
      .poll(async () => {
        const list = await liveDemo.getJson<ViolationList>(`/api/v1/consistency/violations?state=open&from=${startedMs - 60_000}`);
        const candidates = (list?.violations ?? []).filter((v) => v.step === STEP && v.startedAtMs >= startedMs - 5_000);
        // The scenario's own order when it printed its trace; else the charge it faulted, the only one.
        const ours = candidates.find((v) => v.traceIds.some((id) => traceIds.includes(id))) ?? (traceIds.length === 0 ? candidates[0] : undefined);
        if (!ours) return false;
        found = await liveDemo.getJson<ViolationDetail>(`/api/v1/consistency/violations/${ours.id}`);
        return found !== undefined;
      }, POLL)
      .toBe(true);
    return found!;
  });
  const rawOrderId = violation.trigger?.after?.order_id;
  const orderId = typeof rawOrderId === "string" || typeof rawOrderId === "number" ? String(rawOrderId) : "";
  expect(orderId, output).not.toBe("");
  if (/order (\d+)/.test(output)) expect(output).toContain(`order ${orderId}`);

  await test.step("the overview's Consistency card leads to the rule's open violations", async () => {
    await page.goto("/");
    const rule = page.getByTestId("consistency-card").getByTestId("consistency-card-rule").filter({ hasText: violation.violation.ruleName });
    await expect(rule).toBeVisible({ timeout: 60_000 });
    await rule.getByRole("link", { name: violation.violation.ruleName }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/consistency" && url.searchParams.get("state") === "open");
  });

  await test.step("the list names the payment's row; its step opens the story", async () => {
    const row = page.getByTestId("violation-row").filter({ hasText: `${violation.violation.table} ${JSON.stringify(violation.violation.pk)}` });
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    await expect(row.getByTestId("violation-state")).toHaveText("missing");
    await page.screenshot({ path: test.info().outputPath("live-demo-consistency-list.png"), fullPage: true });
    await row.getByTestId("violation-link").click();
  });

  await test.step("the story: the payment's request, then order becomes PAID missing for that order", async () => {
    await expect(page.getByTestId("violation-step-name")).toHaveText(STEP);
    const step = page.getByTestId("violation-step").filter({ hasText: STEP });
    await expect(step).toHaveAttribute("data-state", "missing");
    await expect(step.getByTestId("violation-step-missing")).toContainText(`id=${orderId}`);
    await expect(step.getByTestId("violation-step-missing")).toContainText("arrived");
    if (violation.trigger?.traceId) await expect(page.getByTestId("trigger-trace-link")).toHaveAttribute("href", new RegExp(`^/traces/${violation.trigger.traceId}`));
    await page.screenshot({ path: test.info().outputPath("live-demo-consistency-story.png"), fullPage: true });
  });
});
