import { ApiError } from "@/lib/http/api-error";
import { queryMetricSeries } from "@/lib/query/query-metric-series";
import type { AlertCondition, AlertSource } from "../schemas";
import type { Db, SourceValue } from "./source-value";

// A metric query, as the explorer runs it (lib/query/query-metric-series.ts, the code behind
// GET /api/v1/metrics/query) over the rule's window at one-minute steps; the points of each
// series are reduced to one number by the rule's reducer. With groupBy, each group is reduced
// on its own and the rule takes the worst group (the highest for `above`, the lowest for
// `below`) and names it: one alert instance per rule, the group that would page first.

type MetricSource = Extract<AlertSource, { kind: "metric" }>;

export async function evaluateMetric(db: Db, source: MetricSource, condition: AlertCondition, nowMs: number): Promise<SourceValue> {
  const filter = source.filter.map((pair) => {
    const at = pair.indexOf("=");
    return { key: pair.slice(0, at), value: pair.slice(at + 1) };
  });
  let answer;
  try {
    answer = await queryMetricSeries(db, {
      name: source.name,
      filter,
      agg: source.agg,
      groupBy: source.groupBy,
      fromMs: nowMs - source.windowSeconds * 1_000,
      toMs: nowMs,
      stepSeconds: 60,
      sampling: "off",
    });
  } catch (error) {
    if (error instanceof ApiError) return { value: null, error: error.message };
    throw error;
  }
  const subject = `${answer.agg} of ${source.name}`;
  if (!answer.type) return { value: null, subject, error: `no metric named ${source.name}${filter.length ? " with these labels" : ""}` };
  let worst: { value: number; labels: Record<string, string> } | null = null;
  for (const series of answer.series) {
    const value = reduce(series.points.map(([, v]) => v).filter(Number.isFinite), source.reducer);
    if (value === null) continue;
    if (!worst || (condition.op === "above" ? value > worst.value : value < worst.value)) worst = { value, labels: series.labels };
  }
  if (!worst) return { value: null, subject };
  const group = Object.entries(worst.labels).map(([k, v]) => `${k}=${v}`).join(", ");
  return { value: worst.value, subject: group ? `${subject} (${group})` : subject };
}

export function reduce(values: number[], reducer: MetricSource["reducer"]): number | null {
  if (!values.length) return null;
  switch (reducer) {
    case "last":
      return values[values.length - 1]!;
    case "min":
      return Math.min(...values);
    case "max":
      return Math.max(...values);
    case "avg":
      return values.reduce((a, b) => a + b, 0) / values.length;
  }
}
