import { describe, expect, it } from "vitest";
import { cumulativeToDeltas, diffCounter, type CumulativePoint } from "./cumulative-to-deltas";

const start = "1764000000000000000"; // 1764000000000 ms
const p = (timeMs: number, value: number, startTimeNs: string | null = start): CumulativePoint<number> => ({ timeMs, startTimeNs, value });

describe("cumulativeToDeltas", () => {
  it("differences consecutive totals and uses the first point as the baseline", () => {
    const deltas = cumulativeToDeltas([p(1_764_000_100_000, 100), p(1_764_000_110_000, 130), p(1_764_000_120_000, 130)], diffCounter, 1_764_000_050_000);
    expect(deltas).toEqual([
      { timeMs: 1_764_000_110_000, delta: 30 },
      { timeMs: 1_764_000_120_000, delta: 0 },
    ]);
  });

  it("counts a drop as a restart from zero", () => {
    const deltas = cumulativeToDeltas([p(1, 500, null), p(2, 520, null), p(3, 15, null), p(4, 40, null)], diffCounter, 0);
    expect(deltas.map((d) => d.delta)).toEqual([20, 15, 25]);
  });

  it("counts a new start time as a restart even when the total did not drop", () => {
    const later = "1764000500000000000";
    const deltas = cumulativeToDeltas([p(1_764_000_400_000, 10), p(1_764_000_600_000, 700, later)], diffCounter, 1_764_000_300_000);
    expect(deltas.map((d) => d.delta)).toEqual([700]);
  });

  it("counts all of a first point whose series started inside the fetched range", () => {
    const deltas = cumulativeToDeltas([p(1_764_000_010_000, 42), p(1_764_000_020_000, 50)], diffCounter, 1_763_999_990_000);
    expect(deltas.map((d) => d.delta)).toEqual([42, 8]);
  });

  it("applies a custom diff, e.g. element-wise over bucket counts", () => {
    const diff = (a: number[], b: number[]) => (b.every((x, i) => x >= (a[i] ?? 0)) ? b.map((x, i) => x - (a[i] ?? 0)) : null);
    const points = [{ timeMs: 1, startTimeNs: null, value: [1, 2] }, { timeMs: 2, startTimeNs: null, value: [3, 2] }, { timeMs: 3, startTimeNs: null, value: [0, 1] }];
    expect(cumulativeToDeltas(points, diff, 0).map((d) => d.delta)).toEqual([[2, 0], [0, 1]]);
  });
});
