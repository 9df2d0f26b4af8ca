import { featureId } from "./request-features";
import type { SlowDifference, SlowFeature } from "./schemas";

// BubbleUp's comparison: for every feature seen, the share of slow requests that have it and
// the share of baseline requests that have it; the features whose shares differ most are what
// sets the slow requests apart. Over-represented in the slow ones first (the likely causes),
// then the most under-represented (what the slow ones lack, e.g. a cache that was skipped).

/** A difference smaller than this is noise in samples of a few hundred requests. */
export const MIN_DIFFERENCE = 0.1;

export function compareFeatureShares(slow: readonly SlowFeature[][], baseline: readonly SlowFeature[][], limit = 15): SlowDifference[] {
  if (slow.length === 0) return [];
  const counts = new Map<string, { feature: SlowFeature; slow: number; baseline: number }>();
  const count = (requests: readonly SlowFeature[][], side: "slow" | "baseline") => {
    for (const features of requests) {
      for (const feature of features) {
        const id = featureId(feature);
        let entry = counts.get(id);
        if (!entry) counts.set(id, (entry = { feature, slow: 0, baseline: 0 }));
        entry[side] += 1;
      }
    }
  };
  count(slow, "slow");
  count(baseline, "baseline");
  const differences = [...counts.values()].map((entry) => ({
    feature: entry.feature,
    slowShare: entry.slow / slow.length,
    baselineShare: baseline.length ? entry.baseline / baseline.length : 0,
  }));
  const gap = (d: SlowDifference) => d.slowShare - d.baselineShare;
  // Ties: a feature that says where the time went before one that only says what was there.
  const weight: Record<SlowFeature["type"], number> = { waited: 0, error: 1, operation: 2, attribute: 3, service: 4, kind: 5 };
  const byGap = (a: SlowDifference, b: SlowDifference) => Math.abs(gap(b)) - Math.abs(gap(a)) || weight[a.feature.type] - weight[b.feature.type] || featureId(a.feature).localeCompare(featureId(b.feature));
  const over = differences.filter((d) => gap(d) >= MIN_DIFFERENCE).sort(byGap);
  const under = differences.filter((d) => -gap(d) >= MIN_DIFFERENCE).sort(byGap);
  const overCount = Math.min(over.length, Math.max(limit - Math.min(under.length, 3), Math.ceil(limit / 2)));
  return [...over.slice(0, overCount), ...under.slice(0, limit - overCount)];
}
