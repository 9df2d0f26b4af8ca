import { expect, test } from "./fixtures/test";
import { ShellPage } from "./pages/shell-page";

// The dashboard's frame on an empty database: every page is reachable and says what it is, the
// global time range lives in the URL as absolute times, theme and language stick.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

const MINUTE = 60_000;

const pages = [
  { label: "Overview", path: "/", built: true },
  { label: "Services", path: "/services", built: true },
  { label: "Traces", path: "/traces", built: true },
  { label: "Metrics", path: "/metrics", built: true },
  { label: "Dashboards", path: "/dashboards", built: true },
  { label: "Database", path: "/database", built: true },
  { label: "Audit", path: "/audit", built: true },
  { label: "Consistency", path: "/consistency", built: true },
  { label: "Reports", path: "/reports", built: true },
  { label: "Incidents", path: "/incidents", built: true },
  { label: "Settings", path: "/settings", built: true },
] as const;

test.describe("dashboard shell", { tag: "@shell" }, () => {
  test("navigation reaches every page, each says what it is and keeps the window", async ({ page }) => {
    const shell = new ShellPage(page);
    const initial = await shell.goto("/");

    for (const { label, path, built } of pages) {
      await test.step(`${label}`, async () => {
        await shell.navLink(label).click();
        await expect(page).toHaveURL((url) => url.pathname === path);
        await expect(shell.heading).toHaveText(label);
        await expect(shell.navLink(label)).toHaveAttribute("aria-current", "page");
        if (built) await expect(page.getByText("Not built yet")).toHaveCount(0);
        else await expect(page.getByText("This page is not built yet.")).toBeVisible();
        await expect(page).toHaveTitle(path === "/" ? "Overview · Sightline" : `${label} · Sightline`);
        expect(shell.urlRange()).toEqual(initial);
      });
    }
  });

  test("a first visit writes the last hour as absolute times, and a reload keeps that window", async ({ page }) => {
    const shell = new ShellPage(page);
    const before = Date.now();
    const first = await test.step("open the overview without a window", () => shell.goto("/"));

    await test.step("the URL holds the last hour in Unix milliseconds", () => {
      expect(first.to - first.from).toBe(60 * MINUTE);
      expect(first.rel).toBe("1h");
      expect(first.to).toBeGreaterThanOrEqual(before - MINUTE);
      expect(first.to).toBeLessThanOrEqual(Date.now() + MINUTE);
      expect(new URL(page.url()).searchParams.get("from")).toMatch(/^\d{13}$/);
    });

    await test.step("a reload shows exactly the same window", async () => {
      await page.reload();
      await expect(shell.timeRangeButton).toHaveText("Last 1 hour");
      expect(shell.urlRange()).toEqual(first);
    });

    await test.step("the window was written with replace: Back leaves the app, not to a window-less URL", async () => {
      await page.goBack();
      expect(page.url()).toBe("about:blank");
    });
  });

  test("choosing “Last 15 minutes” gives a 15-minute window ending now", async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto("/traces");
    const before = Date.now();
    const chosen = await shell.chooseQuickRange("Last 15 minutes", "15m");
    expect(chosen.to - chosen.from).toBe(15 * MINUTE);
    expect(chosen.to).toBeGreaterThanOrEqual(before - 5_000);
    expect(chosen.to).toBeLessThanOrEqual(Date.now() + 5_000);
    await expect(shell.timeRangeButton).toHaveText("Last 15 minutes");
  });

  test("an absolute range chosen in the picker lands in the URL", async ({ page }) => {
    const shell = new ShellPage(page);
    const initial = await shell.goto("/metrics");
    // The calendar opens on the window's month; the range is picked in the month before.
    const shown = new Date(initial.from);
    const year = shown.getUTCMonth() === 0 ? shown.getUTCFullYear() - 1 : shown.getUTCFullYear();
    const month = (shown.getUTCMonth() + 11) % 12;
    const monthName = new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" }).format(Date.UTC(year, month, 1));

    await test.step("pick the 10th 09:30:00 to the 12th 17:45:30 of the previous month", () =>
      shell.chooseAbsoluteRange({
        previousMonth: true,
        startDay: `10 ${monthName} ${year}`,
        endDay: `12 ${monthName} ${year}`,
        startTime: "09:30:00",
        endTime: "17:45:30",
      }),
    );

    await test.step("the URL holds those instants and no rel", async () => {
      await expect(page).toHaveURL(new RegExp(`from=${Date.UTC(year, month, 10, 9, 30, 0)}`));
      expect(shell.urlRange()).toEqual({ from: Date.UTC(year, month, 10, 9, 30, 0), to: Date.UTC(year, month, 12, 17, 45, 30), rel: null });
      const pad = String(month + 1).padStart(2, "0");
      await expect(shell.timeRangeButton).toHaveText(`${year}-${pad}-10 09:30:00 to ${year}-${pad}-12 17:45:30`);
    });

    await test.step("Back returns to the previous window", async () => {
      await page.goBack();
      await expect.poll(() => shell.urlRange()).toEqual(initial);
    });
  });

  test("auto-refresh slides a relative window but leaves a link to a past window where it was", async ({ page }) => {
    const shell = new ShellPage(page);
    await page.addInitScript(() => localStorage.setItem("sightline.refresh-interval", "5s"));

    await test.step("a live relative window moves forward by itself, keeping its length", async () => {
      const first = await shell.goto("/services");
      await expect.poll(() => shell.urlRange().to, { timeout: 15_000 }).toBeGreaterThan(first.to);
      const slid = shell.urlRange();
      expect(slid.to - slid.from).toBe(60 * MINUTE);
      expect(slid.rel).toBe("1h");
    });

    await test.step("a relative window copied two hours ago stays put and shows its times", async () => {
      const to = Date.now() - 120 * MINUTE;
      const shared = { from: to - 15 * MINUTE, to, rel: "15m" };
      await shell.goto(`/services?from=${shared.from}&to=${shared.to}&rel=15m`);
      await expect(shell.timeRangeButton).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} to /);
      await page.waitForTimeout(7_000);
      expect(shell.urlRange()).toEqual(shared);
    });
  });

  test("the theme toggle switches to dark and is remembered", async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto("/");
    await expect(shell.html).toHaveAttribute("data-mantine-color-scheme", "light");
    await shell.themeToggle.click();
    await expect(shell.html).toHaveAttribute("data-mantine-color-scheme", "dark");
    await page.reload();
    await expect(shell.html).toHaveAttribute("data-mantine-color-scheme", "dark");
  });

  test("the language switch shows Chinese navigation and survives a reload", async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto("/");
    await test.step("switch to Simplified Chinese", async () => {
      await shell.switchLanguage("简体中文");
      await expect(shell.navLink("概览")).toBeVisible();
      await expect(shell.navLink("链路追踪")).toBeVisible();
      await expect(shell.heading).toHaveText("概览");
      await expect(shell.html).toHaveAttribute("lang", "zh-CN");
    });
    await test.step("reload keeps Chinese", async () => {
      await page.reload();
      await expect(shell.navLink("设置")).toBeVisible();
      await expect(shell.timeRangeButton).toHaveText("最近 1 小时");
    });
    await test.step("and back to English", async () => {
      await shell.switchLanguage("English");
      await expect(shell.navLink("Overview")).toBeVisible();
    });
  });

  test("the overview's health card says the database is OK", async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.goto("/");
    const health = shell.region("Database");
    await expect(health.getByText("The database is OK")).toBeVisible();
    await expect(health.getByText("OK", { exact: true })).toBeVisible();
  });
});

test.describe("overview rendering of a known storage answer", { tag: "@shell" }, () => {
  // The served database is empty, and row counts are planner estimates that lag behind inserts,
  // so these tests answer GET /api/v1/storage themselves to check how a known answer is drawn.
  // The overview's first answer comes with the HTML (server-side), so the browser's own request
  // — the one answered here — is the one "Refresh now" makes.
  test("stored telemetry is charted per day and listed per signal", async ({ page }) => {
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.route("**/api/v1/storage", (route) =>
      route.fulfill({
        json: {
          database: { serverVersion: "18.1", sizeBytes: 52_428_800, embedded: true },
          tables: [
            { table: "spans", retentionDays: 7, partitions: [{ day: yesterday, rows: 1200, bytes: 1_048_576 }, { day: today, rows: 3400, bytes: 2_097_152 }] },
            { table: "log_records", retentionDays: 3, partitions: [{ day: today, rows: 250, bytes: 65_536 }] },
            { table: "lock_events", retentionDays: 30, partitions: [] },
          ],
        },
      }),
    );
    const shell = new ShellPage(page);
    await shell.goto("/");
    await page.getByRole("button", { name: "Refresh now" }).click();
    const storage = shell.region("Stored telemetry");
    await expect(storage.getByText("PostgreSQL 18.1, 50 MB on disk")).toBeVisible();
    await expect(storage.getByRole("img", { name: "Stacked bar chart of rows per day for each signal" }).locator("canvas")).toHaveCount(1);
    const spans = storage.getByRole("row").filter({ hasText: "Spans" });
    await expect(spans).toContainText("4,600");
    await expect(spans).toContainText("3 MB");
    await expect(spans).toContainText("7 days");
    await expect(spans).toContainText(yesterday);
    await expect(storage.getByRole("row").filter({ hasText: "Lock events" })).toContainText("—");
  });

  test("a failing storage request says why", async ({ page }) => {
    await page.route("**/api/v1/storage", (route) =>
      route.fulfill({ status: 400, json: { error: { code: "bad_request", message: "<b>from</b>: must be a date" } } }),
    );
    const shell = new ShellPage(page);
    await shell.goto("/");
    await page.getByRole("button", { name: "Refresh now" }).click();
    const storage = shell.region("Stored telemetry");
    await expect(storage.getByText("Could not load stored telemetry")).toBeVisible();
    // Server text is shown as text: the tags appear literally instead of becoming markup.
    await expect(storage.getByText("<b>from</b>: must be a date")).toBeVisible();
    await expect(storage.locator("b")).toHaveCount(0);
  });
});
