import { afterAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { hex, makeGaugePoint, makeLog, makeSpan } from "@/lib/testing/make-records";
import { storeLogs } from "./store-logs";
import { storeMetrics } from "./store-metrics";
import { storeTraces } from "./store-traces";

afterAll(() => getPool().end());

type Rollup = { count: number; errors: number; timeouts: number; sum_ns: string; histogram: string[] };

/** A service's rollups summed, from the minute table or (equal, always) the hour table. */
async function rollup(service: string, table: "span_rollups_1m" | "span_rollups_1h" = "span_rollups_1m"): Promise<Rollup> {
  const { rows } = await getPool().query<Rollup>(
    `SELECT sum(count)::int AS count, sum(errors)::int AS errors, sum(timeouts)::int AS timeouts,
            sum(duration_sum_ns)::bigint::text AS sum_ns, sightline_sum_histograms(histogram) AS histogram
       FROM ${table} WHERE service_name = $1`,
    [service],
  );
  return rows[0]!;
}

describe("storeTraces", () => {
  it("stores spans with ids, times, attributes and events intact, and rolls them up", async () => {
    const traceId = hex(16);
    const root = makeSpan({ traceId, serviceName: "gateway", name: "POST /checkout", durationMs: 5000, status: { code: 2, message: "upstream timed out" }, attributes: { "http.response.status_code": 504 } });
    const child = makeSpan({
      traceId,
      parentSpanId: root.spanId,
      serviceName: "gateway",
      name: "POST /checkout",
      durationMs: 40,
      events: [{ timeUnixNano: root.startTimeUnixNano + 5n, name: "exception", attributes: { "exception.type": "Boom" }, droppedAttributesCount: 0 }],
    });
    const result = await storeTraces(getPool(), [root, child]);
    expect(result).toEqual({ inserted: 2, duplicates: 0 });

    const { rows } = await getPool().query(
      `SELECT encode(span_id, 'hex') AS span_id, encode(parent_span_id, 'hex') AS parent, start_ns::text, duration_ns::text,
              status_code, is_timeout, attributes FROM spans WHERE trace_id = decode($1, 'hex') ORDER BY duration_ns DESC`,
      [traceId],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ span_id: root.spanId, parent: null, start_ns: root.startTimeUnixNano.toString(), duration_ns: "5000000000", status_code: 2, is_timeout: true, attributes: { "http.response.status_code": 504 } });
    expect(rows[1]).toMatchObject({ span_id: child.spanId, parent: root.spanId, is_timeout: false });
    const events = await getPool().query("SELECT name, attributes FROM span_events WHERE trace_id = decode($1, 'hex')", [traceId]);
    expect(events.rows).toEqual([{ name: "exception", attributes: { "exception.type": "Boom" } }]);

    expect(await rollup("gateway")).toMatchObject({ count: 2, errors: 1, timeouts: 1, sum_ns: "5040000000" });
    expect(await rollup("gateway", "span_rollups_1h")).toEqual(await rollup("gateway"));
  });

  it("stores a re-sent request once and leaves the rollups unchanged", async () => {
    const spans = Array.from({ length: 50 }, () => makeSpan({ serviceName: "coupon" }));
    expect((await storeTraces(getPool(), spans)).inserted).toBe(50);
    const before = await rollup("coupon");
    expect(await storeTraces(getPool(), spans)).toEqual({ inserted: 0, duplicates: 50 });
    // the same span twice inside one request counts once as well
    const doubled = makeSpan({ serviceName: "coupon" });
    expect(await storeTraces(getPool(), [doubled, doubled])).toEqual({ inserted: 1, duplicates: 1 });
    expect(await rollup("coupon")).toEqual({ ...before, count: 51, sum_ns: (BigInt(before.sum_ns) + 25_000_000n).toString(), histogram: expect.any(Array) });
    expect(await rollup("coupon", "span_rollups_1h")).toEqual(await rollup("coupon"));
  });

  it("accepts spans from a day with no premade partition", async () => {
    const old = makeSpan({ serviceName: "batch", startMs: Date.parse("2024-02-29T23:59:59.999Z") });
    expect((await storeTraces(getPool(), [old])).inserted).toBe(1);
  });

  it("stores strings holding NUL (which PostgreSQL text cannot) with U+FFFD instead of failing", async () => {
    const span = makeSpan({ serviceName: "nul\u0000svc", name: "GET \u0000", attributes: { "k\u0000": "v\u0000" }, status: { code: 2, message: "m\u0000" } });
    expect((await storeTraces(getPool(), [span])).inserted).toBe(1);
    const { rows } = await getPool().query("SELECT name, attributes, status_message FROM spans WHERE service_name = $1", ["nul\uFFFDsvc"]);
    expect(rows).toEqual([{ name: "GET \uFFFD", attributes: { "k\uFFFD": "v\uFFFD" }, status_message: "m\uFFFD" }]);
  });

  it("recreates a day partition dropped after this process cached it", async () => {
    const startMs = Date.parse("2024-03-05T08:00:00Z");
    expect((await storeTraces(getPool(), [makeSpan({ serviceName: "dropped-day", startMs })])).inserted).toBe(1);
    await getPool().query("DROP TABLE spans_p20240305"); // what retention does to an old day
    expect((await storeTraces(getPool(), [makeSpan({ serviceName: "dropped-day", startMs })])).inserted).toBe(1);
  });

  it("writes nothing when any row of the request fails", async () => {
    const good = makeSpan({ serviceName: "atomic" });
    const bad = makeSpan({ serviceName: "atomic", traceId: "zz" }); // not hex: decode() fails in SQL
    await expect(storeTraces(getPool(), [good, bad])).rejects.toThrow();
    const { rows } = await getPool().query("SELECT count(*)::int AS n FROM spans WHERE service_name = 'atomic'");
    expect(rows[0].n).toBe(0);
    expect((await getPool().query("SELECT count(*)::int AS n FROM span_rollups_1m WHERE service_name = 'atomic'")).rows[0].n).toBe(0);
  });
});

describe("storeLogs and storeMetrics", () => {
  it("store each record once across retries", async () => {
    const logs = [makeLog({ body: "a" }), makeLog({ body: { structured: true } }), makeLog({ body: "a", timeUnixNano: 1n + BigInt(Date.now()) * 1_000_000n })];
    expect(await storeLogs(getPool(), logs)).toEqual({ inserted: 3, duplicates: 0 });
    expect(await storeLogs(getPool(), logs)).toEqual({ inserted: 0, duplicates: 3 });
    const points = [makeGaugePoint(), makeGaugePoint({ attributes: { state: "idle" }, value: 3 })];
    expect(await storeMetrics(getPool(), points)).toEqual({ inserted: 2, duplicates: 0 });
    expect(await storeMetrics(getPool(), points)).toEqual({ inserted: 0, duplicates: 2 });
    const { rows } = await getPool().query("SELECT s.attributes->>'state' AS state, p.value FROM metric_points p JOIN metric_series s ON s.id = p.series_id ORDER BY p.value");
    expect(rows).toEqual([{ state: "idle", value: 3 }, { state: "used", value: 7 }]);
  });
});
