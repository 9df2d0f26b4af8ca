import type pg from "pg";
import { pgText } from "./pg-safe";
import type { RollupRow } from "./span-rollups";

// Adds rollup rows (built by span-rollups.ts) to span_rollups_1m or _1h in one statement. Rows
// are in key order (buildSpanRollups sorts them) so concurrent writers lock shared rows in the
// same order. A request folds into tens of rows (hundreds of spans share a minute, service and
// operation), so this stays one INSERT over unnest() arrays rather than COPY into a temporary
// table plus INSERT ... SELECT, which would cost two more statements a request.

/** What a rollup row adds to the stored row of its key (aliased `r`): counts and sums add up, histograms merge. */
export const ROLLUP_MERGE = `count = r.count + excluded.count,
       errors = r.errors + excluded.errors,
       timeouts = r.timeouts + excluded.timeouts,
       duration_sum_ns = least(r.duration_sum_ns::numeric + excluded.duration_sum_ns, 9223372036854775807)::bigint,
       duration_max_ns = greatest(r.duration_max_ns, excluded.duration_max_ns),
       histogram = sightline_add_histograms(r.histogram, excluded.histogram)`;

export async function upsertRollupRows(client: pg.ClientBase, table: "span_rollups_1m" | "span_rollups_1h", timeColumn: "minute" | "hour", rows: RollupRow[]) {
  await client.query(
    `INSERT INTO ${table} AS r (${timeColumn}, service_name, operation, kind, count, errors, timeouts, duration_sum_ns, duration_max_ns, histogram)
     SELECT to_timestamp(u.start_ms / 1000.0), u.service_name, u.operation, u.kind, u.count, u.errors, u.timeouts, u.sum_ns, u.max_ns, u.histogram::bigint[]
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::smallint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::text[])
         AS u(start_ms, service_name, operation, kind, count, errors, timeouts, sum_ns, max_ns, histogram)
     ON CONFLICT (${timeColumn}, service_name, operation, kind) DO UPDATE SET ${ROLLUP_MERGE}`,
    [
      rows.map((r) => r.startMs),
      rows.map((r) => pgText(r.serviceName)),
      rows.map((r) => pgText(r.operation)),
      rows.map((r) => r.kind),
      rows.map((r) => r.count),
      rows.map((r) => r.errors),
      rows.map((r) => r.timeouts),
      rows.map((r) => r.durationSumNs.toString()),
      rows.map((r) => r.durationMaxNs.toString()),
      // A 2-D array cannot be unnested row by row, so each histogram travels as its text form.
      rows.map((r) => `{${r.histogram.join(",")}}`),
    ],
  );
}
