import type { Page } from "@playwright/test";
import type { IncidentList } from "../lib/incidents/schemas";
import type { TimeoutReport } from "../lib/reports/schemas";
import { apiHeaders } from "./fixtures/accounts";
import { runDemoScenario } from "./fixtures/run-demo-scenario";
import { expect, test, waitForDemoData } from "./fixtures/live-demo";

// Incidents on the live demo: the payment provider stops answering, an incident is opened from
// the timeout report for that window, noted and resolved (which freezes its report); a share
// link opens it in a fresh browser with no cookies, and only it — the API and another incident's
// page stay shut — until the link is revoked. Screenshots in en and zh-CN along the way.

const CHECKOUT = { service: "gateway", operation: "POST /checkout" };
const reportUrl = (fromMs: number, toMs: number) =>
  `/api/v1/reports/timeouts?from=${Math.floor(fromMs)}&to=${Math.ceil(toMs)}&service=${CHECKOUT.service}&operation=${encodeURIComponent(CHECKOUT.operation)}`;

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

async function inChinese(page: Page, base: string) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: base }]);
  await page.reload();
}

test("an incident opened from the timeout report is noted, resolved, shared read-only and revoked", async ({ liveDemo, demoPage: page, browser }) => {
  test.setTimeout(480_000);
  await waitForDemoData(liveDemo);
  const startedMs = Date.now() - 5_000;

  const window = await test.step("the payment provider stops answering, and its timeouts arrive", async () => {
    const scenario = await runDemoScenario(liveDemo, "payment-timeout");
    expect(scenario.traceIds.length, scenario.output).toBeGreaterThanOrEqual(2);
    // Until every span of the timed-out checkouts has arrived (the services export in batches),
    // the slowest call known can be payment's rather than the provider's behind it.
    await expect
      .poll(
        async () => {
          const report = await liveDemo.getJson<TimeoutReport>(reportUrl(startedMs, Date.now()));
          if (!report || report.totals.timedOut < 2) return "fewer than 2 timeouts yet";
          return report.cause.slowCall?.callee.service ?? "no slow call yet";
        },
        { timeout: 90_000, intervals: [2_000] },
      )
      .toBe("payment-provider");
    const last = (await liveDemo.getJson<TimeoutReport>(reportUrl(startedMs, Date.now())))!.period.lastTimeoutMs!;
    return { fromMs: startedMs, toMs: Math.ceil(last + 30_000) };
  });

  const title = `Checkout timeouts ${Date.now()}`;
  const incidentPath = await test.step("open an incident from the report: the modal carries the report's window and endpoint", async () => {
    await page.goto(`/reports/timeouts?from=${window.fromMs}&to=${window.toMs}&service=${CHECKOUT.service}&operation=${encodeURIComponent(CHECKOUT.operation)}`);
    await expect(page.getByTestId("report-sentences")).toBeVisible({ timeout: 90_000 });
    await page.getByTestId("open-incident").click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText("service: gateway")).toBeVisible();
    await expect(dialog.getByText(`operation: ${CHECKOUT.operation}`)).toBeVisible();
    await dialog.getByLabel("Title").fill(title);
    await dialog.getByRole("button", { name: "Open incident" }).click();
    await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}(\?|$)/);
    await expect(page.getByTestId("incident-title")).toHaveText(title);
    // Open, the report is read now for the incident's window: it names the provider.
    await expect(page.getByTestId("incident-report-facts")).toContainText("payment-provider", { timeout: 90_000 });
    return new URL(page.url()).pathname;
  });

  await test.step("add a note and resolve it: the report is frozen into the incident", async () => {
    await page.getByTestId("incident-note-input").fill("acmepay stopped answering; failover to the backup provider");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByTestId("incident-note")).toHaveText("acmepay stopped answering; failover to the backup provider");
    await page.getByTestId("incident-status-select").click();
    await page.getByRole("option", { name: "Resolved" }).click();
    await page.getByTestId("incident-save").click();
    await expect(page.getByTestId("incident-status").first()).toHaveText("Resolved");
    await expect(page.getByText(/^Frozen .*when the incident was resolved/)).toBeVisible();
    await expect(page.getByTestId("incident-report-facts")).toContainText("payment-provider");
    await expect(page.getByTestId("incident-timeline")).toContainText("changed the status from Investigating to Resolved");
    await expect(page.getByTestId("incident-to-resolve")).not.toHaveText("not yet");
    await shoot(page, "incident-detail-en");
  });

  await test.step("the list shows it resolved, with MTTR over 30 and 90 days", async () => {
    await page.goto("/incidents");
    const row = page.getByTestId("incidents-table").getByRole("row", { name: new RegExp(title) });
    await expect(row).toContainText("Resolved");
    await expect(page.getByTestId("mttr-30")).not.toHaveText("nothing resolved");
    const list = await liveDemo.getJson<IncidentList>("/api/v1/incidents");
    expect(list?.mttr.find((m) => m.days === 30)?.resolved).toBeGreaterThanOrEqual(1);
    await shoot(page, "incidents-list-en");
    await inChinese(page, liveDemo.base);
    await expect(page.getByTestId("incidents-table").getByRole("row", { name: new RegExp(title) })).toContainText("已解决");
    await shoot(page, "incidents-list-zh-CN");
    await page.goto(incidentPath);
    await expect(page.getByTestId("incident-status").first()).toHaveText("已解决");
    await shoot(page, "incident-detail-zh-CN");
    await page.context().clearCookies();
    await page.goto(incidentPath);
  });

  // Another incident: the share link must not open it.
  const other = await page.request.post("/api/v1/incidents", { headers: apiHeaders, data: { title: "Another incident", windowFromMs: window.fromMs, windowToMs: window.toMs } });
  expect(other.status()).toBe(200);
  const otherId = ((await other.json()) as { id: string }).id;

  const shareUrl = await test.step("create a share link", async () => {
    await page.getByTestId("share-create").click();
    const url = (await page.getByTestId("share-url").textContent())!;
    expect(url).toMatch(/\/share\/sls_[A-Za-z0-9_-]{43}$/);
    return url;
  });

  // No storage state: the project's signed-in cookies are not carried into this context.
  const stranger = await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState: { cookies: [], origins: [] } });
  try {
    const outside = await stranger.newPage();
    await test.step("a fresh browser with no cookies opens the link: it shows the incident and its frozen report", async () => {
      expect(await stranger.cookies()).toEqual([]);
      await outside.goto(shareUrl);
      await expect(outside.getByTestId("shared-incident")).toBeVisible();
      await expect(outside.getByTestId("incident-title")).toHaveText(title);
      await expect(outside.getByTestId("incident-report-facts")).toContainText("payment-provider");
      await expect(outside.getByTestId("incident-note")).toHaveText("acmepay stopped answering; failover to the backup provider");
      await expect(outside.getByRole("navigation")).toHaveCount(0);
      await expect(outside.locator('a[href^="/"]')).toHaveCount(0);
      await shoot(outside, "share-en");
      await inChinese(outside, liveDemo.base);
      await expect(outside.getByTestId("incident-status").first()).toHaveText("已解决");
      await shoot(outside, "share-zh-CN");
    });

    await test.step("the same browser gets nothing else: 401 from the API, sign-in for another incident's page", async () => {
      const base = liveDemo.base;
      expect((await outside.request.get(`${base}/api/v1/traces`)).status()).toBe(401);
      expect((await outside.request.get(`${base}/api/v1/incidents/${otherId}`)).status()).toBe(401);
      expect((await outside.request.get(`${base}${incidentPath.replace("/incidents/", "/api/v1/incidents/")}`)).status()).toBe(401);
      await outside.goto(`${base}/incidents/${otherId}`);
      await expect(outside).toHaveURL(/\/sign-in\?next=/);
      await expect(outside.getByText("Another incident")).toHaveCount(0);
    });

    await test.step("revoked, the link stops working and says so without showing anything", async () => {
      await page.getByTestId("share-links").getByRole("button", { name: "Revoke" }).click();
      await expect(page.getByTestId("share-links")).toContainText("revoked");
      const links = await liveDemo.getJson<{ shareLinks: { viewCount: number; revokedAtMs: number | null }[] }>(`${incidentPath.replace("/incidents/", "/api/v1/incidents/")}/share-links`);
      expect(links?.shareLinks).toEqual([expect.objectContaining({ viewCount: 2, revokedAtMs: expect.any(Number) })]);
      await outside.context().clearCookies();
      await outside.goto(shareUrl);
      await expect(outside.getByTestId("share-refused")).toContainText("This link was revoked");
      await expect(outside.getByText(title)).toHaveCount(0);
      await shoot(outside, "share-revoked-en");
    });
  } finally {
    await stranger.close();
  }
});
