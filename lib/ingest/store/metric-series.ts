import type pg from "pg";
import type { MetricPointRecord } from "../otlp/model";
import { canonicalJson, hashId } from "./hash-id";
import { pgJson, pgText } from "./pg-safe";
import { resourceId } from "./upsert-resources";

// Series of metric points (a metric's name, type and label set on one resource), keyed by a hash
// of what identifies them. Both metrics writers (store-metrics.ts in the event loop,
// store-prepared-metrics.ts from a worker's rows) upsert them here; the ids this process wrote in
// the last few minutes are remembered to skip the upsert (last_seen is that coarse).

const SERIES_SEEN_TTL_MS = 5 * 60_000;
const seriesSeen = new Map<string, number>();

export function seriesId(point: MetricPointRecord): string {
  return hashId(point.name, point.type, point.unit, String(point.aggregationTemporality), String(point.isMonotonic), canonicalJson(point.attributes), resourceId(point.resource), point.scope.name);
}

/** A metric_series row, its values already made safe for PostgreSQL (pgText / pgJson). */
export interface SeriesRow {
  id: string;
  name: string;
  type: string;
  unit: string;
  description: string;
  temporality: number;
  isMonotonic: boolean;
  serviceName: string;
  /** JSON text */
  attributes: string;
  resourceId: string;
  scopeName: string | null;
}

/** One row per series of the request (in order of first appearance), described by its last point. */
export function seriesRows(points: MetricPointRecord[], ids: string[]): SeriesRow[] {
  const last = new Map<string, MetricPointRecord>();
  points.forEach((point, i) => last.set(ids[i]!, point));
  return [...last].map(([id, p]) => ({
    id,
    name: pgText(p.name),
    type: p.type,
    unit: pgText(p.unit),
    description: pgText(p.description),
    temporality: p.aggregationTemporality,
    isMonotonic: p.isMonotonic,
    serviceName: pgText(p.serviceName),
    attributes: pgJson(p.attributes),
    resourceId: resourceId(p.resource),
    scopeName: pgText(p.scope.name) || null,
  }));
}

/**
 * Upserts the series this process has not written in the last few minutes (refreshing their
 * last_seen and description); returns their ids, to pass to rememberSeries once committed.
 */
export async function upsertSeriesRows(client: pg.ClientBase, all: SeriesRow[]): Promise<string[]> {
  const now = Date.now();
  const rows = all.filter((row) => now - (seriesSeen.get(row.id) ?? 0) > SERIES_SEEN_TTL_MS);
  if (rows.length === 0) return [];
  await client.query(
    `INSERT INTO metric_series (id, name, type, unit, description, temporality, is_monotonic, service_name, attributes, resource_id, scope_name)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::boolean[], $8::text[], $9::jsonb[], $10::bigint[], $11::text[])
     ON CONFLICT (id) DO UPDATE SET last_seen = now(), description = excluded.description`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.name),
      rows.map((r) => r.type),
      rows.map((r) => r.unit),
      rows.map((r) => r.description),
      rows.map((r) => r.temporality),
      rows.map((r) => r.isMonotonic),
      rows.map((r) => r.serviceName),
      rows.map((r) => r.attributes),
      rows.map((r) => r.resourceId),
      rows.map((r) => r.scopeName),
    ],
  );
  return rows.map((r) => r.id);
}

/** Called after the transaction that upserted them commits. */
export function rememberSeries(ids: Iterable<string>) {
  const now = Date.now();
  for (const id of ids) seriesSeen.set(id, now);
  if (seriesSeen.size > 100_000) seriesSeen.clear();
}

/** Forgets which series were written (tests that delete series and write them again). */
export function forgetSeenSeries() {
  seriesSeen.clear();
}
