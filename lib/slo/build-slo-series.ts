import { burnRate, errorBudgetShare } from "./burn-rate";

// The SLO page's two curves from per-bucket counts. Pure: rows in, points out.
//  - burn: each bucket's burn rate (null for a bucket without requests);
//  - budget: the error budget left after each bucket, as a burndown over the chart's window —
//    the budget is (1 - target) of all the window's requests, so the curve starts at 100, only
//    falls, and ends at the window's budget remaining (the headline number).

export interface SloBucketRow {
  /** bucket index from the first bucket */
  b: number;
  bad: number;
  total: number;
}

/** Buckets of whole minutes or hours, so a window's bucket count stays about 200 or fewer. */
const BUCKET_MINUTES = [1, 5, 15, 30, 60, 180, 360, 720, 1_440, 2_880];
export const MAX_SLO_BUCKETS = 200;

export function sloBucketMs(windowMs: number): number {
  const minutes = BUCKET_MINUTES.find((m) => windowMs / (m * 60_000) <= MAX_SLO_BUCKETS) ?? BUCKET_MINUTES.at(-1)!;
  return minutes * 60_000;
}

export function buildSloSeries(rows: SloBucketRow[], input: { firstMs: number; bucketMs: number; count: number; targetPercent: number }) {
  const bad = new Array<number>(input.count).fill(0);
  const total = new Array<number>(input.count).fill(0);
  for (const row of rows) {
    if (row.b < 0 || row.b >= input.count) continue;
    bad[row.b]! += row.bad;
    total[row.b]! += row.total;
  }
  const allBad = bad.reduce((a, b) => a + b, 0);
  const allTotal = total.reduce((a, b) => a + b, 0);
  const allowed = allTotal * errorBudgetShare(input.targetPercent);
  let spent = 0;
  const burn: [number, number | null][] = [];
  const budget: [number, number | null][] = [];
  for (let i = 0; i < input.count; i++) {
    const t = input.firstMs + i * input.bucketMs;
    spent += bad[i]!;
    burn.push([t, burnRate(bad[i]!, total[i]!, input.targetPercent)]);
    budget.push([t, allowed > 0 ? (1 - spent / allowed) * 100 : null]);
  }
  return { burn, budget, bad: allBad, total: allTotal, allowed };
}
