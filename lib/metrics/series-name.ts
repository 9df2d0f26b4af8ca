import type { MetricQuerySpec } from "./metric-query-spec";

/**
 * The legend name of one chart series: the query's label (or its metric name and aggregation)
 * followed by the series' group-by labels, e.g. `A · p95 http.server.request.duration {service.name=cart}`.
 * The query's letter leads so two queries on the same metric stay apart.
 */
export function seriesName(letter: string, spec: MetricQuerySpec, agg: string, labels: Record<string, string>): string {
  const base = spec.label ? spec.label : `${agg} ${spec.name}`;
  const pairs = Object.entries(labels).map(([key, value]) => `${key}=${value}`);
  return `${letter} · ${base}${pairs.length ? ` {${pairs.join(", ")}}` : ""}`;
}

/** Query letters: A…Z, then A1, B1, … (the explorer caps the count well before). */
export function queryLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${letter}${Math.floor(index / 26)}`;
}
