import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tracesRoute from "@/app/api/otlp/v1/traces/route";
import { getPool } from "@/lib/db/client";
import { hex } from "@/lib/testing/make-records";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { MAX_OTLP_BODY_BYTES } from "./handle-otlp-export";

// Every way a sender can get it wrong gets a clear 4xx naming the problem, and nothing of that
// request is stored; a request with some bad spans keeps the good ones (OTLP partial success).

let server: RouteServer;
beforeAll(async () => {
  server = await startRouteServer({ "/api/otlp/v1/traces": tracesRoute });
});
afterAll(async () => {
  await server.close();
  await getPool().end();
});

const nowNs = () => BigInt(Date.now()) * 1_000_000n;
const jsonSpan = (overrides: Record<string, unknown> = {}) => ({
  traceId: hex(16),
  spanId: hex(8),
  name: "GET /x",
  kind: 2,
  startTimeUnixNano: String(nowNs() - 5_000_000n),
  endTimeUnixNano: String(nowNs()),
  ...overrides,
});
const tracesBody = (service: string, spans: unknown[]) =>
  JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] }, scopeSpans: [{ scope: { name: "t" }, spans }] }] });

async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/api/otlp/v1/traces`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${TEST_INGEST_KEY}`, ...headers },
  });
  const text = await response.text();
  return { status: response.status, text, json: text.startsWith("{") ? (JSON.parse(text) as Record<string, any>) : undefined, headers: response.headers };
}

async function storedCount(service: string) {
  const { rows } = await getPool().query("SELECT count(*)::int AS n FROM spans WHERE service_name = $1", [service]);
  return rows[0].n as number;
}

describe("OTLP traces endpoint refuses bad requests whole", () => {
  it("401 without a key or with a wrong one", async () => {
    const body = tracesBody("auth-svc", [jsonSpan()]);
    const missing = await post(body, { Authorization: "" });
    expect(missing.status).toBe(401);
    expect(missing.json?.error.message).toMatch(/missing ingest key/);
    const wrong = await post(body, { Authorization: "Bearer not-the-key-at-all" });
    expect(wrong.status).toBe(401);
    expect(await storedCount("auth-svc")).toBe(0);
  });

  it("415 for a wrong content type or encoding", async () => {
    const wrongType = await post(tracesBody("type-svc", [jsonSpan()]), { "Content-Type": "text/plain" });
    expect(wrongType.status).toBe(415);
    expect(wrongType.json?.error.message).toMatch(/Content-Type must be application\/x-protobuf or application\/json/);
    const wrongEncoding = await post(tracesBody("type-svc", [jsonSpan()]), { "Content-Encoding": "br" });
    expect(wrongEncoding.status).toBe(415);
    expect(await storedCount("type-svc")).toBe(0);
  });

  it("400 for malformed JSON, malformed protobuf and corrupt gzip", async () => {
    expect((await post("{not json")).status).toBe(400);
    const protobuf = await post(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]), { "Content-Type": "application/x-protobuf" });
    expect(protobuf.status).toBe(400);
    expect(protobuf.json?.error.message).toBeTruthy();
    const gzip = await post(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]), { "Content-Encoding": "gzip" });
    expect(gzip.status).toBe(400);
  });

  it("413 for a body over the limit and for a gzip bomb, stopped while inflating", async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_OTLP_BODY_BYTES + 1024 * 1024, 0x20)); // ~17 MiB of spaces → ~17 KiB on the wire
    expect(bomb.length).toBeLessThan(100_000);
    const inflated = await post(bomb, { "Content-Encoding": "gzip" });
    expect(inflated.status).toBe(413);
    expect(inflated.json?.error.message).toMatch(/decompressed request body exceeds the limit/);
    const raw = await post(Buffer.alloc(MAX_OTLP_BODY_BYTES + 1, 0x20));
    expect(raw.status).toBe(413);
  });

  it("400 naming the problem when every span is bad, with nothing stored", async () => {
    const result = await post(tracesBody("allbad-svc", [jsonSpan({ traceId: "abc" }), jsonSpan({ startTimeUnixNano: "1000", endTimeUnixNano: "2000" })]));
    expect(result.status).toBe(400);
    expect(result.json?.error.message).toMatch(/all 2 spans were rejected/);
    expect(result.json?.error.message).toMatch(/traceId/);
    expect(await storedCount("allbad-svc")).toBe(0);
  });

  it("keeps the good spans and reports the rejected ones as partial success", async () => {
    let deep: unknown = { stringValue: "x" };
    for (let level = 0; level < 10; level++) deep = { arrayValue: { values: [deep] } };
    const spans = [
      jsonSpan(),
      jsonSpan({ spanId: "00" }),
      jsonSpan({ attributes: [{ key: "too.long", value: { stringValue: "x".repeat(70_000) } }] }),
      jsonSpan({ attributes: [{ key: "too.deep", value: deep }] }),
      jsonSpan({ startTimeUnixNano: String(nowNs() + 3n * 86_400_000_000_000n), endTimeUnixNano: String(nowNs() + 3n * 86_400_000_000_001n) }),
    ];
    const result = await post(tracesBody("partial-svc", spans));
    expect(result.status).toBe(200);
    expect(result.json?.partialSuccess?.rejectedSpans).toBe("4");
    expect(result.json?.partialSuccess?.errorMessage).toMatch(/too\.long/);
    expect(await storedCount("partial-svc")).toBe(1);
  });

  it("503 with Retry-After when the store cannot write, and the retry is stored once", async () => {
    const body = tracesBody("retry-svc", [jsonSpan(), jsonSpan()]);
    await getPool().query("ALTER TABLE span_rollups_1m RENAME TO span_rollups_1m_away");
    try {
      const refused = await post(body);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("2");
      expect(refused.json?.error.message).toMatch(/nothing was written, retry/);
      expect(await storedCount("retry-svc")).toBe(0); // spans went in before the rollups failed: rolled back
    } finally {
      await getPool().query("ALTER TABLE span_rollups_1m_away RENAME TO span_rollups_1m");
    }
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    expect(await storedCount("retry-svc")).toBe(2);
  });

  it("answers a good request with an empty ExportTraceServiceResponse, after commit", async () => {
    const result = await post(tracesBody("ok-svc", [jsonSpan(), jsonSpan()]));
    expect(result.status).toBe(200);
    expect(result.json).toEqual({});
    expect(result.headers.get("content-type")).toMatch(/application\/json/);
    expect(await storedCount("ok-svc")).toBe(2);
  });
});
