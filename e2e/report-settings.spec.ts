import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { apiHeaders } from "./fixtures/accounts";

// Settings → Timeout report: an admin adds a customer attribute and lets only admins see the
// lists, saves, and a reload shows both (the API agrees); a list left empty is named at its
// field and nothing is saved; "Reset to defaults" brings back the OpenTelemetry and demo names.

test.use({ locale: "en-US", timezoneId: "UTC" });

const SETTINGS_API = "/api/v1/settings/timeout-report";

test.beforeEach(async ({ request }) => {
  expect((await request.delete(SETTINGS_API, { headers: apiHeaders })).status()).toBe(200);
});

test.afterAll(async ({ request }) => {
  await request.delete(SETTINGS_API, { headers: apiHeaders });
});

const pills = (field: Locator) => field.locator("xpath=ancestor::div[contains(@class,'mantine-TagsInput-root')][1]").locator(".mantine-Pill-label");

test("an admin changes what the timeout report reads; a reload shows it; reset brings the defaults back", async ({ page, request, context, baseURL }) => {
  // Six page loads; on a loaded two-core machine one can take 10 s.
  test.setTimeout(150_000);
  await page.goto("/settings");
  const card = page.getByRole("region", { name: "Timeout report" });
  const status = card.getByTestId("report-settings-status");
  await expect(status).toHaveText("Defaults");
  const customer = card.getByLabel("Customer", { exact: true });
  await expect(pills(customer)).toHaveText(["enduser.id", "user.id", "customer.id"]);

  await test.step("add a customer attribute, let only admins see the lists, save", async () => {
    await customer.fill("shop.customer_ref");
    await customer.press("Enter");
    await card.getByRole("radio", { name: "Admins only" }).check();
    await card.getByRole("button", { name: "Save" }).click();
    await expect(status).toContainText("Saved");
  });

  await test.step("a reload shows what was saved, and the API agrees", async () => {
    await page.reload();
    await expect(pills(customer)).toHaveText(["enduser.id", "user.id", "customer.id", "shop.customer_ref"]);
    await expect(card.getByRole("radio", { name: "Admins only" })).toBeChecked();
    const stored = (await (await request.get(SETTINGS_API, { headers: apiHeaders })).json()) as { settings: { attributes: { customer: string[] }; customerListsVisibleTo: string } };
    expect(stored.settings.attributes.customer).toEqual(["enduser.id", "user.id", "customer.id", "shop.customer_ref"]);
    expect(stored.settings.customerListsVisibleTo).toBe("admin");
    await page.screenshot({ path: test.info().outputPath("report-settings-en.png"), fullPage: true });
  });

  await test.step("an empty order list is named at its field and not saved", async () => {
    const order = card.getByLabel("Order", { exact: true });
    await order.click();
    await order.press("Backspace");
    await expect(pills(order)).toHaveCount(0);
    await card.getByRole("button", { name: "Save" }).click();
    await expect(card.getByText("needs at least one entry")).toBeVisible();
    const stored = (await (await request.get(SETTINGS_API, { headers: apiHeaders })).json()) as { settings: { attributes: { order: string[] } } };
    expect(stored.settings.attributes.order).toEqual(["order.id"]);
    await card.getByRole("button", { name: "Discard changes" }).click();
    await expect(pills(order)).toHaveText(["order.id"]);
  });

  await test.step("in Chinese", async () => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
    await page.reload();
    const zhCard = page.getByRole("region", { name: "超时报告" });
    await expect(zhCard.getByRole("radio", { name: "仅管理员" })).toBeChecked();
    await page.screenshot({ path: test.info().outputPath("report-settings-zh-CN.png"), fullPage: true });
    await context.clearCookies({ name: "NEXT_LOCALE" });
    await page.reload();
  });

  await test.step("reset to defaults", async () => {
    await card.getByRole("button", { name: "Reset to defaults" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Reset to defaults" }).click();
    await expect(status).toHaveText("Defaults");
    await page.reload();
    await expect(pills(customer)).toHaveText(["enduser.id", "user.id", "customer.id"]);
    await expect(card.getByRole("radio", { name: "Editors and admins" })).toBeChecked();
  });
});
