import { ApiError } from "@/lib/http/api-error";
import { metricKind, TEMPORALITY } from "@/lib/query/metric-kind";
import { findSeries, MIN_LOOKBACK_MS, seriesLabels, type Queryable } from "@/lib/query/query-metric-series";
import { readMetricPoints, readSampledMetricPoints, shouldSample } from "@/lib/query/read-metric-points";
import { chooseStep } from "@/lib/query/step-buckets";
import type { MetricHeatmapResponse } from "@/lib/schemas/metrics";
import { buildMetricHeatmap } from "./build-metric-heatmap";

// One histogram metric, filtered, as heatmap cells: the same series selection and point reads
// as the metric query (so a heatmap and a percentile line of one query agree), merged per step
// by the pure buildMetricHeatmap.

export interface MetricHeatmapInput {
  name: string;
  filter?: { key: string; value: string }[] | undefined;
  fromMs: number;
  toMs: number;
  stepSeconds?: number | undefined;
}

export async function queryMetricHeatmap(db: Queryable, input: MetricHeatmapInput): Promise<MetricHeatmapResponse> {
  const { stepSeconds: step, requestedSeconds: requestedStep } = chooseStep(input.stepSeconds, input.fromMs, input.toMs, 1);
  const stepMs = step * 1_000;
  const rows = await findSeries(db, input);
  const first = rows[0];
  if (!first) return { name: input.name, type: null, unit: "", step, requestedStep, upperBounds: [], cells: [] };
  const kinds = rows.map((row) => metricKind(row.type, row.temporality, row.is_monotonic));
  const other = kinds.find((kind) => kind !== "histogram");
  if (other) throw new ApiError("bad_request", `name: ${input.name} is a ${other} metric; a heatmap needs a histogram`);

  const fetchedFromMs = input.fromMs - Math.max(stepMs, MIN_LOOKBACK_MS);
  const ids = rows.map((row) => row.id);
  // As the metric query: cumulative histograms over long windows read one point per step (exact).
  const samplable = rows.every((row) => row.temporality !== TEMPORALITY.delta) && shouldSample(stepMs, ids.length, fetchedFromMs, input.toMs);
  const points = samplable ? await readSampledMetricPoints(db, ids, fetchedFromMs, input.toMs, stepMs) : await readMetricPoints(db, ids, fetchedFromMs, input.toMs);
  const heatmap = buildMetricHeatmap(
    rows.map((row) => ({ labels: seriesLabels(row), kind: "histogram", cumulative: row.temporality === TEMPORALITY.cumulative, points: points.get(row.id) ?? [] })),
    { fromMs: input.fromMs, toMs: input.toMs, stepMs, fetchedFromMs },
  );
  return {
    name: input.name,
    type: first.type,
    unit: first.unit,
    step,
    requestedStep,
    upperBounds: heatmap.upperBounds.map((bound) => (Number.isFinite(bound) ? bound : null)),
    cells: heatmap.cells,
  };
}
