import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { startOtlpServer } from "@/lib/testing/demo-shop-fixture";
import type { RouteServer } from "@/lib/testing/route-server";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { RedeliveringSpanExporter } from "./redelivering-span-exporter";

// Sightline busy for longer than the OTLP exporter's own retries last: through a gate in front of
// the real ingest route that answers 503 until it is opened, the plain exporter loses the spans
// it tried during the outage, and the redelivering one stores every span once.

let server: RouteServer;
let gate: { url: string; open: boolean; refused: number; refuseWith: number; close(): Promise<void> };

beforeAll(async () => {
  server = await startOtlpServer();
  gate = await startGate(server.url);
});

afterAll(async () => {
  await gate?.close();
  await server?.close();
});

async function startGate(target: string) {
  const state = { open: false, refused: 0, refuseWith: 503 };
  const proxy = http.createServer((req, res) => {
    if (!state.open) {
      state.refused++;
      req.resume();
      res.writeHead(state.refuseWith, { "Retry-After": "0" }).end(state.refuseWith === 503 ? "busy" : "bad batch");
      return;
    }
    const forward = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  });
}

/**
 * Ends 12 spans in three batches while the gate refuses, opens it and flushes as the demo shop
 * does (the batch processor, then the exporter); the trace ids sent and how many are stored then.
 */
async function sendThroughOutage(wrap: (exporter: SpanExporter) => SpanExporter, refuseWith = 503): Promise<{ traceIds: string[]; storedAfterFlush: number }> {
  gate.open = false;
  gate.refused = 0;
  gate.refuseWith = refuseWith;
  // A short deadline, so the exporter's own retries are over within the outage.
  const otlp = new OTLPTraceExporter({ url: `${gate.url}/api/otlp/v1/traces`, headers: { Authorization: `Bearer ${TEST_INGEST_KEY}` }, timeoutMillis: 300 });
  const exporter = wrap(otlp);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "redelivery-test" }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 10 })],
  });
  const tracer = provider.getTracer("redelivery-test");
  const traceIds: string[] = [];
  for (let batch = 0; batch < 3; batch++) {
    for (let i = 0; i < 4; i++) {
      const span = tracer.startSpan(`work ${batch}.${i}`);
      traceIds.push(span.spanContext().traceId);
      span.end();
    }
    const refusedBefore = gate.refused;
    await expect.poll(() => gate.refused, { timeout: 5_000, interval: 20 }).toBeGreaterThan(refusedBefore);
    await sleep(400); // past the exporter's deadline: it has given up on this batch
  }
  gate.open = true;
  await provider.forceFlush();
  await exporter.forceFlush?.();
  const storedAfterFlush = await storedSpans(traceIds);
  await provider.shutdown();
  return { traceIds, storedAfterFlush };
}

async function storedSpans(traceIds: string[]): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>("SELECT count(*)::int AS n FROM spans WHERE encode(trace_id, 'hex') = ANY($1::text[])", [traceIds]);
  return rows[0]!.n;
}

describe("spans held until Sightline takes them", () => {
  it("the plain exporter drops what it tried during the outage (what the wrapper is for)", async () => {
    const { traceIds } = await sendThroughOutage((exporter) => exporter);
    expect(await storedSpans(traceIds)).toBe(0);
  });

  it("the redelivering exporter stores every span", async () => {
    const lines: string[] = [];
    let wrapper: RedeliveringSpanExporter | undefined;
    const { traceIds, storedAfterFlush } = await sendThroughOutage((exporter) => (wrapper = new RedeliveringSpanExporter(exporter, { backoff: { baseMs: 50, maxMs: 100 }, log: (line) => lines.push(line) })));
    // Stored by the time a flush returns (the demo's scenarios read them right after), and once.
    expect(storedAfterFlush).toBe(12);
    expect(wrapper!.pendingSpans).toBe(0);
    expect(await storedSpans(traceIds)).toBe(12);
    expect(lines[0]).toMatch(/^\[demo-shop\] Sightline did not take 4 spans \(.+\); holding them and retrying$/);
    expect(lines.at(-1)).toMatch(/Sightline took the held spans again/);
  });

  it("past its limit the oldest spans are dropped and the drop is said", async () => {
    const lines: string[] = [];
    const { traceIds } = await sendThroughOutage((exporter) => new RedeliveringSpanExporter(exporter, { maxQueuedSpans: 8, backoff: { baseMs: 50, maxMs: 100 }, log: (line) => lines.push(line) }));
    expect(await storedSpans(traceIds)).toBe(8);
    expect(await storedSpans(traceIds.slice(4))).toBe(8);
    expect(lines).toContain("[demo-shop] dropped the 4 oldest spans: more than 8 were waiting for Sightline");
  });

  it("a batch Sightline refuses for good (4xx) is dropped at once, not retried", async () => {
    const lines: string[] = [];
    const { traceIds } = await sendThroughOutage((exporter) => new RedeliveringSpanExporter(exporter, { backoff: { baseMs: 50, maxMs: 100 }, log: (line) => lines.push(line) }), 400);
    expect(gate.refused).toBe(3);
    expect(await storedSpans(traceIds)).toBe(0);
    expect(lines).toEqual(Array(3).fill("[demo-shop] Sightline refused 4 spans (400: Bad Request); dropped them"));
  });
});
