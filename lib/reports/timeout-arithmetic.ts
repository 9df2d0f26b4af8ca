import type { RequestCounts } from "./schemas";

// The report's small sums, apart from SQL so fixed fixtures can check them: rates against the
// baseline, when it is over, money per currency, and the round threshold a sentence quotes.

export function requestCounts(requests: number, timedOut: number): RequestCounts {
  return { requests, timedOut, rate: requests > 0 ? timedOut / requests : null };
}

/**
 * The usual rate is the mean of the baselines (a day and a week earlier) that had traffic; the
 * ratio says "5× the usual rate". A usual rate of zero gives no ratio: "N× of nothing" is not a
 * number a reader can use, and the page says "none at this time before" instead.
 */
export function compareToBaseline(current: RequestCounts, baselines: RequestCounts[]): { usualRate: number | null; ratio: number | null } {
  const rates = baselines.flatMap((b) => (b.rate === null ? [] : [b.rate]));
  if (rates.length === 0) return { usualRate: null, ratio: null };
  const usualRate = rates.reduce((sum, r) => sum + r, 0) / rates.length;
  const ratio = usualRate > 0 && current.rate !== null ? current.rate / usualRate : null;
  return { usualRate, ratio };
}

/** How long without a timeout at the end of the window counts as over: 5 minutes, or a quarter of a shorter window. */
export function quietPeriodMs(windowMs: number): number {
  return Math.min(5 * 60_000, Math.max(60_000, Math.floor(windowMs / 4)));
}

/** Over when the last timed-out request ended at least quietMs before the window's end; null without any. */
export function isOver(lastTimeoutMs: number | null, windowEndMs: number, quietMs: number): boolean | null {
  if (lastTimeoutMs === null) return null;
  return windowEndMs - lastTimeoutMs >= quietMs;
}

export interface PricedOrder {
  amount: number | null;
  currency: string | null;
}

export interface CurrencyTotal {
  currency: string;
  amount: number;
  orders: number;
}

/**
 * Sums per currency over distinct orders (the caller passes each order once); orders without an
 * amount or currency are left out rather than guessed. Amounts are rounded to cents at the end
 * so 0.1 + 0.2 reads 0.3. Largest total first, then by currency code.
 */
export function moneyByCurrency(orders: Iterable<PricedOrder>): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const { amount, currency } of orders) {
    if (amount === null || !Number.isFinite(amount) || !currency) continue;
    const code = currency.toUpperCase();
    const total = totals.get(code) ?? { currency: code, amount: 0, orders: 0 };
    total.amount += amount;
    total.orders++;
    totals.set(code, total);
  }
  return [...totals.values()]
    .map((t) => ({ ...t, amount: Math.round(t.amount * 100) / 100 }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
}

const NICE_MULTIPLIERS = [1, 2, 3, 5];

/** The largest of 1, 2, 3, 5 × 10^k milliseconds not above `ms` (3,040 → 3,000; 740 → 500); 0 for ≤ 0. */
export function niceFloorMs(ms: number): number {
  if (!(ms >= 1)) return 0;
  const power = 10 ** Math.floor(Math.log10(ms));
  const multiplier = [...NICE_MULTIPLIERS].reverse().find((m) => m * power <= ms) ?? 1;
  return multiplier * power;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Up to `count` items spread evenly over a list (first and last included), so a sample spans the whole period. */
export function spreadSample<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  if (count <= 1) return items.slice(0, count);
  return Array.from({ length: count }, (_, k) => items[Math.round((k * (items.length - 1)) / (count - 1))]!);
}
