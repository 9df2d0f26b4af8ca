import { describe, expect, it } from "vitest";
import { increasesOf, millisPerUnit, outcomeOf, runsFromIncreases, type CumulativePoint } from "./derive-metric-job-runs";

const at = (timeMs: number, value: number, startMs: number | null = 0): CumulativePoint => ({ timeMs, startMs, totals: [value] });

describe("increasesOf", () => {
  it("turns a cumulative counter's rises into increases over the intervals they happened in; the first point is the baseline", () => {
    const points = [at(10_000, 5), at(20_000, 5), at(30_000, 6), at(40_000, 8)];
    expect(increasesOf(points, true, 5_000)).toEqual([
      { afterMs: 20_000, endMs: 30_000, deltas: [1] },
      { afterMs: 30_000, endMs: 40_000, deltas: [2] },
    ]);
  });

  it("counts a counter's whole value after a reset: a drop, or a new start time", () => {
    const dropped = [at(10_000, 7), at(20_000, 9), at(30_000, 2), at(40_000, 3)];
    expect(increasesOf(dropped, true, 5_000).map((i) => [i.afterMs, i.endMs, i.deltas[0]])).toEqual([
      [10_000, 20_000, 2],
      [20_000, 30_000, 2],
      [30_000, 40_000, 1],
    ]);
    // restarted at 25 s and ran 9 times by 30 s: not 9 − 9 = 0
    const restarted = [at(20_000, 9, 0), at(30_000, 9, 25_000)];
    expect(increasesOf(restarted, true, 5_000)).toEqual([{ afterMs: 25_000, endMs: 30_000, deltas: [9] }]);
  });

  it("counts a first point whole only when its counter started at or after the earliest instant read", () => {
    expect(increasesOf([at(30_000, 3, 12_000)], true, 10_000)).toEqual([{ afterMs: 12_000, endMs: 30_000, deltas: [3] }]);
    expect(increasesOf([at(30_000, 3, 5_000)], true, 10_000)).toEqual([]);
    expect(increasesOf([at(30_000, 3, null)], true, 10_000)).toEqual([]);
  });

  it("takes each delta point as its own increase", () => {
    const points = [at(10_000, 1, 0), at(20_000, 0, 10_000), at(30_000, 2, 20_000)];
    expect(increasesOf(points, false, 0)).toEqual([
      { afterMs: 0, endMs: 10_000, deltas: [1] },
      { afterMs: 20_000, endMs: 30_000, deltas: [2] },
    ]);
  });

  it("carries a histogram's count and sum, resetting on the count", () => {
    const h = (timeMs: number, count: number, sum: number): CumulativePoint => ({ timeMs, startMs: 0, totals: [count, sum] });
    expect(increasesOf([h(10_000, 2, 3), h(20_000, 3, 3.5), h(30_000, 1, 0.25)], true, 5_000)).toEqual([
      { afterMs: 10_000, endMs: 20_000, deltas: [1, 0.5] },
      { afterMs: 20_000, endMs: 30_000, deltas: [1, 0.25] },
    ]);
  });
});

describe("runsFromIncreases", () => {
  it("makes n runs of an increase of n, spread over the interval, each with the mean duration of the same interval", () => {
    const runs = runsFromIncreases(
      [
        { afterMs: 0, endMs: 60_000, deltas: [3] },
        { afterMs: 60_000, endMs: 120_000, deltas: [1] },
      ],
      [{ afterMs: 0, endMs: 60_000, deltas: [3, 1.5] }],
      "failure",
      millisPerUnit("s"),
    );
    expect(runs.map((r) => [r.startMs, r.durationMs, r.outcome, r.traceId])).toEqual([
      [20_000 - 500, 500, "failure", null],
      [40_000 - 500, 500, "failure", null],
      [60_000 - 500, 500, "failure", null],
      [120_000, null, "failure", null],
    ]);
  });

  it("knows no duration without a time unit", () => {
    const runs = runsFromIncreases([{ afterMs: 0, endMs: 10, deltas: [1] }], [{ afterMs: 0, endMs: 10, deltas: [1, 2] }], "success", millisPerUnit("By"));
    expect(runs[0]).toMatchObject({ startMs: 10, durationMs: null });
  });
});

describe("outcomeOf", () => {
  it("reads success words as success and anything else as failure", () => {
    expect(["success", "OK", "succeeded"].map(outcomeOf)).toEqual(["success", "success", "success"]);
    expect(["failure", "error", "timeout", ""].map(outcomeOf)).toEqual(["failure", "failure", "failure", "failure"]);
  });
});
