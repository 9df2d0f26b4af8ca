import type { TraceSearchLink } from "@/lib/client/trace-link";
import { MAX_SEARCH_TRACE_IDS } from "@/lib/schemas/traces";
import { SERVICE_LABEL, type MetricExemplar, type MetricType } from "@/lib/schemas/metrics";
import type { MetricQuerySpec } from "./metric-query-spec";

// Where a click on a metric chart leads: the trace search for the clicked bucket, narrowed to
// the service the chart is about when that is one service (a service.name filter, or every
// drawn series of one service), slowest first for a duration histogram. Where exemplars were
// recorded in the bucket, those exact traces are offered (the search's "chosen traces" filter,
// which one click removes to see all of the bucket's traces).

export interface LinkedQuery {
  spec: Pick<MetricQuerySpec, "filter">;
  type: MetricType | null;
  unit: string;
  /** Labels of the drawn series that have a point in the clicked bucket. */
  seriesLabels: Record<string, string>[];
}

const DURATION_UNITS = new Set(["ns", "us", "µs", "ms", "s", "min", "h"]);

export function metricTraceLink(window: { fromMs: number; toMs: number }, queries: LinkedQuery[], exemplars: readonly MetricExemplar[] = []): TraceSearchLink {
  const services = new Set<string>();
  let unknown = false;
  for (const query of queries) {
    const filtered = query.spec.filter.find((condition) => condition.startsWith(`${SERVICE_LABEL}=`));
    if (filtered) {
      services.add(filtered.slice(SERVICE_LABEL.length + 1));
      continue;
    }
    for (const labels of query.seriesLabels) {
      const service = labels[SERVICE_LABEL];
      if (service === undefined) unknown = true;
      else services.add(service);
    }
  }
  const service = !unknown && services.size === 1 ? [...services][0] : undefined;
  const durationHistogram = queries.some((q) => (q.type === "histogram" || q.type === "exponential_histogram") && DURATION_UNITS.has(q.unit));
  const inWindow = exemplars.filter((e) => e.timeMs >= window.fromMs && e.timeMs < window.toMs && (!service || e.labels[SERVICE_LABEL] === service));
  const traceIds = [...new Set([...inWindow].sort((a, b) => b.value - a.value).map((e) => e.traceId))].slice(0, MAX_SEARCH_TRACE_IDS);
  return {
    fromMs: window.fromMs,
    toMs: window.toMs,
    ...(service ? { service } : {}),
    ...(durationHistogram ? { sort: "duration" as const } : {}),
    ...(traceIds.length ? { traceIds } : {}),
  };
}
