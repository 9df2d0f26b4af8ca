import type pg from "pg";
import type { MetricListResponse, MetricType } from "@/lib/schemas/metrics";
import { SERVICE_LABEL } from "@/lib/schemas/metrics";
import { TEMPORALITY } from "./metric-kind";

// Metric names with their type, unit and label keys, from metric_series (one row per distinct
// label set and resource: small next to the points).

type Queryable = Pick<pg.Pool, "query">;

interface Row {
  name: string;
  type: MetricType;
  unit: string;
  description: string;
  temporality: number;
  is_monotonic: boolean;
  series_count: number;
  label_keys: string[];
}

const TEMPORALITY_NAMES = { [TEMPORALITY.unspecified]: "unspecified", [TEMPORALITY.delta]: "delta", [TEMPORALITY.cumulative]: "cumulative" } as const;

export async function listMetrics(db: Queryable, filter: { service?: string | undefined } = {}): Promise<MetricListResponse> {
  const { rows } = await db.query<Row>(
    `SELECT s.name, s.type, s.unit, max(s.description) AS description, max(s.temporality)::int AS temporality,
            bool_or(s.is_monotonic) AS is_monotonic, count(DISTINCT s.id)::int AS series_count,
            array_remove(array_agg(DISTINCT k.key), NULL) AS label_keys
       FROM metric_series s
       LEFT JOIN LATERAL jsonb_object_keys(s.attributes) AS k(key) ON true
      WHERE $1::text IS NULL OR s.service_name = $1::text
      GROUP BY s.name, s.type, s.unit
      ORDER BY s.name, s.type, s.unit`,
    [filter.service ?? null],
  );
  return {
    metrics: rows.map((row) => ({
      name: row.name,
      type: row.type,
      unit: row.unit,
      description: row.description,
      temporality: TEMPORALITY_NAMES[row.temporality as keyof typeof TEMPORALITY_NAMES] ?? "unspecified",
      isMonotonic: row.is_monotonic,
      labelKeys: [...new Set([...row.label_keys, SERVICE_LABEL])].sort(),
      seriesCount: row.series_count,
    })),
  };
}
