import type pg from "pg";
import { SqlParams } from "@/lib/query/sql-params";
import { HOUR_MS, MINUTE_MS, rollupSource } from "@/lib/rollup/rollup-source";
import { emptySums, type RedSums } from "./summarise-red";

// Every (service, operation, kind) of a window from the span rollups: summed counts, errors,
// timeouts and duration, optionally split into equal time slots (sparklines), and the merged
// latency histogram. Everything the services pages show (a service, a peer, an operation, the
// worst endpoints) is a sum of these rows, done in JavaScript: a few thousand rows, not spans.
//
// Windows of a day or more read whole hours from span_rollups_1h (lib/rollup/rollup-source.ts;
// their slots are whole hours too): a week of every service is ~7,000 hour rows instead of
// ~400,000 minute rows. Shorter windows read minutes, and histograms are the costly part there
// (one unnest per row, ~60 cells each): windows longer than SAMPLE_ABOVE_MINUTES read the cells
// of every k-th minute only, which keeps percentiles honest estimates (they are shares) at a
// fraction of the cost; counts, errors, timeouts and durations are always exact.

type Queryable = Pick<pg.Pool, "query">;

export interface OperationRollup {
  service: string;
  operation: string;
  /** OTLP span kind number. */
  kind: number;
  sums: RedSums;
  /** Requests per slot, when slots were asked for. */
  slotCounts: number[];
  histogram: number[];
}

export interface RollupWindowInput {
  fromMs: number;
  toMs: number;
  /** Only this service's rows. */
  service?: string | undefined;
  /**
   * Split the counts into this many equal slots (at most) of whole minutes, or of whole hours
   * for windows of a day or more; an hour row counts in the slot its hour starts in.
   */
  slots?: number | undefined;
}

export const SAMPLE_ABOVE_MINUTES = 360;
/** Windows at least this long read hour rows, in slots of whole hours. */
export const HOURS_FROM_MS = 24 * HOUR_MS;

export async function readOperationRollups(db: Queryable, input: RollupWindowInput): Promise<{ operations: OperationRollup[]; sampled: boolean; slotMs: number; slotCount: number; lastSlotMs: number }> {
  const minutes = Math.ceil((input.toMs - input.fromMs) / MINUTE_MS);
  const hours = input.toMs - input.fromMs >= HOURS_FROM_MS;
  const sampleEvery = hours ? 1 : Math.max(1, Math.ceil(minutes / SAMPLE_ABOVE_MINUTES));
  const slotUnit = hours ? HOUR_MS : MINUTE_MS;
  const slotMs = input.slots ? Math.max(1, Math.ceil((input.toMs - input.fromMs) / slotUnit / input.slots)) * slotUnit : 0;
  const firstMs = Math.floor(input.fromMs / MINUTE_MS) * MINUTE_MS;
  const slotCount = slotMs ? Math.ceil((input.toMs - firstMs) / slotMs) : 0;
  /** The part of the last slot the window covers. */
  const lastSlotMs = slotCount ? input.toMs - (firstMs + (slotCount - 1) * slotMs) : 0;
  const [sums, cells] = await Promise.all([db.query<SumsRow>(sumsQuery(input, hours, firstMs, slotMs)), db.query<CellRow>(cellsQuery(input, hours, sampleEvery))]);

  const byKey = new Map<string, OperationRollup>();
  const rollupOf = (row: { service_name: string; operation: string; kind: number }) => {
    const key = `${row.service_name}\u0000${row.operation}\u0000${row.kind}`;
    let rollup = byKey.get(key);
    if (!rollup) {
      rollup = { service: row.service_name, operation: row.operation, kind: row.kind, sums: emptySums(), slotCounts: new Array<number>(slotCount).fill(0), histogram: [] };
      byKey.set(key, rollup);
    }
    return rollup;
  };
  for (const row of sums.rows) {
    const rollup = rollupOf(row);
    rollup.sums.count += row.count;
    rollup.sums.errors += row.errors;
    rollup.sums.timeouts += row.timeouts;
    rollup.sums.durationSumNs += row.sum_ns;
    if (row.slot >= 0 && row.slot < rollup.slotCounts.length) rollup.slotCounts[row.slot]! += row.count;
  }
  for (const row of cells.rows) {
    const histogram = rollupOf(row).histogram;
    while (histogram.length < row.i) histogram.push(0);
    // WITH ORDINALITY counts from 1; bucket indexes from 0.
    histogram[row.i - 1] = row.c;
  }
  return { operations: [...byKey.values()].filter((r) => r.sums.count > 0), sampled: sampleEvery > 1, slotMs, slotCount, lastSlotMs };
}

interface SumsRow {
  service_name: string;
  operation: string;
  kind: number;
  slot: number;
  count: number;
  errors: number;
  timeouts: number;
  sum_ns: number;
}

interface CellRow {
  service_name: string;
  operation: string;
  kind: number;
  i: number;
  c: number;
}

function source(params: SqlParams, input: RollupWindowInput, hours: boolean): string {
  const conditions = input.service !== undefined ? [`service_name = ${params.add(input.service, "text")}`] : [];
  return rollupSource(params, { fromMs: input.fromMs, toMs: input.toMs, conditions, hours });
}

function sumsQuery(input: RollupWindowInput, hours: boolean, firstMs: number, slotMs: number) {
  const params = new SqlParams();
  const slot = slotMs ? `floor((extract(epoch FROM r.t) * 1000 - ${params.add(firstMs, "float8")}) / ${params.add(slotMs, "float8")})::int` : "0";
  return {
    text: `SELECT r.service_name, r.operation, r.kind::int AS kind, ${slot} AS slot, sum(r.count)::float8 AS count, sum(r.errors)::float8 AS errors,
                  sum(r.timeouts)::float8 AS timeouts, sum(r.duration_sum_ns)::float8 AS sum_ns
             FROM ${source(params, input, hours)} r GROUP BY 1, 2, 3, 4`,
    values: params.values,
  };
}

function cellsQuery(input: RollupWindowInput, hours: boolean, sampleEvery: number) {
  const params = new SqlParams();
  const from = source(params, input, hours);
  const sampled = sampleEvery > 1 ? ` AND (extract(epoch FROM r.t)::bigint / 60) % ${params.add(sampleEvery, "bigint")} = 0` : "";
  return {
    text: `SELECT r.service_name, r.operation, r.kind::int AS kind, u.i::int AS i, sum(u.c)::float8 AS c
             FROM ${from} r CROSS JOIN LATERAL unnest(r.histogram) WITH ORDINALITY AS u(c, i)
            WHERE u.c <> 0${sampled} GROUP BY 1, 2, 3, 4`,
    values: params.values,
  };
}
