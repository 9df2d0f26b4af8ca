// The fixed log-scale latency histogram every span rollup row uses. Bucket 0 holds durations
// under 1 µs; bucket i ≥ 1 holds [1 µs·2^((i-1)/4), 1 µs·2^(i/4)), so each bucket is 19% wider
// than the one before, so a percentile read from it is off by at most one bucket width (19%),
// and by about half that when durations spread evenly within the bucket; the last
// bucket (about 71 minutes and up) is open-ended. Changing these constants changes the meaning
// of stored rows: it needs a migration that rewrites span_rollups_1m.

export const BUCKET_COUNT = 130;
const BASE_NS = 1_000;
const STEPS_PER_DOUBLING = 4;

export function bucketIndex(durationNs: number): number {
  if (!(durationNs >= BASE_NS)) return 0;
  const index = Math.floor(Math.log2(durationNs / BASE_NS) * STEPS_PER_DOUBLING) + 1;
  return Math.min(index, BUCKET_COUNT - 1);
}

/** Lower bound of bucket i in nanoseconds (0 for bucket 0). */
export function bucketLowerNs(index: number): number {
  return index <= 0 ? 0 : BASE_NS * 2 ** ((index - 1) / STEPS_PER_DOUBLING);
}

/** Upper bound of bucket i in nanoseconds (the last bucket reports its lower bound × 2^(1/4)). */
export function bucketUpperNs(index: number): number {
  return BASE_NS * 2 ** (Math.max(index, 0) / STEPS_PER_DOUBLING);
}

/** Adds one duration to a histogram array, growing it as needed (trailing zeros left off). */
export function addToHistogram(histogram: number[], durationNs: number): void {
  const index = bucketIndex(durationNs);
  while (histogram.length <= index) histogram.push(0);
  histogram[index] = (histogram[index] ?? 0) + 1;
}

/**
 * The q-quantile (0..1) of the durations a histogram counts, in nanoseconds, interpolating
 * geometrically inside the bucket that holds it (durations are spread evenly on a log scale
 * within a bucket). Null for an empty histogram.
 */
export function histogramQuantileNs(histogram: ArrayLike<number>, q: number): number | null {
  let total = 0;
  for (let i = 0; i < histogram.length; i++) total += histogram[i] ?? 0;
  if (total === 0) return null;
  const rank = Math.min(Math.max(q, 0), 1) * total;
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    const count = histogram[i] ?? 0;
    if (count === 0) continue;
    if (seen + count >= rank) {
      const within = count === 0 ? 0 : (rank - seen) / count;
      if (i === 0) return bucketUpperNs(0) * within;
      const lower = bucketLowerNs(i);
      return lower * (bucketUpperNs(i) / lower) ** within;
    }
    seen += count;
  }
  return bucketUpperNs(histogram.length - 1);
}
