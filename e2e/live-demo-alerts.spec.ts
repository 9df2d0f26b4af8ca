import type { z } from "zod";
import type { alertRuleListSchema } from "../lib/alerts/schemas";
import { expect, test, waitForDemoData } from "./fixtures/live-demo";
import { runDemoScenario } from "./fixtures/run-demo-scenario";

// Issue 17 on the live demo: from the gateway's service page a person creates an error-rate
// alert on checkout through the form (low threshold, for 0, every 10 s, open an incident), the
// payment provider stops answering (payment-timeout scenario), the alert fires on /alerts, its
// incident is opened from there and resolved.

type RuleList = z.infer<typeof alertRuleListSchema>;

const RULE = `Checkout error rate (e2e ${Date.now().toString(36)})`;
// Evaluated every 10 s over 5 minutes; the scenario's timeouts take their own seconds.
const POLL = { timeout: 240_000, intervals: [3_000] };

test("an error-rate alert on checkout fires on the payment timeouts and opens the incident, which is resolved", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(600_000);
  await waitForDemoData(liveDemo);

  await test.step("the gateway's page leads to a new alert prefilled for it", async () => {
    await page.goto("/services/gateway");
    await page.getByTestId("create-alert").click();
    await expect(page).toHaveURL(/\/alerts\/rules\/new\?/);
    await expect(page.getByTestId("rule-service")).toHaveValue("gateway");
    await expect(page.getByTestId("rule-measure")).toHaveValue("error %");
  });

  await test.step("fill the form: checkout, above 1 %, for 0 s, every 10 s, open an incident", async () => {
    await page.getByTestId("rule-name").fill(RULE);
    await page.getByTestId("rule-operation").fill("POST /checkout");
    await page.getByLabel("Minimum requests").fill("1");
    await page.getByTestId("rule-threshold").fill("1");
    await page.getByTestId("rule-for").fill("0");
    await page.getByTestId("rule-every").fill("10");
    await page.getByTestId("rule-open-incident").check();
    await page.getByTestId("rule-save").click();
    await expect(page).toHaveURL(/\/alerts(\?|$)/);
    await expect(page.getByTestId("alert-rule-row").filter({ hasText: RULE })).toBeVisible();
  });

  await test.step("the payment provider stops answering", async () => {
    await runDemoScenario(liveDemo, "payment-timeout");
  });

  const incidentId = await test.step("the rule fires and opens an incident (read through the API to know when)", async () => {
    let id: string | null = null;
    await expect
      .poll(async () => {
        const rule = (await liveDemo.getJson<RuleList>("/api/v1/alerts/rules"))?.rules.find((r) => r.name === RULE);
        id = rule?.state === "firing" ? rule.incidentId : null;
        return id !== null;
      }, POLL)
      .toBe(true);
    return id!;
  });

  await test.step("the rule's own page lists its history: it fired", async () => {
    const rule = (await liveDemo.getJson<RuleList>("/api/v1/alerts/rules"))?.rules.find((r) => r.name === RULE);
    await page.goto(`/alerts/rules/${rule!.id}`);
    const events = page.getByTestId("alert-event-row");
    await expect(events.filter({ hasText: "firing" }).first()).toBeVisible({ timeout: 30_000 });
    // One rule's history: no column naming the rule.
    await expect(page.getByTestId("alert-events").getByRole("columnheader", { name: "Rule", exact: true })).toHaveCount(0);
    await page.screenshot({ path: "/tmp/alerts-ui-rule-history.png", fullPage: true });
  });

  await test.step("/alerts shows it firing with its incident; the incident opens from there", async () => {
    await page.goto("/alerts");
    const row = page.getByTestId("alert-rule-row").filter({ hasText: RULE });
    await expect(row.getByTestId("alert-state")).toHaveText("firing", { timeout: 30_000 });
    await expect(page.getByTestId("alert-event-row").filter({ hasText: RULE }).first()).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath("live-demo-alerts-firing.png"), fullPage: true });
    await page.screenshot({ path: "/tmp/alerts-ui-live-alerts.png", fullPage: true });
    await row.getByTestId("rule-incident").click();
    await expect(page).toHaveURL(new RegExp(`/incidents/${incidentId}(\\?|$)`));
  });

  await test.step("resolve the incident", async () => {
    await page.getByTestId("incident-status-select").click();
    await page.getByRole("option", { name: "Resolved" }).click();
    await page.getByTestId("incident-save").click();
    await expect(page.getByTestId("incident-status").first()).toHaveText("Resolved");
    await page.screenshot({ path: "/tmp/alerts-ui-live-incident.png", fullPage: true });
  });
});
