import type { MetricQuerySpec } from "./metric-query-spec";

// A stored query as the metrics API's query string: the spec's fields keep the API's names
// (`filter` and `groupBy` repeated), the window is the page's.

export interface MetricWindow {
  fromMs: number;
  toMs: number;
}

/** Parameters of GET /api/v1/metrics/query for one spec over a window. */
export function seriesRequestParams(spec: MetricQuerySpec, window: MetricWindow, stepSeconds?: number): URLSearchParams {
  const params = windowParams(spec, window);
  if (spec.agg) params.set("agg", spec.agg);
  for (const key of spec.groupBy) params.append("groupBy", key);
  if (stepSeconds !== undefined) params.set("step", String(stepSeconds));
  return params;
}

/** Parameters of the heatmap and exemplar endpoints: the metric, its filters and the window. */
export function windowParams(spec: Pick<MetricQuerySpec, "name" | "filter">, window: MetricWindow): URLSearchParams {
  const params = new URLSearchParams({ name: spec.name });
  for (const condition of spec.filter) params.append("filter", condition);
  params.set("from", String(window.fromMs));
  params.set("to", String(window.toMs));
  return params;
}
