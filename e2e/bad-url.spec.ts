import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { ShellPage } from "./pages/shell-page";

// Hand-written and mangled addresses: every parameter the page cannot use is named, with its
// value and what is shown instead (never silently replaced); the obvious spellings work; an
// address that names no page, or no trace, shows a way back inside the app frame.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

const problems = (page: Page) => page.getByTestId("url-problems");
const HOUR = 3_600_000;

test.describe("addresses the page cannot use", { tag: "@url" }, () => {
  test("a broken time window is named, with the window shown instead", async ({ page }, testInfo) => {
    const shell = new ShellPage(page);

    await test.step("garbage", async () => {
      await page.goto("/traces?from=garbage&to=also-garbage");
      await expect(problems(page)).toContainText("Part of this address was not understood");
      await expect(problems(page)).toContainText("from=garbage is not understood; showing “Last 1 hour” instead.");
      await expect(problems(page)).toContainText("to=also-garbage is not understood; showing “Last 1 hour” instead.");
      const range = await shell.waitForUrlRange();
      expect(range.to - range.from).toBe(HOUR);
      await expect(shell.timeRangeButton).toContainText("Last 1 hour");
      await page.screenshot({ path: testInfo.outputPath("bad-window.png") });
    });

    await test.step("reversed", async () => {
      const now = Date.now();
      await page.goto(`/traces?from=${now}&to=${now - 2 * HOUR}`);
      await expect(problems(page)).toContainText(`from=${now} is not before “to”; showing “Last 1 hour” instead.`);
      const range = await shell.waitForUrlRange();
      expect(range.to - range.from).toBe(HOUR);
    });

    await test.step("huge", async () => {
      await page.goto("/traces?rel=9999d");
      await expect(problems(page)).toContainText("rel=9999d is longer than the longest window (400 days); showing “Last 1 hour” instead.");
      await page.goto("/?from=1&to=99999999999999999999");
      await expect(problems(page)).toContainText("to=99999999999999999999 is not understood; showing “Last 1 hour” instead.");
    });

    await test.step("one end only", async () => {
      await page.goto(`/?from=${Date.now() - HOUR}`);
      await expect(problems(page)).toContainText("is only one end of a time window; showing “Last 1 hour” instead.");
    });

    await test.step("choosing a window clears the notice; a good address shows none", async () => {
      await shell.chooseQuickRange("Last 15 minutes", "15m");
      await expect(problems(page)).toHaveCount(0);
      await page.goto("/traces?from=2026-12-01T00:00:00Z&to=2026-12-01T06:00:00Z");
      await expect(shell.timeRangeButton).toContainText("2026-12-01 00:00:00 to 06:00:00");
      await expect(problems(page)).toHaveCount(0);
    });
  });

  test("trace search filters: a negative duration is refused, a huge limit capped, timeout=1 works", async ({ page }, testInfo) => {
    const filters = page.getByRole("region", { name: "Search filters" });
    const chips = page.getByLabel("Filters:");

    await test.step("minDurationMs=-5 is refused and is no filter", async () => {
      await page.goto("/traces?minDurationMs=-5");
      await expect(problems(page)).toContainText("minDurationMs=-5 is negative, and a duration cannot be; this filter is not applied.");
      await expect(page.getByText(/duration ≥/)).toHaveCount(0);
      await expect(filters.getByRole("textbox", { name: "Min duration" })).toHaveValue("");
    });

    await test.step("limit=100000 is capped, and the page says so", async () => {
      await page.goto("/traces?limit=100000");
      await expect(problems(page)).toContainText("limit=100000 is more than the maximum; showing at most 500 instead.");
      await expect(filters.getByRole("combobox", { name: "Limit" })).toHaveValue("500");
      await page.screenshot({ path: testInfo.outputPath("capped-limit.png") });
      await page.goto("/traces?limit=lots");
      await expect(problems(page)).toContainText("limit=lots is not understood; using limit=50 instead.");
    });

    await test.step("timeout=1, timeout=yes and timeout=true all mean timeouts only", async () => {
      for (const value of ["1", "yes", "true", "TRUE"]) {
        await page.goto(`/traces?timeout=${value}`);
        await expect(filters.getByRole("switch", { name: "Timeouts only" })).toBeChecked();
        await expect(chips.getByText("timeouts only")).toBeVisible();
        await expect(problems(page)).toHaveCount(0);
      }
      await page.goto("/traces?timeout=maybe");
      await expect(problems(page)).toContainText("timeout=maybe is not understood; this filter is not applied.");
      await expect(filters.getByRole("switch", { name: "Timeouts only" })).not.toBeChecked();
    });

    await test.step("other spellings: durations with units, a status in capitals; a wrong status is named", async () => {
      await page.goto("/traces?minDurationMs=1.5s&status=ERROR");
      await expect(filters.getByRole("textbox", { name: "Min duration" })).toHaveValue("1.5s");
      await expect(chips.getByText("status = error")).toBeVisible();
      await expect(problems(page)).toHaveCount(0);
      await page.goto("/traces?status=broken");
      await expect(problems(page)).toContainText("status=broken is not one of any, error, ok; using status=any instead.");
    });

    await test.step("correcting the filter removes its notice", async () => {
      await page.goto("/traces?minDurationMs=-5");
      await expect(problems(page)).toBeVisible();
      const input = filters.getByRole("textbox", { name: "Min duration" });
      await input.fill("20ms");
      await input.press("Enter");
      await expect(page).toHaveURL(/minDurationMs=20(&|$)/);
      await expect(problems(page)).toHaveCount(0);
    });
  });

  test("an unreadable metrics query stays named after the explorer rewrites the address", async ({ page }) => {
    const readable = encodeURIComponent(JSON.stringify({ name: "bench.none", agg: "sum" }));
    await page.goto(`/metrics?q=not-a-query&q=${readable}&q=${readable}`);
    await expect(problems(page)).toContainText("q=not-a-query is not understood");
    // Removing query B rewrites every `q` in the address from the readable queries alone.
    await page.getByRole("button", { name: "Remove this query" }).nth(1).click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll("q")).toHaveLength(1);
    await expect(problems(page)).toContainText("q=not-a-query is not understood");
    await problems(page).getByRole("button", { name: "Dismiss" }).click();
    await expect(problems(page)).toHaveCount(0);
  });

  test("an unknown address shows a not-found page inside the app frame, with a way home", async ({ page }, testInfo) => {
    const shell = new ShellPage(page);
    const response = await page.goto("/no-such-page/at-all");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Sightline has no page at /no-such-page/at-all.")).toBeVisible();
    await expect(shell.nav).toBeVisible();
    await expect(shell.timeRangeButton).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("not-found.png") });
    await page.getByRole("link", { name: "Go to the overview" }).click();
    await expect(page).toHaveURL(/\/(\?|$)/);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Page not found");
  });

  test("a trace id that is not one, or names no stored trace, leads back to the search", async ({ page }, testInfo) => {
    const back = page.getByRole("link", { name: "Back to the trace search" });

    await test.step("not a trace id", async () => {
      await page.goto("/traces/not-a-trace-id");
      await expect(page.getByText("This is not a trace id")).toBeVisible();
      await expect(page.getByText("“not-a-trace-id” is not a trace id: a trace id is 32 hexadecimal characters (0–9, a–f).")).toBeVisible();
      await expect(back).toHaveAttribute("href", /^\/traces\?from=\d+&to=\d+/);
    });

    await test.step("an unknown trace, after a search: the way back keeps the search", async () => {
      await page.goto("/traces?service=checkout-nowhere&status=error");
      await expect(page.getByLabel("Filters:").getByText("service = checkout-nowhere")).toBeVisible();
      const unknown = "0123456789abcdef0123456789abcdef";
      await page.goto(`/traces/${unknown}`);
      await expect(page.getByText("No such trace")).toBeVisible();
      await expect(page.getByText(`No span of trace ${unknown} is stored.`)).toBeVisible();
      await expect(back).toHaveAttribute("href", /service=checkout-nowhere/);
      await page.screenshot({ path: testInfo.outputPath("unknown-trace.png") });
      await back.click();
      await expect(page).toHaveURL(/\/traces\?.*service=checkout-nowhere.*status=error/);
      await expect(page.getByLabel("Filters:").getByText("status = error")).toBeVisible();
    });
  });
});
