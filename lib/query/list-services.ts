import type pg from "pg";
import type { ServicesResponse } from "@/lib/schemas/services";
import { spanKindName } from "./span-codes";

// Services and their operations seen in a window, from the per-minute rollups: a few rows per
// operation and minute instead of every span, so a week costs what a few spans would.

type Queryable = Pick<pg.Pool, "query">;

interface Row {
  service_name: string;
  operation: string;
  kind: number;
  count: string;
  errors: string;
}

export async function listServices(db: Queryable, window: { fromMs: number; toMs: number }): Promise<ServicesResponse> {
  // Rollup rows are keyed by their minute: the minute holding `from` counts, as in RED.
  const { rows } = await db.query<Row>(
    `SELECT service_name, operation, kind, sum(count) AS count, sum(errors) AS errors
       FROM span_rollups_1m
      WHERE minute >= date_trunc('minute', $1::timestamptz) AND minute < $2::timestamptz
      GROUP BY service_name, operation, kind
      ORDER BY service_name, operation, kind`,
    [new Date(window.fromMs).toISOString(), new Date(window.toMs).toISOString()],
  );
  const services: ServicesResponse["services"] = [];
  for (const row of rows) {
    let service = services.at(-1);
    if (service?.name !== row.service_name) {
      service = { name: row.service_name, count: 0, errors: 0, operations: [] };
      services.push(service);
    }
    const count = Number(row.count);
    const errors = Number(row.errors);
    service.count += count;
    service.errors += errors;
    service.operations.push({ name: row.operation, kind: spanKindName(row.kind), count, errors });
  }
  return { services };
}
