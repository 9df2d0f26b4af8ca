import { z } from "zod";
import { METRIC_AGGS } from "@/lib/schemas/metrics";

// One metric query as the explorer, dashboard panels and links store it: the same fields as
// GET /api/v1/metrics/query (minus the window, which is the page's), plus how to draw it.
// Shared by the metrics explorer (URL state) and dashboards (stored panels), so a query built in
// one opens unchanged in the other.

export const METRIC_CHART_KINDS = ["line", "area", "bar", "heatmap"] as const;
export type MetricChartKind = (typeof METRIC_CHART_KINDS)[number];

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const metricQuerySpecSchema = z.object({
  /** Metric name as stored. */
  name: text(255),
  /** `key=value` label conditions, ANDed (the API's `filter`). */
  filter: z.array(text(1_000).regex(/^[^=]+=/, "must be key=value")).max(20).default([]),
  /** Absent: the API's default for the metric's type. */
  agg: z.enum(METRIC_AGGS).optional(),
  groupBy: z.array(text(255)).max(5).default([]),
  chart: z.enum(METRIC_CHART_KINDS).default("line"),
  /** Legend name; absent: the metric name and the series' labels. */
  label: z.string().trim().max(200).optional(),
});

export type MetricQuerySpec = z.infer<typeof metricQuerySpecSchema>;
