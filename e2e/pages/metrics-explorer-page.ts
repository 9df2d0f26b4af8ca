import { expect, type Locator, type Page } from "@playwright/test";

/** The metrics explorer: query editors A, B, … and the chart they draw. */
export class MetricsExplorerPage {
  readonly lineChart: Locator;

  constructor(readonly page: Page) {
    this.lineChart = page.getByTestId("metric-line-chart");
  }

  editor(letter: string): Locator {
    return this.page.getByTestId(`metric-query-${letter}`);
  }

  heatmap(letter: string): Locator {
    return this.page.getByTestId(`metric-heatmap-${letter}`);
  }

  async pickMetric(letter: string, name: string) {
    const input = this.editor(letter).getByRole("combobox", { name: "Metric" });
    await input.click();
    await input.fill(name);
    await this.page.getByRole("option", { name: new RegExp(`^${name.replaceAll(".", "\\.")}`) }).first().click();
    await expect(input).toHaveValue(name);
  }

  async pickAgg(letter: string, label: string) {
    await this.editor(letter).getByRole("combobox", { name: "Aggregation" }).click();
    await this.page.getByRole("option", { name: label, exact: true }).click();
  }

  async groupBy(letter: string, key: string) {
    await this.editor(letter).getByLabel("Group by", { exact: true }).click();
    await this.page.getByRole("option", { name: key, exact: true }).click();
    await this.page.keyboard.press("Escape");
  }

  async addFilter(letter: string, key: string, value: string) {
    const editor = this.editor(letter);
    await editor.getByRole("combobox", { name: "Label" }).click();
    await this.page.getByRole("option", { name: key, exact: true }).click();
    await editor.getByRole("combobox", { name: "Value" }).fill(value);
    await editor.getByRole("button", { name: "Add filter" }).click();
  }

  async chooseChart(letter: string, kind: "Line" | "Area" | "Bar" | "Heatmap") {
    await this.editor(letter).getByText(kind, { exact: true }).click();
  }

  /** Waits until the line chart has drawn its data and holds at least `count` series. */
  async expectSeries(count: number) {
    await expect(this.lineChart).toHaveAttribute("data-loaded", "true", { timeout: 30_000 });
    await expect.poll(async () => Number(await this.lineChart.getAttribute("data-series-count")), { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
    await expect(this.lineChart.locator("canvas").first()).toBeVisible();
  }
}
