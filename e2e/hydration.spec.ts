import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { apiHeaders } from "./fixtures/accounts";

// Every page, loaded whole, hydrates without React having to throw the server's HTML away: a
// mismatch (say a <div> inside a <p>, which the browser's parser moves) costs the reader a second
// render and shows as a console error. An incident and its share link are made to have one.

const PAGES = ["/", "/services", "/services/map", "/traces", "/metrics", "/dashboards", "/database", "/audit", "/consistency", "/reports", "/reports/timeouts", "/incidents", "/alerts", "/slos", "/jobs", "/settings"];

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|Minified React error/i.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

test("every page hydrates without a mismatch", async ({ page }) => {
  const errors = collectErrors(page);
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    expect(errors, `after ${path}`).toEqual([]);
  }
});

test("an incident and its share link hydrate without a mismatch", async ({ page, browser, baseURL }) => {
  const now = Date.now();
  const created = await page.request.post("/api/v1/incidents", { headers: apiHeaders, data: { title: "Hydration check", windowFromMs: now - 30 * 60_000, windowToMs: now } });
  expect(created.ok(), await created.text()).toBe(true);
  const { id } = (await created.json()) as { id: string };
  const errors = collectErrors(page);
  await page.goto(`/incidents/${id}`);
  await expect(page.getByTestId("incident-page")).toBeVisible();
  expect(errors).toEqual([]);

  const share = await page.request.post(`/api/v1/incidents/${id}/share-links`, { headers: apiHeaders, data: { expiresInHours: 1 } });
  expect(share.ok(), await share.text()).toBe(true);
  const { path } = (await share.json()) as { path: string };
  // Opened by someone who is not signed in.
  const stranger = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const shared = await stranger.newPage();
  const sharedErrors = collectErrors(shared);
  await shared.goto(path);
  await expect(shared.getByText("Hydration check").first()).toBeVisible();
  await shared.waitForLoadState("networkidle");
  expect(sharedErrors).toEqual([]);
  await stranger.close();
});
