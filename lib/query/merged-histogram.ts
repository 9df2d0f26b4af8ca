// Histogram points of many series and steps merged into one, and percentiles read from it.
// Buckets are keyed by their upper bound (Infinity for the overflow bucket), so explicit and
// exponential histograms share one representation and series with the same layout merge
// exactly. Series with different bounds still merge (as Prometheus does when summing `le`
// buckets): each bucket's lower edge is then the next smaller bound of the union, which
// can put a percentile inside a narrower bucket than the one its counts came from.

export type BucketMap = Map<number, number>;

/** OTLP explicit buckets: counts[i] holds (bounds[i-1], bounds[i]]; the last count is above every bound. */
export function explicitBuckets(bounds: readonly number[], counts: readonly number[]): BucketMap {
  const buckets: BucketMap = new Map();
  counts.forEach((count, i) => addCount(buckets, bounds[i] ?? Infinity, count));
  return buckets;
}

export interface ExponentialHistogramData {
  scale: number;
  zeroCount: number;
  zeroThreshold: number;
  positive: { offset: number; bucketCounts: number[] };
  negative: { offset: number; bucketCounts: number[] };
}

/**
 * OTLP exponential buckets: with base = 2^(2^-scale), positive index i holds (base^i, base^(i+1)]
 * and negative index i holds [-base^(i+1), -base^i); the zero bucket holds |x| ≤ zeroThreshold.
 */
export function exponentialBuckets(data: ExponentialHistogramData): BucketMap {
  const buckets: BucketMap = new Map();
  const exponent = 2 ** -data.scale;
  const power = (index: number) => 2 ** (index * exponent);
  data.negative.bucketCounts.forEach((count, k) => addCount(buckets, -power(data.negative.offset + k), count));
  addCount(buckets, data.zeroThreshold, data.zeroCount);
  data.positive.bucketCounts.forEach((count, k) => addCount(buckets, power(data.positive.offset + k + 1), count));
  return buckets;
}

export function addBuckets(target: BucketMap, source: BucketMap): void {
  for (const [upper, count] of source) addCount(target, upper, count);
}

/** Bucket-wise difference of two cumulative points; null (a reset) when any bucket went down. */
export function diffBuckets(previous: BucketMap, current: BucketMap): BucketMap | null {
  const delta: BucketMap = new Map();
  for (const [upper, count] of current) {
    const change = count - (previous.get(upper) ?? 0);
    if (change < 0) return null;
    // Empty buckets stay: their bounds are the lower edges of the buckets above them.
    delta.set(upper, change);
  }
  // A bucket that vanished means a new layout (an SDK rescaled), not fewer observations.
  for (const [upper, count] of previous) if (count > 0 && !current.has(upper)) return null;
  return delta;
}

/**
 * The q-quantile (0..1), interpolating linearly inside the bucket that holds it. The lowest
 * bucket starts at 0 (or at its own bound when that is negative) and the overflow bucket reports
 * the highest finite bound, unless the observed min/max are known: they bound both ends.
 */
export function bucketQuantile(buckets: BucketMap, q: number, observed: { min?: number | null; max?: number | null } = {}): number | null {
  const entries = [...buckets.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => a - b);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.min(Math.max(q, 0), 1) * total;
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  let seen = 0;
  for (const [upper, count] of entries) {
    if (seen + count >= rank) {
      const below = bounds.filter((b) => b < upper).at(-1);
      const lower = below ?? observed.min ?? (upper > 0 ? 0 : upper);
      const top = upper === Infinity ? (observed.max ?? lower) : upper;
      const value = lower + (top - lower) * ((rank - seen) / count);
      return clamp(value, observed.min ?? -Infinity, observed.max ?? Infinity);
    }
    seen += count;
  }
  return null;
}

function addCount(buckets: BucketMap, upper: number, count: number) {
  if (count !== 0 || !buckets.has(upper)) buckets.set(upper, (buckets.get(upper) ?? 0) + count);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
