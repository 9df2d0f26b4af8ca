import net from "node:net";
import { SpanKind } from "@opentelemetry/api";
import { ExportResultCode } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as auditIngestRoute from "@/app/api/v1/ingest/audit/route";
import * as tracesRoute from "@/app/api/otlp/v1/traces/route";
import { handleAgentIngest } from "@/lib/audit/handle-agent-ingest";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { getPool } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/error-response";
import { auditIngestBodySchema } from "@/lib/schemas/audit";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { ingestAdmission } from "./admission";
import { ingestBodyBudget } from "./body-budget";
import { handleOtlpExport } from "./handle-otlp-export";

// Issue 10, item 4: senders that announce a body and send it slowly must not hold the store
// slots (there are four), and a body that does not arrive in time is cut off with 408. Real
// sockets dribble bytes at the real handlers; a real OpenTelemetry exporter sends meanwhile.

const DEADLINE_MS = 700;
let server: RouteServer;
const sockets: net.Socket[] = [];

beforeAll(async () => {
  server = await startRouteServer({
    "/api/otlp/v1/traces": tracesRoute,
    "/api/v1/ingest/audit": auditIngestRoute,
    // The same handlers with a short body deadline, so the 408 case takes under a second.
    "/short/traces": { POST: (request) => handleOtlpExport(request, "traces", { bodyDeadlineMs: DEADLINE_MS }) },
    "/short/audit": {
      POST: async (request) => {
        try {
          return Response.json(await handleAgentIngest(request, auditIngestBodySchema, (pool, body) => storeAuditChanges(pool, body.changes), { bodyDeadlineMs: DEADLINE_MS }));
        } catch (error) {
          return errorResponse(error);
        }
      },
    },
  });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});
afterAll(async () => {
  await server.close();
  await getPool().end();
});

interface SlowSender {
  /** Everything the server has answered so far. */
  answer(): string;
  closed(): boolean;
  stop(): void;
}

/** Announces `declared` bytes of JSON and sends them one byte every `everyMs`, forever. */
function slowSender(path: string, declared = 100_000, everyMs = 150): Promise<SlowSender> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    const socket = net.connect(Number(port), "127.0.0.1");
    sockets.push(socket);
    let received = "";
    let closed = false;
    socket.on("data", (chunk) => (received += chunk.toString("utf8")));
    socket.on("close", () => (closed = true));
    socket.on("error", () => (closed = true));
    socket.once("connect", () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${TEST_INGEST_KEY}\r\nContent-Length: ${declared}\r\n\r\n{"`,
      );
      const timer = setInterval(() => !socket.destroyed && socket.write(" "), everyMs);
      socket.once("close", () => clearInterval(timer));
      resolve({ answer: () => received, closed: () => closed, stop: () => (clearInterval(timer), socket.destroy()) });
    });
    socket.once("error", reject);
  });
}

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("slow senders", () => {
  it("do not hold store slots: while four dribble, a real exporter and the db agent are answered 200", async () => {
    const slow = await Promise.all([
      slowSender("/api/otlp/v1/traces"),
      slowSender("/api/otlp/v1/traces"),
      slowSender("/api/v1/ingest/audit"),
      slowSender("/api/v1/ingest/audit"),
    ]);
    await new Promise((r) => setTimeout(r, 300)); // they are well into their bodies

    const recorded = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ "service.name": "beside-slow-senders" }), spanProcessors: [new SimpleSpanProcessor(recorded)] });
    provider.getTracer("t").startSpan("GET /fast", { kind: SpanKind.SERVER }).end();
    // timeoutMillis bounds the exporter's own retries: before the fix it met 503s (all four
    // slots held by the dribblers) until this ran out, and reported FAILED.
    const exporter = new OTLPTraceExporter({ url: `${server.url}/api/otlp/v1/traces`, headers: { Authorization: `Bearer ${TEST_INGEST_KEY}` }, timeoutMillis: 3_000 });
    const started = Date.now();
    const outcome = await new Promise<ExportResultCode>((resolve) => exporter.export(recorded.getFinishedSpans(), (r) => resolve(r.code)));
    await exporter.shutdown();
    expect(outcome).toBe(ExportResultCode.SUCCESS);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await getPool().query("SELECT count(*)::int AS n FROM spans WHERE service_name = 'beside-slow-senders'")).toMatchObject({ rows: [{ n: 1 }] });

    const agent = await fetch(`${server.url}/api/v1/ingest/audit`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${TEST_INGEST_KEY}` },
      body: JSON.stringify({ changes: [{ id: "slow:1", database: "beside_slow", table: "orders", op: "INSERT", pk: { id: 1 }, before: null, after: { id: 1 }, committedAt: new Date().toISOString() }] }),
    });
    expect(agent.status).toBe(200);
    expect(await agent.json()).toEqual({ inserted: 1, duplicates: 0, rejected: 0, errors: [] });

    // The dribblers were still sending the whole time, unanswered, and hold no slot.
    for (const sender of slow) {
      expect(sender.closed()).toBe(false);
      expect(sender.answer()).toBe("");
    }
    expect(ingestAdmission().load).toEqual({ active: 0, queued: 0 });
    for (const sender of slow) sender.stop();
  });

  it.each(["/short/traces", "/short/audit"])("that miss the body deadline are answered 408 naming it, and release their bytes (%s)", async (path) => {
    const sender = await slowSender(path, 1_000, 100);
    await until(() => sender.answer().includes("}}"), 5_000);
    const answer = sender.answer();
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    const body = JSON.parse(answer.slice(answer.indexOf("{"), answer.lastIndexOf("}") + 1)) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("request_timeout");
    expect(body.error.message).toMatch(/^the request body did not arrive within 0\.7 s \(\d+ of 1000 bytes received\); send smaller batches or check the network$/);
    sender.stop();
    expect(ingestBodyBudget().heldBytes).toBe(0);
  });
});
