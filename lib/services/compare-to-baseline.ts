import type { Baseline, HealthReason, HealthStatus, RedStats } from "./schemas";

// Whether a service is healthy compared with itself: the same window a day and a week earlier.
// Each metric is judged against each baseline that had enough traffic, and the milder verdict
// of the two wins, so one unusual day (yesterday's incident, last week's holiday) neither hides
// nor invents a regression on its own. Without any usable baseline (a new service), only
// absolute error shares count. Guards keep a quiet service from turning red: too few requests
// now means no verdict on errors or latency, and a change must be large in absolute terms too
// (1 ms → 2 ms is "twice as slow" but nobody's problem).

/** Fewer requests than this in the window: errors and latency are not judged. */
export const MIN_REQUESTS = 30;
/** A baseline with fewer requests than this is not compared with. */
export const MIN_BASELINE_REQUESTS = 30;
const MIN_ERRORS = { warn: 3, bad: 5 };
const MIN_LATENCY_INCREASE_MS = 5;

export interface BaselineVerdict {
  status: HealthStatus;
  lowTraffic: boolean;
  reasons: HealthReason[];
}

type Level = "ok" | "warn" | "bad";
type Judge = (current: RedStats, previous: RedStats) => { level: Level; current: number; previous: number } | null;

const RANK: Record<Level, number> = { ok: 0, warn: 1, bad: 2 };

const judgeErrors: Judge = (current, previous) => {
  if (current.errorRate === null || previous.errorRate === null) return null;
  const now = current.errorRate;
  const before = previous.errorRate;
  const level: Level =
    current.errors >= MIN_ERRORS.bad && now >= Math.max(2 * before, before + 0.05) ? "bad" : current.errors >= MIN_ERRORS.warn && now >= Math.max(1.5 * before, before + 0.01) ? "warn" : "ok";
  return { level, current: now, previous: before };
};

const judgeLatency: Judge = (current, previous) => {
  if (current.p95 === null || previous.p95 === null) return null;
  const increase = current.p95 - previous.p95;
  const level: Level = increase < MIN_LATENCY_INCREASE_MS ? "ok" : current.p95 >= 2 * previous.p95 ? "bad" : current.p95 >= 1.3 * previous.p95 ? "warn" : "ok";
  return { level, current: current.p95, previous: previous.p95 };
};

/** A drop in traffic: the service may be down, or its callers cannot reach it. */
const judgeRate: Judge = (current, previous) => {
  const level: Level = current.rate <= 0.2 * previous.rate ? "bad" : current.rate <= 0.5 * previous.rate ? "warn" : "ok";
  return { level, current: current.rate, previous: previous.rate };
};

const judgeTimeouts: Judge = (current, previous) => {
  if (current.count === 0) return null;
  const now = current.timeouts / current.count;
  const before = previous.count > 0 ? previous.timeouts / previous.count : 0;
  const level: Level = current.timeouts >= MIN_ERRORS.warn && now >= Math.max(2 * before, before + 0.005) ? "warn" : "ok";
  return { level, current: now, previous: before };
};

const JUDGES: { metric: HealthReason["metric"]; judge: Judge; needsTraffic: boolean }[] = [
  { metric: "errorRate", judge: judgeErrors, needsTraffic: true },
  { metric: "p95", judge: judgeLatency, needsTraffic: true },
  { metric: "timeoutRate", judge: judgeTimeouts, needsTraffic: true },
  // A drop to zero is what a quiet-now service looks like, so the rate is judged regardless.
  { metric: "rate", judge: judgeRate, needsTraffic: false },
];

export function compareToBaseline(current: RedStats, baselines: Partial<Record<Baseline, RedStats | null>>): BaselineVerdict {
  const lowTraffic = current.count < MIN_REQUESTS;
  const usable = (Object.entries(baselines) as [Baseline, RedStats | null][]).filter(
    (entry): entry is [Baseline, RedStats] => entry[1] !== null && entry[1].count >= MIN_BASELINE_REQUESTS,
  );
  const reasons: HealthReason[] = [];
  if (usable.length === 0) {
    if (!lowTraffic && current.errorRate !== null && current.errors >= MIN_ERRORS.warn) {
      const level = current.errorRate >= 0.1 && current.errors >= MIN_ERRORS.bad ? "bad" : current.errorRate >= 0.02 ? "warn" : null;
      if (level) reasons.push({ metric: "errorRate", level, baseline: null, current: current.errorRate, previous: null });
    }
    return { status: worst(reasons), lowTraffic, reasons };
  }
  for (const { metric, judge, needsTraffic } of JUDGES) {
    if (needsTraffic && lowTraffic) continue;
    let mildest: (HealthReason & { rank: number }) | null = null;
    for (const [baseline, previous] of usable) {
      const verdict = judge(current, previous);
      if (!verdict) continue;
      const rank = RANK[verdict.level];
      if (mildest === null || rank < mildest.rank) {
        mildest = { metric, level: verdict.level === "ok" ? "warn" : verdict.level, baseline, current: verdict.current, previous: verdict.previous, rank };
      }
    }
    if (mildest && mildest.rank > 0) {
      const { rank: _rank, ...reason } = mildest;
      reasons.push(reason);
    }
  }
  return { status: worst(reasons), lowTraffic, reasons };
}

function worst(reasons: HealthReason[]): HealthStatus {
  return reasons.some((r) => r.level === "bad") ? "bad" : reasons.length > 0 ? "warn" : "ok";
}

const STATUS_RANK: Record<HealthStatus, number> = { bad: 2, warn: 1, ok: 0 };

/** Worst first: status, then services with enough traffic to judge, then error share, then traffic. */
export function compareHealth(a: { status: HealthStatus; lowTraffic: boolean; stats: RedStats }, b: { status: HealthStatus; lowTraffic: boolean; stats: RedStats }): number {
  return (
    STATUS_RANK[b.status] - STATUS_RANK[a.status] ||
    Number(a.lowTraffic) - Number(b.lowTraffic) ||
    (b.stats.errorRate ?? 0) - (a.stats.errorRate ?? 0) ||
    b.stats.rate - a.stats.rate
  );
}
