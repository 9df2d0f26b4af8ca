import { describe, expect, it } from "vitest";
import { sumSeries } from "./sum-series";

describe("sumSeries", () => {
  it("adds the series bucket by bucket, in time order", () => {
    expect(
      sumSeries([
        [
          [20, 2],
          [10, 1],
        ],
        [
          [10, 5],
          [20, 6],
        ],
      ]),
    ).toEqual([
      [10, 6],
      [20, 8],
    ]);
  });

  it("counts a series without a sample in a bucket as none there (a state without connections is not reported)", () => {
    expect(
      sumSeries([
        [
          [10, 1],
          [20, 2],
        ],
        [[20, 6]],
      ]),
    ).toEqual([
      [10, 1],
      [20, 8],
    ]);
  });

  it("ignores series without samples and sums nothing to nothing", () => {
    expect(sumSeries([[[10, 3]], []])).toEqual([[10, 3]]);
    expect(sumSeries([])).toEqual([]);
  });
});
