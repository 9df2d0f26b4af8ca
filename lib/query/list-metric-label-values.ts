import type pg from "pg";
import { SERVICE_LABEL, type MetricLabelsResponse } from "@/lib/schemas/metrics";

// Distinct values of one label of one metric, for filter pickers. `service.name` is the series'
// resource service; every other key is a point attribute (numbers and booleans as text).

type Queryable = Pick<pg.Pool, "query">;

export const MAX_LABEL_VALUES = 1000;

export async function listMetricLabelValues(db: Queryable, input: { name: string; key: string }): Promise<MetricLabelsResponse> {
  const { rows } = await db.query<{ value: string }>(
    input.key === SERVICE_LABEL
      ? `SELECT DISTINCT service_name AS value FROM metric_series WHERE name = $1 ORDER BY 1 LIMIT $2`
      : `SELECT DISTINCT attributes ->> $3::text AS value FROM metric_series WHERE name = $1 AND attributes ->> $3::text IS NOT NULL ORDER BY 1 LIMIT $2`,
    input.key === SERVICE_LABEL ? [input.name, MAX_LABEL_VALUES] : [input.name, MAX_LABEL_VALUES, input.key],
  );
  return { name: input.name, key: input.key, values: rows.map((row) => row.value) };
}
