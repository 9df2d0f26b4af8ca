import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { apiHeaders } from "./fixtures/accounts";

// The alerts pages on data seeded through the real API: a webhook contact point, a rule that
// notifies it, and a silence on that rule are listed where a person looks for them; a new
// contact point's secret is shown once; a bad value in the rule form is refused with the
// server's own message naming the field.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

const suffix = randomBytes(3).toString("hex");
const contactName = `On-call hook ${suffix}`;
const ruleName = `Checkout errors ${suffix}`;
const reason = `Deploying the payment fix ${suffix}`;

async function post<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const response = await request.post(path, { headers: apiHeaders, data });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

test.describe("alerts", { tag: "@alerts" }, () => {
  test.beforeAll(async ({ baseURL, playwright }) => {
    const request = await playwright.request.newContext({ baseURL });
    const contact = await post<{ id: string }>(request, "/api/v1/alerts/contacts", { kind: "webhook", name: contactName, url: "http://127.0.0.1:9/hook" });
    const rule = await post<{ id: string }>(request, "/api/v1/alerts/rules", {
      name: ruleName,
      source: { kind: "red", service: `gateway-${suffix}`, operation: "POST /checkout", measure: "error-percent" },
      condition: { op: "above", threshold: 5 },
      forSeconds: 120,
      labels: { team: "payments", severity: "critical" },
      contactIds: [contact.id],
    });
    await post(request, "/api/v1/alerts/silences", { ruleId: rule.id, endsAtMs: Date.now() + 3_600_000, reason });
    await request.dispose();
  });

  test("the alerts page lists the rule with its threshold, labels and silence", async ({ page }) => {
    await page.goto("/alerts");
    await expect(page.getByRole("tab", { name: "Alerts" })).toHaveAttribute("aria-selected", "true");
    const row = page.getByTestId("alert-rule-row").filter({ hasText: ruleName });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("alert-value")).toContainText("> 5");
    await expect(row).toContainText("team=payments");
    await expect(row).toContainText("severity=critical");
    // The silence covers it for the next hour.
    await expect(row.getByRole("cell").nth(4)).not.toHaveText("—");
    await page.screenshot({ path: "/tmp/alerts-ui-alerts.png", fullPage: true });
  });

  test("contact points and silences are listed on their tabs", async ({ page }) => {
    await page.goto("/alerts");
    await page.getByRole("tab", { name: "Contact points" }).click();
    await expect(page).toHaveURL(/\/alerts\/contacts(\?|$)/);
    await expect(page.getByTestId("contact-row").filter({ hasText: contactName })).toContainText("http://127.0.0.1:9/hook");

    // A new webhook without a secret gets one, shown once.
    await page.getByTestId("contact-name").fill(`Second hook ${suffix}`);
    await page.getByTestId("contact-url").fill("https://example.invalid/hook");
    await page.getByTestId("contact-create").click();
    await expect(page.getByTestId("contact-secret")).toBeVisible();
    await expect(page.getByTestId("contact-row").filter({ hasText: `Second hook ${suffix}` })).toBeVisible();
    await page.screenshot({ path: "/tmp/alerts-ui-contacts.png", fullPage: true });

    await page.getByRole("tab", { name: "Silences" }).click();
    await expect(page).toHaveURL(/\/alerts\/silences(\?|$)/);
    const silence = page.getByTestId("silence-row").filter({ hasText: reason });
    await expect(silence).toContainText(ruleName);
    await expect(silence.getByTestId("silence-end")).toBeVisible();
    await page.screenshot({ path: "/tmp/alerts-ui-silences.png", fullPage: true });
  });

  test("the rule form is prefilled from a service's link and says the server's reason for a bad value", async ({ page }) => {
    await page.goto(`/alerts/rules/new?service=gateway-${suffix}&operation=${encodeURIComponent("POST /checkout")}&measure=error-percent`);
    await expect(page.getByTestId("rule-service")).toHaveValue(`gateway-${suffix}`);
    await expect(page.getByTestId("rule-operation")).toHaveValue("POST /checkout");
    await page.getByTestId("rule-name").fill(`Bad rule ${suffix}`);
    await page.getByTestId("rule-service").fill("");
    await page.getByTestId("rule-save").click();
    await expect(page.getByTestId("rule-save-error")).toContainText("source.service: must not be empty");
    await page.screenshot({ path: "/tmp/alerts-ui-rule-form.png", fullPage: true });
  });
});
