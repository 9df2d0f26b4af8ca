import type { MetricQuerySpec } from "./metric-query-spec";

/**
 * The legend name of one chart series, short enough for a legend row: the query's letter (the
 * editor above says which metric it is) and the series' group-by values, e.g. `A: cart`; the
 * query's label, or its aggregation and metric, when it is not grouped (`A: p95 http.server.request.duration`).
 * A label the user wrote leads grouped names too (`Latency: cart`).
 */
export function seriesName(letter: string, spec: MetricQuerySpec, agg: string, labels: Record<string, string>): string {
  const values = Object.values(labels);
  if (values.length > 0) return `${spec.label || letter}: ${values.join(", ")}`;
  return `${letter}: ${spec.label || `${agg} ${spec.name}`}`;
}

/** Query letters: A…Z, then A1, B1, … (the explorer caps the count well before). */
export function queryLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : `${letter}${Math.floor(index / 26)}`;
}
