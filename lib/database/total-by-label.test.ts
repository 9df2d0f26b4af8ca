import { describe, expect, it } from "vitest";
import { totalByLabel } from "./total-by-label";

describe("totalByLabel", () => {
  it("adds every point of each series under its label, skipping series without it", () => {
    const totals = totalByLabel(
      {
        name: "postgresql.statement.calls",
        type: "sum",
        unit: "{call}",
        agg: "sum",
        step: 60,
        series: [
          { labels: { q: "1", text: "SELECT 1" }, points: [[0, 2], [60_000, 3]] },
          { labels: { q: "2" }, points: [[0, 7]] },
          { labels: {}, points: [[0, 100]] },
        ],
      },
      "q",
    );
    expect([...totals.entries()]).toEqual([
      ["1", { total: 5, labels: { q: "1", text: "SELECT 1" } }],
      ["2", { total: 7, labels: { q: "2" } }],
    ]);
  });
});
