import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { getRedSeries } from "@/lib/query/get-red-series";
import { readOperationRollups } from "@/lib/services/read-operation-rollups";
import { buildTrace, seedTraces } from "@/lib/testing/seed-telemetry";
import { HOUR_MS, MINUTE_MS } from "./rollup-source";

// The hour rollups are written beside the minute ones by ingest; reads that take whole hours
// from span_rollups_1h and the ends from span_rollups_1m must answer what minutes alone would.

const service = `hours-${randomBytes(4).toString("hex")}`;
// 30 hours ago, on an hour: spans in 28 hours from there, some in partial hours at the ends.
const h0 = Math.floor((Date.now() - 30 * HOUR_MS) / HOUR_MS) * HOUR_MS;
const at = (hour: number, minute: number) => h0 + hour * HOUR_MS + minute * MINUTE_MS;
const trace = (startMs: number, durationMs: number, status: 0 | 2 = 0) => buildTrace({ service, name: "GET /hours", kind: 2, durationMs, status }, startMs);

beforeAll(async () => {
  const first = [];
  for (let hour = 0; hour < 28; hour++) {
    for (const minute of [2, 17, 59]) first.push(trace(at(hour, minute), 10 + hour * 7 + minute, minute === 17 && hour % 5 === 0 ? 2 : 0));
  }
  await seedTraces(getPool(), first);
  // Late spans in a second batch, into hours the first one already rolled up.
  await seedTraces(getPool(), [trace(at(3, 30), 900, 2), trace(at(3, 31), 5), trace(at(20, 0), 1_200)]);
});

describe("hour rollups", () => {
  it("hold, per hour, exactly the sum of that hour's minutes", async () => {
    const { rows } = await getPool().query(
      `WITH m AS (
         SELECT date_bin(interval '1 hour', minute, 'epoch'::timestamptz) AS hour, operation, kind, sum(count) AS count, sum(errors) AS errors,
                sum(timeouts) AS timeouts, sum(duration_sum_ns) AS sum_ns, max(duration_max_ns) AS max_ns, sightline_sum_histograms(histogram) AS histogram
           FROM span_rollups_1m WHERE service_name = $1 GROUP BY 1, 2, 3
       )
       SELECT count(*)::int AS hours, count(*) FILTER (WHERE h.hour IS NULL OR m.hour IS NULL OR (h.count, h.errors, h.timeouts, h.duration_sum_ns, h.duration_max_ns, h.histogram)
                                                        IS DISTINCT FROM (m.count, m.errors, m.timeouts, m.sum_ns::bigint, m.max_ns, m.histogram))::int AS different
         FROM m FULL JOIN (SELECT * FROM span_rollups_1h WHERE service_name = $1) h USING (hour, operation, kind)`,
      [service],
    );
    expect(rows[0]).toEqual({ hours: 28, different: 0 });
  });

  it("give RED at a 1-hour step the same counts as 30-minute steps read from minutes", async () => {
    const window = { service, fromMs: at(1, 0), toMs: at(27, 0) };
    const hourly = await getRedSeries(getPool(), { ...window, stepSeconds: 3_600 });
    const halfHourly = await getRedSeries(getPool(), { ...window, stepSeconds: 1_800 });
    expect(hourly.points).toHaveLength(26);
    const fromHalves = hourly.points.map((_, i) => [halfHourly.points[2 * i]!, halfHourly.points[2 * i + 1]!] as const);
    expect(hourly.points.map((p) => p.count)).toEqual(fromHalves.map(([a, b]) => a.count + b.count));
    const errors = (p: { count: number; errorRate: number | null }) => Math.round(p.count * (p.errorRate ?? 0));
    expect(hourly.points.map(errors)).toEqual(fromHalves.map(([a, b]) => errors(a) + errors(b)));
    expect(hourly.points.reduce((sum, p) => sum + errors(p), 0)).toBeGreaterThan(5);
    // Hour 3 has the late 900 ms error: its p99 reads it from the hour row's histogram.
    expect(hourly.points[2]!.count).toBe(5);
    expect(hourly.points[2]!.p99).toBeGreaterThan(800);
  });

  it("give a day-long window's operation totals from hours and edge minutes alike", async () => {
    // Starts and ends inside hours, so both edges come from minutes.
    const window = { fromMs: at(0, 10), toMs: at(25, 20), service };
    const { operations, slotMs } = await readOperationRollups(getPool(), { ...window, slots: 30 });
    expect(slotMs % HOUR_MS).toBe(0);
    const { rows } = await getPool().query(
      `SELECT sum(count)::float8 AS count, sum(errors)::float8 AS errors, sightline_sum_histograms(histogram)::float8[] AS histogram
         FROM span_rollups_1m WHERE service_name = $1 AND minute >= $2 AND minute < $3`,
      [service, new Date(window.fromMs), new Date(window.toMs)],
    );
    expect(operations).toHaveLength(1);
    const [op] = operations;
    expect(op!.sums.count).toBe(rows[0].count);
    expect(op!.sums.errors).toBe(rows[0].errors);
    expect(op!.histogram).toEqual(rows[0].histogram);
    expect(op!.slotCounts.reduce((a, b) => a + b, 0)).toBe(rows[0].count);
  });
});
