import { expect, type Locator, type Page } from "@playwright/test";

export interface UrlTimeRange {
  from: number;
  to: number;
  rel: string | null;
}

/** The dashboard frame: navigation, header controls and the time range the URL holds. */
export class ShellPage {
  readonly nav: Locator;
  readonly heading: Locator;
  readonly timeRangeButton: Locator;
  readonly themeToggle: Locator;
  readonly languageButton: Locator;
  readonly html: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole("navigation", { name: /^(Main navigation|主导航)$/ });
    this.heading = page.getByRole("heading", { level: 1 });
    this.timeRangeButton = page.getByTestId("time-range-button");
    this.themeToggle = page.getByRole("button", { name: /^(Switch between light and dark theme|切换浅色 \/ 深色主题)$/ });
    this.languageButton = page.getByRole("button", { name: /^(Language|语言)$/ });
    this.html = page.locator("html");
  }

  /** Opens a page and waits until the URL names a window (written on first load if missing). */
  async goto(path = "/"): Promise<UrlTimeRange> {
    await this.page.goto(path);
    return this.waitForUrlRange();
  }

  async waitForUrlRange(): Promise<UrlTimeRange> {
    await expect(this.page).toHaveURL(/[?&]from=\d+.*&to=\d+/);
    return this.urlRange();
  }

  urlRange(): UrlTimeRange {
    const params = new URL(this.page.url()).searchParams;
    return { from: Number(params.get("from")), to: Number(params.get("to")), rel: params.get("rel") };
  }

  navLink(label: string): Locator {
    return this.nav.getByRole("link", { name: label, exact: true });
  }

  region(name: string): Locator {
    return this.page.getByRole("region", { name, exact: true });
  }

  async openTimePicker(): Promise<void> {
    await this.timeRangeButton.click();
    await expect(this.page.getByText(/^(Quick ranges|快捷范围)$/)).toBeVisible();
  }

  /** Picks a quick range and waits for the URL to change to it. */
  async chooseQuickRange(label: string, rel: string): Promise<UrlTimeRange> {
    await this.openTimePicker();
    await this.page.getByRole("button", { name: label, exact: true }).click();
    await expect(this.page).toHaveURL(new RegExp(`[?&]rel=${rel}(&|$)`));
    return this.urlRange();
  }

  /**
   * Picks an absolute range in the calendar: the days by their accessible names ("10 October
   * 2026"), then the times typed into the start and end inputs ("HH:mm:ss").
   */
  async chooseAbsoluteRange(range: { startDay: string; endDay: string; startTime: string; endTime: string; previousMonth?: boolean }): Promise<void> {
    await this.openTimePicker();
    if (range.previousMonth) await this.page.getByRole("button", { name: "Previous month", exact: true }).click();
    await this.page.getByRole("button", { name: range.startDay, exact: true }).click();
    await this.page.getByRole("button", { name: range.endDay, exact: true }).click();
    await this.typeTime("Start time", range.startTime);
    await this.typeTime("End time", range.endTime);
    await this.page.getByRole("button", { name: "Apply time range", exact: true }).click();
  }

  private async typeTime(which: "Start time" | "End time", time: string): Promise<void> {
    const [hours = "", minutes = "", seconds = ""] = time.split(":");
    await this.page.getByRole("spinbutton", { name: `${which} · Hours` }).fill(hours);
    await this.page.getByRole("spinbutton", { name: `${which} · Minutes` }).fill(minutes);
    await this.page.getByRole("spinbutton", { name: `${which} · Seconds` }).fill(seconds);
  }

  async switchLanguage(label: "English" | "简体中文"): Promise<void> {
    await this.languageButton.click();
    await this.page.getByRole("menuitem", { name: label }).click();
  }
}
