import { describe, expect, it } from "vitest";
import { SqlParams } from "@/lib/query/sql-params";
import { HOUR_MS, MINUTE_MS, rollupSource, splitRollupWindow } from "./rollup-source";

const h = (hours: number, minutes = 0, seconds = 0) => Date.UTC(2026, 11, 4) + hours * HOUR_MS + minutes * MINUTE_MS + seconds * 1_000;

describe("splitRollupWindow", () => {
  it("takes whole hours from the hour table and the partial hours at both ends from minutes", () => {
    expect(splitRollupWindow(h(1, 10, 30), h(5, 20), true)).toEqual({ minutes: [[h(1, 10), h(2)], [h(5), h(5, 20)]], hours: [h(2), h(5)] });
  });

  it("needs no minutes when the window is whole hours", () => {
    expect(splitRollupWindow(h(1), h(5), true)).toEqual({ minutes: [], hours: [h(1), h(5)] });
  });

  it("reads minutes only inside one hour, or when hours are not wanted", () => {
    expect(splitRollupWindow(h(1, 10), h(1, 50), true)).toEqual({ minutes: [[h(1, 10), h(1, 50)]], hours: null });
    expect(splitRollupWindow(h(1, 10), h(2, 50), true)).toEqual({ minutes: [[h(1, 10), h(2, 50)]], hours: null });
    expect(splitRollupWindow(h(1, 10), h(9), false)).toEqual({ minutes: [[h(1, 10), h(9)]], hours: null });
  });
});

describe("rollupSource", () => {
  it("repeats the caller's conditions in every part and passes times as parameters", () => {
    const params = new SqlParams();
    const condition = `service_name = ${params.add("checkout", "text")}`;
    const sql = rollupSource(params, { fromMs: h(1, 10), toMs: h(5, 20), conditions: [condition], hours: true });
    expect(sql.match(/service_name = \$1::text/g)).toHaveLength(3);
    expect(sql).toContain("FROM span_rollups_1h WHERE hour >=");
    expect(sql.match(/FROM span_rollups_1m WHERE minute >=/g)).toHaveLength(2);
    expect(params.values).toEqual(["checkout", ...[h(1, 10), h(2), h(5), h(5, 20), h(2), h(5)].map((ms) => new Date(ms).toISOString())]);
  });
});
