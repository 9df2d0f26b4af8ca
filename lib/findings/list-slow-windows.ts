import type pg from "pg";
import { findSlowWindows, type MinutePoint } from "./find-slow-windows";
import type { SlowWindowsResponse } from "./schemas";

// GET /api/v1/findings/slow-windows: the windows where an entry operation (SERVER or CONSUMER
// spans) turned slow, from the per-minute rollups — never the spans themselves. A long range
// is read over its last MAX_SPAN_MS only, which keeps the read at a few tens of thousands of
// rollup rows; that is also the "usual" the minutes are compared with.

type Queryable = Pick<pg.Pool, "query">;

export const MAX_SPAN_MS = 6 * 3_600_000;
const ENTRY_KINDS = [2, 5];

export async function listSlowWindows(db: Queryable, input: { fromMs: number; toMs: number }): Promise<SlowWindowsResponse> {
  const fromMs = Math.max(input.fromMs, input.toMs - MAX_SPAN_MS);
  const { rows } = await db.query<{ service_name: string; operation: string; kind: number; minute_ms: number; count: string; duration_sum_ns: string }>(
    `SELECT service_name, operation, kind, (extract(epoch FROM minute) * 1000)::float8 AS minute_ms, count, duration_sum_ns
       FROM span_rollups_1m
      WHERE minute >= $1 AND minute < $2 AND kind = ANY($3::smallint[])`,
    [new Date(fromMs), new Date(input.toMs), ENTRY_KINDS],
  );
  const points: MinutePoint[] = rows.map((row) => ({
    service: row.service_name,
    operation: row.operation,
    kind: row.kind,
    minuteMs: row.minute_ms,
    count: Number(row.count),
    durationSumMs: Number(row.duration_sum_ns) / 1e6,
  }));
  return { fromMs: input.fromMs, toMs: input.toMs, windows: findSlowWindows(points) };
}
