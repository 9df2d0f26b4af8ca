import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { apiHeaders } from "./fixtures/accounts";
import { reportPageUrl, sendTimeoutCheckouts, type TimeoutCheckouts } from "./fixtures/timeout-checkouts";

// The timeout report printed and read by a viewer. Printed: the report is rendered as an A4 PDF
// in English and Chinese, and laid out at the A4 content width in print media nothing sticks out
// past it or is cut off inside a scroll box (which paper cannot scroll). Read by a viewer: the
// counts are there, the customer and order ids are not, and the page says they are hidden.

test.use({ locale: "en-US", timezoneId: "UTC" });

/** A4 (210 mm) less the 12 mm side margins of the report's @page rule, in CSS pixels (96 per inch). */
const A4_CONTENT_PX = Math.floor(((210 - 2 * 12) / 25.4) * 96);
const LONG_CUSTOMER = `customer-with-a-very-long-identifier-${"x".repeat(90)}`;

let checkouts: TimeoutCheckouts;

test.beforeAll(async ({ baseURL }) => {
  checkouts = await sendTimeoutCheckouts(baseURL!, e2eIngestKey, { count: 14, longCustomer: LONG_CUSTOMER });
});

async function openReport(page: Page) {
  await page.goto(reportPageUrl(checkouts));
  await expect(page.getByTestId("report-sentences")).toBeVisible({ timeout: 60_000 });
}

/** Elements of the page that reach past `width`, or whose content is wider than their own (clipped) box. */
function overflowing(page: Page, width: number) {
  return page.evaluate((limit) => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[data-testid=${el.getAttribute("data-testid")}]` : ""}.${[...el.classList].slice(0, 2).join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    for (const el of document.querySelectorAll("main *")) {
      if (!(el instanceof HTMLElement) || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden") continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > limit + 1 || box.left < -1) problems.push(`${name(el)} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
      // Paper cannot scroll or hover: content a box clips (a scroll box, an ellipsis) is lost on it.
      else if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} clips ${el.scrollWidth} px of content to ${el.clientWidth} px`);
    }
    return problems;
  }, width);
}

for (const locale of ["en", "zh-CN"] as const) {
  test(`the report prints on A4 without anything cut off (${locale})`, async ({ page, context, baseURL }, info) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    await openReport(page);
    await expect(page.getByTestId("report-unpaid-orders")).toBeVisible();
    await expect(page.locator("[_echarts_instance_] canvas").first()).toBeVisible();

    await test.step("laid out at the A4 content width in print media, nothing reaches past it", async () => {
      await page.emulateMedia({ media: "print" });
      await page.setViewportSize({ width: A4_CONTENT_PX, height: 1_000 });
      // The switch to print media and the narrower viewport take a few frames to lay out (the
      // app frame's nav leaves, the charts redraw on their resize observer): read until it settles.
      await expect.poll(() => overflowing(page, A4_CONTENT_PX), { timeout: 10_000 }).toEqual([]);
      // The charts are drawn at the page's width, at their screen height (not collapsed to nothing).
      const chartBoxes = () => page.locator("[_echarts_instance_] canvas").evaluateAll((canvases) => canvases.map((c) => ({ width: c.getBoundingClientRect().width, height: c.getBoundingClientRect().height })));
      await expect.poll(async () => (await chartBoxes()).filter((c) => c.height >= 150 && c.width > A4_CONTENT_PX * 0.8).length, { timeout: 10_000 }).toBe(2);
      expect(await chartBoxes()).toHaveLength(2);
      await expect(page.getByText(LONG_CUSTOMER)).toBeVisible();
    });

    await test.step("the PDF renders", async () => {
      const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true, path: info.outputPath(`timeout-report-${locale}.pdf`) });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(6);
    });
  });
}

test("a viewer reads the counts but not the customer and order ids: hidden for their role", async ({ browser, request, baseURL }) => {
  const created = await request.post("/api/v1/api-tokens", { headers: apiHeaders, data: { name: `report viewer ${Date.now()}`, role: "viewer" } });
  expect(created.status()).toBe(200);
  const { token } = (await created.json()) as { token: string };
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, locale: "en-US", timezoneId: "UTC", extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const page = await context.newPage();
  try {
    await openReport(page);
    const customers = page.locator("#customers");
    await expect(customers).toContainText(`${checkouts.customers.length} customers affected`);
    await expect(customers.getByTestId("report-list-hidden")).toHaveText("Hidden for your role: the ids are shown to the Editor role and above (Settings → Timeout report).");
    await expect(page.locator("#state-left").getByTestId("report-list-hidden").first()).toBeVisible();
    await expect(page.getByTestId("report-unpaid-orders")).toHaveCount(0);
    await expect(page.getByText(checkouts.customers[0]!)).toHaveCount(0);
    await expect(page.getByTestId("report-unpaid")).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("timeout-report-viewer.png"), fullPage: true });
  } finally {
    await context.close();
  }
});
