import type { JobRun } from "./schemas";

// Batch-job runs of a service that reports them only as metrics, pure: the counter
// `*.batch_job.runs{job.name,outcome}` says how many runs ended between two of its points, and
// the histogram `*.batch_job.duration` of the same labels how long they took in total.
//   - cumulative series: each increase of n between two points is n runs ending in that
//     interval; a drop or a new start time is a reset (the process restarted), after which the
//     point's whole value counts, as Prometheus' increase() counts it;
//   - delta series: each point is its own increase, over (its start, its time];
//   - a series' first point has no predecessor: its value counts only when the counter started
//     at or after `sinceMs` (the earliest instant read), else it is the baseline.
// The n runs of one interval are spread evenly over it, the last ending at the point: metrics do
// not say when within the interval each ended, and n runs at one instant would make the job's
// median interval 0.

export interface CumulativePoint {
  timeMs: number;
  /** the series' start time (OTLP start_time_unix_nano), null when the sender did not set it */
  startMs: number | null;
  /** the counter's value, or a histogram's [count, sum] */
  totals: number[];
}

export interface Increase {
  /** the interval is (afterMs, endMs] */
  afterMs: number;
  endMs: number;
  /** per total: how much it grew in the interval */
  deltas: number[];
}

export function increasesOf(points: CumulativePoint[], cumulative: boolean, sinceMs: number): Increase[] {
  const increases: Increase[] = [];
  points.forEach((point, i) => {
    const prev = i > 0 ? points[i - 1]! : null;
    if (!cumulative) {
      increases.push({ afterMs: point.startMs ?? prev?.timeMs ?? point.timeMs, endMs: point.timeMs, deltas: point.totals });
      return;
    }
    if (!prev) {
      if (point.startMs !== null && point.startMs >= sinceMs) increases.push({ afterMs: point.startMs, endMs: point.timeMs, deltas: point.totals });
      return;
    }
    const restarted = (point.startMs !== null && prev.startMs !== null && point.startMs !== prev.startMs) || (point.totals[0] ?? 0) < (prev.totals[0] ?? 0);
    const deltas = restarted ? point.totals : point.totals.map((total, k) => total - (prev.totals[k] ?? 0));
    const afterMs = restarted && point.startMs !== null ? Math.max(point.startMs, prev.timeMs) : prev.timeMs;
    increases.push({ afterMs, endMs: point.timeMs, deltas });
  });
  return increases.filter((increase) => (increase.deltas[0] ?? 0) > 0);
}

/** Milliseconds per unit of a duration histogram; null for a unit that is not a time. "" is read as seconds, the OpenTelemetry convention. */
export function millisPerUnit(unit: string): number | null {
  const scale: Record<string, number> = { "": 1_000, s: 1_000, ms: 1, us: 0.001, "µs": 0.001, ns: 0.000_001, min: 60_000 };
  return scale[unit] ?? null;
}

/** A counter that jumps by more (a bug, or a sender's first export after a long time) is not spelled out run by run. */
const MAX_RUNS_PER_INCREASE = 10_000;

const SUCCESS_OUTCOMES = new Set(["success", "succeeded", "ok"]);

/** A run's outcome from the counter's `outcome` label: anything but a success word is a failure. */
export const outcomeOf = (label: string): JobRun["outcome"] => (SUCCESS_OUTCOMES.has(label.toLowerCase()) ? "success" : "failure");

/**
 * The runs of one counter series, oldest first: its increases, each paired with the duration
 * histogram's increase ending at the same instant (the SDK exports both together), whose mean
 * (sum / count) is every run's duration in that interval; unknown without one.
 */
export function runsFromIncreases(runs: Increase[], durations: Increase[], outcome: JobRun["outcome"], msPerUnit: number | null): JobRun[] {
  const durationAt = new Map(durations.map((d) => [d.endMs, d]));
  return runs.flatMap((increase) => {
    const n = Math.min(Math.round(increase.deltas[0]!), MAX_RUNS_PER_INCREASE);
    const d = durationAt.get(increase.endMs);
    const [count, sum] = d ? [d.deltas[0] ?? 0, d.deltas[1]] : [0, undefined];
    const durationMs = msPerUnit !== null && count > 0 && sum !== undefined && Number.isFinite(sum) ? Math.max(0, (sum / count) * msPerUnit) : null;
    const spacing = (increase.endMs - increase.afterMs) / n;
    return Array.from({ length: n }, (_, k): JobRun => {
      const endMs = increase.endMs - (n - 1 - k) * spacing;
      return {
        traceId: null,
        spanId: null,
        startMs: durationMs === null ? endMs : endMs - durationMs,
        durationMs,
        outcome,
        attempt: 1,
        error: null,
      };
    });
  });
}
