import type { SqlParams } from "@/lib/query/sql-params";

// Where a read of span rollups over a window gets its rows: whole hours from span_rollups_1h,
// the minutes of the partial hours at either end from span_rollups_1m (a week is ~170 rows per
// operation instead of ~10,000). Both tables are written from the same spans in the same
// transaction (lib/ingest/store/store-traces.ts), so the result equals a read of minutes only.
// A reader that splits the window into slots or steps that are not whole hours must read
// minutes only: an hour row cannot be split.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** The columns both rollup tables share; `t` is the row's minute or hour. */
const COLUMNS = "service_name, operation, kind, count, errors, timeouts, duration_sum_ns, duration_max_ns, histogram";

export interface RollupSourceInput {
  fromMs: number;
  toMs: number;
  /** Conditions on the shared columns, unqualified (`service_name = $1`), ANDed in every part. */
  conditions: string[];
  /** False: minutes only (slots or steps that are not whole hours). */
  hours: boolean;
}

/** [minute starts, hour starts, minute starts] ranges a window reads; the middle one may be empty. */
export function splitRollupWindow(fromMs: number, toMs: number, hours: boolean): { minutes: [number, number][]; hours: [number, number] | null } {
  // The minute holding `from` counts (as RED always has), and every minute starting before `to`.
  const first = Math.floor(fromMs / MINUTE_MS) * MINUTE_MS;
  const firstHour = Math.ceil(first / HOUR_MS) * HOUR_MS;
  const lastHour = Math.floor(toMs / HOUR_MS) * HOUR_MS;
  if (!hours || lastHour <= firstHour) return { minutes: [[first, toMs]], hours: null };
  return { minutes: [[first, firstHour], [lastHour, toMs]].filter(([a, b]) => a! < b!) as [number, number][], hours: [firstHour, lastHour] };
}

/**
 * A parenthesised relation of the window's rollup rows with the columns `t` (timestamptz) and
 * COLUMNS, for `FROM ${rollupSource(…)} r`.
 */
export function rollupSource(params: SqlParams, input: RollupSourceInput): string {
  const split = splitRollupWindow(input.fromMs, input.toMs, input.hours);
  const part = (table: string, column: string, [fromMs, toMs]: [number, number]) => {
    const conditions = [
      `${column} >= ${params.add(new Date(fromMs).toISOString(), "timestamptz")}`,
      `${column} < ${params.add(new Date(toMs).toISOString(), "timestamptz")}`,
      ...input.conditions,
    ];
    return `SELECT ${column} AS t, ${COLUMNS} FROM ${table} WHERE ${conditions.join(" AND ")}`;
  };
  const parts = split.minutes.map((range) => part("span_rollups_1m", "minute", range));
  if (split.hours) parts.push(part("span_rollups_1h", "hour", split.hours));
  return `(${parts.join(" UNION ALL ")})`;
}
