import type { Locator, Page } from "@playwright/test";
import { expect, test, waitForDemoData } from "./fixtures/live-demo";

// Dashboards on the live demo (data through the real ingest path): a dashboard made in the
// browser keeps the layout it was dragged into across a save and a reload, and the three
// dashboards provisioned at start draw every panel with the demo's data.

/** Panels that may honestly be empty on the demo: it has no standby, so no replication lag. */
const MAY_BE_EMPTY = new Set(["Replication lag (when standbys exist)"]);

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not laid out");
  return box;
}

/** Both panels' boxes once the grid's move animation has finished (two reads 200 ms apart agree). */
async function settledBoxes(alpha: Locator, beta: Locator): Promise<{ alpha: Box; beta: Box }> {
  const read = async () => ({ alpha: await boxOf(alpha), beta: await boxOf(beta) });
  let last = await read();
  await expect
    .poll(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const next = await read();
      const moved = JSON.stringify(next) !== JSON.stringify(last);
      last = next;
      return moved;
    }, { message: "the grid stops moving" })
    .toBe(false);
  return last;
}

async function addTextPanel(page: Page, title: string, text: string) {
  await page.getByRole("button", { name: "Add panel" }).click();
  const dialog = page.getByRole("dialog", { name: "Add panel" });
  await dialog.getByText("Text", { exact: true }).click();
  await dialog.getByLabel("Panel title").fill(title);
  await dialog.getByRole("textbox", { name: "Text" }).fill(text);
  await dialog.getByRole("button", { name: "Apply" }).click();
  await expect(dialog).toBeHidden();
}

test("a dashboard made in the browser keeps its dragged layout after save and reload", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(360_000);
  await waitForDemoData(liveDemo);
  const title = `Layout check ${Date.now()}`;
  await page.goto("/dashboards");
  await page.getByRole("button", { name: "New dashboard" }).first().click();
  const create = page.getByRole("dialog", { name: "New dashboard" });
  await create.getByLabel("Title").fill(title);
  await create.getByRole("button", { name: "New dashboard" }).click();
  await page.waitForURL(/\/dashboards\/[0-9a-f-]{36}/);
  await expect(page.getByRole("button", { name: "Add panel" })).toBeVisible({ timeout: 30_000 });

  await addTextPanel(page, "Alpha", "first <b>panel</b>");
  await addTextPanel(page, "Beta", "second panel");
  const alpha = page.getByRole("region", { name: "Alpha" });
  const beta = page.getByRole("region", { name: "Beta" });
  // Markup typed into a text panel is shown as text.
  await expect(alpha.getByText("first <b>panel</b>")).toBeVisible();
  // A new panel goes below the others: Beta starts under Alpha, in the left-hand column.
  const start = await settledBoxes(alpha, beta);
  expect(start.beta.y).toBeGreaterThan(start.alpha.y + start.alpha.height / 2);

  let arranged: { alpha: Box; beta: Box } | undefined;
  await test.step("drag Beta by its grip up beside Alpha", async () => {
    const grip = await boxOf(page.getByRole("button", { name: "Move Beta", exact: true }));
    const from = { x: grip.x + grip.width / 2, y: grip.y + grip.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + start.alpha.width + 12, from.y - (start.beta.y - start.alpha.y), { steps: 25 });
    await page.mouse.up();
    await expect.poll(async () => (await boxOf(beta)).x).toBeGreaterThan(start.alpha.x + start.alpha.width / 2);
    arranged = await settledBoxes(alpha, beta);
    expect(Math.abs(arranged.beta.y - arranged.alpha.y)).toBeLessThan(3);
  });

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("button", { name: "Edit", exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Alpha" })).toBeVisible({ timeout: 30_000 });
  const reloaded = await settledBoxes(page.getByRole("region", { name: "Alpha" }), page.getByRole("region", { name: "Beta" }));
  // Compared relative to each other: the page above the grid is shorter out of edit mode, so
  // the grid itself moves. Unsaved, Beta would be back below Alpha (where a new panel goes).
  expect(Math.abs(reloaded.beta.y - reloaded.alpha.y), "Beta beside Alpha").toBeLessThan(3);
  expect(Math.abs(reloaded.beta.x - reloaded.alpha.x - (arranged!.beta.x - arranged!.alpha.x)), "Beta's offset from Alpha").toBeLessThan(3);
  for (const name of ["alpha", "beta"] as const) {
    expect(Math.abs(reloaded[name].width - arranged![name].width), `${name} width`).toBeLessThan(3);
    expect(Math.abs(reloaded[name].height - arranged![name].height), `${name} height`).toBeLessThan(3);
  }
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
});

test("the three provisioned dashboards draw every panel with the demo's data", async ({ liveDemo, demoPage: page }) => {
  test.setTimeout(600_000);
  await waitForDemoData(liveDemo);
  for (const name of ["Service RED", "PostgreSQL health", "Shop business"]) {
    await test.step(name, async () => {
      await page.goto("/dashboards");
      await page.getByRole("link", { name }).click();
      await expect(page.getByRole("heading", { name })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText("Provisioned", { exact: true })).toBeVisible();
      // The demo's counters arrive every 15 s, coupons only with some checkouts: reload until each panel has data.
      await expect(async () => {
        await page.reload();
        const panels = page.getByTestId("dashboard-panel");
        await expect(panels.first()).toBeVisible({ timeout: 30_000 });
        const count = await panels.count();
        expect(count).toBeGreaterThan(2);
        for (let index = 0; index < count; index++) {
          const panel = panels.nth(index);
          await panel.scrollIntoViewIfNeeded();
          const title = (await panel.getAttribute("aria-label")) ?? "";
          await expect(panel.getByRole("alert"), title).toHaveCount(0);
          if (MAY_BE_EMPTY.has(title) || (await panel.getByTestId("text-panel").count()) > 0) continue;
          const chart = panel.getByTestId("red-chart").or(panel.getByTestId("metric-line-chart"));
          await expect(chart.locator("canvas").first(), title).toBeVisible({ timeout: 15_000 });
          await expect(panel.getByTestId("panel-no-data"), title).toHaveCount(0);
          await expect(panel.getByText("No data for these queries in this window."), title).toHaveCount(0);
          const drawn = panel.getByTestId("metric-line-chart");
          if ((await drawn.count()) > 0) await expect(drawn, title).not.toHaveAttribute("data-series-count", "0", { timeout: 15_000 });
        }
      }).toPass({ timeout: 240_000, intervals: [10_000] });
    });
  }
});
