import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as tracesRoute from "@/app/api/otlp/v1/traces/route";
import { getPool } from "@/lib/db/client";
import { hex } from "@/lib/testing/make-records";
import { startRouteServer } from "@/lib/testing/route-server";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { decodeTraces } from "../otlp/decode-traces";
import { stringAttr, traceRequest } from "../otlp/testing/otlp-requests";
import { storePreparedTraces } from "../store/store-prepared-traces";
import { storeTraces } from "../store/store-traces";
import { IngestWorkerPool } from "./ingest-worker-pool";

// The worker path (decode + COPY rows in a thread, then COPY) must store exactly what the
// in-thread path (decodeTraces + storeTraces) stores for the same request, and an overloaded
// pool must refuse with 503 + Retry-After rather than queue without bound.

const pools: IngestWorkerPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.destroy()));
  await getPool().end();
});

const q = async (sql: string, params: unknown[] = []) => (await getPool().query(sql, params)).rows;
const ms = (n: number) => BigInt(n) * 1_000_000n;
const intAttr = (key: string, value: number) => ({ key, value: { intValue: value } });

/** Two resources (one repeated in a third block), errors, timeouts, events, links, text COPY must escape, and one bad span. */
function awkwardRequest(service: string, now: number) {
  const traceId = Buffer.from(hex(16), "hex");
  const id = () => Buffer.from(hex(8), "hex");
  const root = id();
  const span = (name: string, startMs: number, extra: Record<string, unknown> = {}) => ({
    traceId,
    spanId: id(),
    parentSpanId: root,
    name,
    kind: 3,
    startTimeUnixNano: String(ms(now - startMs) + 123_456n),
    endTimeUnixNano: String(ms(now - startMs + 40) + 789n),
    attributes: [stringAttr("http.route", "/a\tb\nc\\d"), intAttr("http.response.status_code", 200)],
    ...extra,
  });
  const spans = [
    { ...span("root", 90_000), spanId: root, parentSpanId: Buffer.alloc(0), kind: 2 },
    span("tab\there \\ and NUL \u0000 ünïcode", 80_000, { status: { code: 2, message: "line1\nline2" } }),
    span("timeout", 70_000, { attributes: [intAttr("http.response.status_code", 504)], status: { code: 2 } }),
    span("with-events", 65_000, {
      status: { code: 2, message: "boom" },
      events: [
        { timeUnixNano: String(ms(now - 65_000) + 5n), name: "exception", attributes: [stringAttr("exception.type", "TimeoutError"), stringAttr("exception.message", "x\ty")] },
        { timeUnixNano: String(ms(now - 65_000) + 6n), name: "retry\u0000", attributes: [], droppedAttributesCount: 2 },
      ],
    }),
    span("linked", 3_700_000, { links: [{ traceId: Buffer.from(hex(16), "hex"), spanId: id(), traceState: "k=v", attributes: [stringAttr("why", "fan-in")] }], traceState: "a=b", flags: 257 }),
    span("bad id", 1_000, { spanId: Buffer.alloc(3) }),
  ];
  const resource = (name: string) => ({ attributes: [stringAttr("service.name", name), stringAttr("host.name", "h\t1")] });
  return {
    traceId: traceId.toString("hex"),
    body: traceRequest([
      { resource: resource(service), scopeSpans: [{ scope: { name: "scope\n1", version: "1.0" }, spans: spans.slice(0, 4) }] },
      { resource: resource(`${service}-b`), scopeSpans: [{ scope: { name: "s2" }, spans: spans.slice(4) }] },
      { resource: resource(service), scopeSpans: [{ spans: [span("same resource again", 10_000)] }] },
    ]),
  };
}

async function snapshot(traceId: string, service: string) {
  const services = [service, `${service}-b`];
  return {
    spans: await q(`SELECT to_jsonb(s) AS row FROM spans s WHERE trace_id = decode($1, 'hex') ORDER BY span_id`, [traceId]),
    events: await q(`SELECT to_jsonb(e) AS row FROM span_events e WHERE trace_id = decode($1, 'hex') ORDER BY span_id, idx`, [traceId]),
    minutes: await q(`SELECT to_jsonb(r) AS row FROM span_rollups_1m r WHERE service_name = ANY($1) ORDER BY 1`, [services]),
    hours: await q(`SELECT to_jsonb(r) AS row FROM span_rollups_1h r WHERE service_name = ANY($1) ORDER BY 1`, [services]),
    resources: await q(`SELECT to_jsonb(r) AS row FROM resources r WHERE service_name = ANY($1) ORDER BY id`, [services]),
  };
}

async function forget(traceId: string, service: string) {
  const services = [service, `${service}-b`];
  await q(`DELETE FROM span_events WHERE trace_id = decode($1, 'hex')`, [traceId]);
  await q(`DELETE FROM spans WHERE trace_id = decode($1, 'hex')`, [traceId]);
  await q(`DELETE FROM span_rollups_1m WHERE service_name = ANY($1)`, [services]);
  await q(`DELETE FROM span_rollups_1h WHERE service_name = ANY($1)`, [services]);
}

describe("ingest through the worker pool", () => {
  it("stores exactly what the in-thread path stores for the same request: spans, events, rollups, resources", async () => {
    const pool = new IngestWorkerPool({ threads: 1, maxQueue: 4, maxQueuedBytes: 1 << 20, retryAfterSeconds: 2 });
    pools.push(pool);
    const service = `same-${hex(4)}`;
    const now = new Date();
    const { traceId, body } = awkwardRequest(service, now.getTime());

    const inThread = decodeTraces(body, "protobuf", { now });
    expect(await storeTraces(getPool(), inThread.records)).toEqual({ inserted: 6, duplicates: 0 });
    const expected = await snapshot(traceId, service);
    expect(expected.spans).toHaveLength(6);
    expect(expected.events).toHaveLength(2);
    await forget(traceId, service);

    const { prepared, body: returned } = await pool.prepareTraces(body.slice(), "protobuf", now);
    expect({ rejected: prepared.rejected, errors: prepared.errors }).toEqual({ rejected: inThread.rejected, errors: inThread.errors });
    expect(prepared.rejected).toBe(1);
    expect(Buffer.from(returned).equals(Buffer.from(body))).toBe(true);
    expect(await storePreparedTraces(getPool(), prepared)).toEqual({ inserted: 6 });
    expect(await snapshot(traceId, service)).toEqual(expected);

    // The same request again: nothing new is written, and the caller is told to skip duplicates.
    expect(await storePreparedTraces(getPool(), prepared)).toBe("duplicates");
    expect(await snapshot(traceId, service)).toEqual(expected);
  });

  it("refuses a body that is not protobuf with the same 400 message as the in-thread decoder", async () => {
    const pool = new IngestWorkerPool({ threads: 1, maxQueue: 4, maxQueuedBytes: 1 << 20, retryAfterSeconds: 2 });
    pools.push(pool);
    const junk = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]);
    const inThread = (() => {
      try {
        decodeTraces(junk, "protobuf");
      } catch (error) {
        return error as Error;
      }
    })();
    await expect(pool.prepareTraces(junk.slice(), "protobuf", new Date())).rejects.toMatchObject({ code: "bad_request", message: inThread?.message });
  });
});

describe("a worker that cannot start", () => {
  it("is not ready when its file cannot load: the route decodes in its own thread", async () => {
    const pool = new IngestWorkerPool({ threads: 1, maxQueue: 4, maxQueuedBytes: 1 << 20, retryAfterSeconds: 2 }, "/nonexistent/ingest-worker.mjs");
    pools.push(pool);
    await pool.whenReady();
    expect(pool.ready).toBe(false);
  });

  it("answers a task whose thread failed with a 503 to retry, never a 500 the exporter would drop", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "sightline-worker-")), "failing-worker.mjs");
    writeFileSync(file, 'const fail = () => { throw new Error("the thread ran out of memory"); };\nexport default fail;\nexport const prepareTraces = fail;\n');
    const pool = new IngestWorkerPool({ threads: 1, maxQueue: 4, maxQueuedBytes: 1 << 20, retryAfterSeconds: 2 }, file);
    pools.push(pool);
    const failed = await pool.prepareTraces(new Uint8Array(8), "protobuf", new Date()).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: "unavailable", retryAfterSeconds: 2 });
  });

  it("is ready only once a thread has decoded its warm-up request", async () => {
    const pool = new IngestWorkerPool({ threads: 1, maxQueue: 4, maxQueuedBytes: 1 << 20, retryAfterSeconds: 2 });
    pools.push(pool);
    expect(pool.ready).toBe(false);
    await pool.whenReady();
    expect(pool.ready).toBe(true);
  });
});

describe("an overloaded server", () => {
  it("answers 503 with Retry-After once the decode queue is full, stores every request it accepted, and keeps the queue bounded", async () => {
    // The route's pool is a global: this one has one thread and room for two waiting requests.
    const pool = new IngestWorkerPool({ threads: 1, maxQueue: 2, maxQueuedBytes: 64 << 20, retryAfterSeconds: 2 });
    pools.push(pool);
    globalThis.sightlineIngestWorkerPool = pool;
    await pool.whenReady(); // before that, the route decodes in its own thread
    const server = await startRouteServer({ "/api/otlp/v1/traces": tracesRoute });
    try {
      const service = `flood-${hex(4)}`;
      const now = Date.now();
      const request = () => {
        const spans = Array.from({ length: 1000 }, (_, i) => ({
          traceId: Buffer.from(hex(16), "hex"),
          spanId: Buffer.from(hex(8), "hex"),
          name: `op-${i % 7}`,
          kind: 2,
          startTimeUnixNano: String(ms(now - 1000)),
          endTimeUnixNano: String(ms(now - 990)),
          attributes: Array.from({ length: 15 }, (_, a) => stringAttr(`attr.${a}`, `value-${i}-${a}`)),
        }));
        return traceRequest([{ resource: { attributes: [stringAttr("service.name", service)] }, scopeSpans: [{ spans }] }]);
      };
      let deepest = 0;
      const watch = setInterval(() => (deepest = Math.max(deepest, pool.load.queued)), 1);
      const answers = await Promise.all(
        Array.from({ length: 16 }, request).map(async (body) => {
          const response = await fetch(`${server.url}/api/otlp/v1/traces`, { method: "POST", body: body as BodyInit, headers: { "Content-Type": "application/x-protobuf", Authorization: `Bearer ${TEST_INGEST_KEY}` } });
          await response.arrayBuffer();
          return { status: response.status, retryAfter: response.headers.get("retry-after") };
        }),
      );
      clearInterval(watch);
      const refused = answers.filter((a) => a.status === 503);
      const accepted = answers.filter((a) => a.status === 200);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((a) => a.retryAfter === "2")).toBe(true);
      expect(accepted.length + refused.length).toBe(answers.length);
      expect(deepest).toBeLessThanOrEqual(2);
      const [{ n }] = await q(`SELECT count(*)::int AS n FROM spans WHERE service_name = $1`, [service]);
      expect(n).toBe(accepted.length * 1000);
    } finally {
      globalThis.sightlineIngestWorkerPool = undefined;
      await server.close();
    }
  });
});
