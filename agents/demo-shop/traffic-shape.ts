// The shape of the shop's traffic: a day with a quiet night, a morning rise, a lunch bump and an
// evening peak (local time of the machine, so a viewer sees the shape they live in), Poisson
// arrivals around that rate, and the mix of things shoppers do.

const HOURS = 24;
const PEAKS = [
  { hour: 9, width: 1.5, height: 0.5 },
  { hour: 12.5, width: 1.8, height: 0.9 },
  { hour: 20, width: 2.2, height: 1.5 },
];
const NIGHT_FLOOR = 0.2;

function rawShape(hour: number): number {
  let value = NIGHT_FLOOR;
  for (const peak of PEAKS) {
    const distance = Math.min(Math.abs(hour - peak.hour), HOURS - Math.abs(hour - peak.hour)); // wraps at midnight
    value += peak.height * Math.exp(-(distance * distance) / (2 * peak.width * peak.width));
  }
  return value;
}

// Normalised so the multiplier averages 1 over a day: `rate` is then the daily mean rate.
const MEAN = Array.from({ length: HOURS * 60 }, (_, minute) => rawShape(minute / 60)).reduce((a, b) => a + b, 0) / (HOURS * 60);

/** How busy the shop is at this moment relative to its daily average (about 0.2 to 2). */
export function dailyRateMultiplier(at: Date): number {
  const hour = at.getHours() + at.getMinutes() / 60 + at.getSeconds() / 3600;
  return rawShape(hour) / MEAN;
}

/** Milliseconds to the next arrival of a Poisson process at `ratePerSecond`; `u` uniform in [0, 1). */
export function nextArrivalDelayMs(ratePerSecond: number, u: number): number {
  if (ratePerSecond <= 0) return Number.POSITIVE_INFINITY;
  return (-Math.log(1 - u) / ratePerSecond) * 1000;
}

export type RequestKind = "browse" | "product" | "cart" | "coupon" | "checkout" | "my-orders" | "cancel";

/** Share of each request kind; browsing dominates, as in any shop. */
export const REQUEST_MIX: readonly (readonly [RequestKind, number])[] = [
  ["browse", 0.22],
  ["product", 0.2],
  ["cart", 0.18],
  ["coupon", 0.08],
  ["checkout", 0.22],
  ["my-orders", 0.08],
  ["cancel", 0.02],
];

/** The request kind for a uniform `u` in [0, 1). */
export function pickRequestKind(u: number): RequestKind {
  let acc = 0;
  for (const [kind, share] of REQUEST_MIX) {
    acc += share;
    if (u < acc) return kind;
  }
  return REQUEST_MIX[REQUEST_MIX.length - 1]![0];
}

/** A small seeded PRNG (mulberry32), so tests replay the same sequence of shoppers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
