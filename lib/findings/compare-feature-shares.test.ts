import { describe, expect, it } from "vitest";
import { compareFeatureShares } from "./compare-feature-shares";
import type { SlowFeature } from "./schemas";

const waited: SlowFeature = { type: "waited", service: "coupon", operation: "pool.connect" };
const coupon: SlowFeature = { type: "service", service: "coupon" };
const flash: SlowFeature = { type: "attribute", key: "coupon.id", value: "FLASH20" };
const cached: SlowFeature = { type: "attribute", key: "cache.hit", value: "true" };
const times = <T>(n: number, value: T) => Array.from({ length: n }, () => value);

describe("compareFeatureShares", () => {
  it("ranks what the slow requests have and the baseline lacks first, with both shares", () => {
    const slow = [...times(91, [waited, coupon, flash]), ...times(9, [coupon])];
    const baseline = [...times(3, [waited, coupon, cached]), ...times(97, [coupon, cached])];
    const differences = compareFeatureShares(slow, baseline);
    expect(differences[0]).toEqual({ feature: flash, slowShare: 0.91, baselineShare: 0 });
    expect(differences[1]).toEqual({ feature: waited, slowShare: 0.91, baselineShare: 0.03 });
    // What the slow ones lack comes after; what both have equally is no difference.
    expect(differences.at(-1)).toEqual({ feature: cached, slowShare: 0, baselineShare: 1 });
    expect(differences.some((d) => d.feature === coupon)).toBe(false);
  });

  it("on equal gaps, where the time went comes before what was there", () => {
    const differences = compareFeatureShares([[flash, waited]], [[]]);
    expect(differences.map((d) => d.feature.type)).toEqual(["waited", "attribute"]);
  });

  it("keeps small differences out, and says nothing without slow requests", () => {
    expect(compareFeatureShares([...times(95, [coupon]), ...times(5, [])], times(100, [coupon]))).toEqual([]);
    expect(compareFeatureShares([], times(10, [coupon]))).toEqual([]);
  });

  it("compares with an empty baseline as 0%", () => {
    expect(compareFeatureShares([[waited]], [])).toEqual([{ feature: waited, slowShare: 1, baselineShare: 0 }]);
  });

  it("keeps to the limit, leaving room for what the slow ones lack", () => {
    const many: SlowFeature[] = Array.from({ length: 30 }, (_, i) => ({ type: "attribute", key: "k", value: String(i) }));
    const differences = compareFeatureShares([many], [[cached]], 10);
    expect(differences).toHaveLength(10);
    expect(differences.at(-1)!.feature).toEqual(cached);
  });
});
