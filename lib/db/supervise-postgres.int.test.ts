import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { adminAuthHeaders } from "@/lib/testing/test-auth";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { prepareDatabase, type PreparedDatabase } from "./prepare-database";
import { MAX_FAILURES } from "./supervise-postgres";

// The embedded PostgreSQL is killed with SIGKILL while a real OpenTelemetry SDK exporter sends
// spans. The database step `npm start` uses (prepareDatabase with supervision) must say so in
// its log and restart the server; while it is down every endpoint answers 503 + Retry-After with
// no PostgreSQL text; once it is back the app's pool reconnects by itself, the exporter's
// retries go through, and every span whose export was acknowledged is in the store.

/** ExportResultCode.SUCCESS of @opentelemetry/core (not a direct dependency of Sightline). */
const EXPORT_SUCCESS = 0;
const succeeded = (result: { code: number }) => result.code === EXPORT_SUCCESS;
const SERVICE = "crash-test";
const RESTART_DELAY_MS = 3_000;

const dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-crash-"));
const lines: string[] = [];
const gaveUp: string[] = [];
let database: PreparedDatabase;
let server: RouteServer;
let ingestKey: string;
let routes: {
  forgetCachedIngestKeys: () => void;
  getPool: () => pg.Pool;
};

beforeAll(async () => {
  const env = parseEnv({ SIGHTLINE_DATA_DIR: dataDir, SIGHTLINE_EMBEDDED_DB_PORT: "0" });
  database = await prepareDatabase(env, (line) => lines.push(line), { onGiveUp: (reason) => gaveUp.push(reason), restartDelaysMs: [RESTART_DELAY_MS] });
  // The app's modules read DATABASE_URL when first imported: point them at this server first.
  process.env.DATABASE_URL = database.url;
  const [traces, health, search, keys, auth, client] = await Promise.all([
    import("@/app/api/otlp/v1/traces/route"),
    import("@/app/api/health/route"),
    import("@/app/api/v1/traces/route"),
    import("@/lib/ingest-keys/manage-ingest-keys"),
    import("@/lib/ingest/auth/authenticate-ingest"),
    import("@/lib/db/client"),
  ]);
  // A stored key, not SIGHTLINE_INGEST_KEY: checking it needs the database.
  ingestKey = (await keys.createIngestKey("crash test", { kind: "env-token", role: "admin", label: "test", userId: null }, { ip: null, userAgent: null })).key;
  routes = { forgetCachedIngestKeys: auth.forgetCachedIngestKeys, getPool: client.getPool };
  server = await startRouteServer({ "/api/otlp/v1/traces": traces, "/api/health": health, "/api/v1/traces": search });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await routes?.getPool().end();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Passes spans on to the real exporter and notes which ones it acknowledged, and when. */
class RecordingExporter implements SpanExporter {
  readonly acked = new Set<string>();
  readonly ackedAt: number[] = [];
  failed = 0;
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: Parameters<SpanExporter["export"]>[1]) {
    this.inner.export(spans, (result) => {
      if (succeeded(result)) {
        for (const span of spans) this.acked.add(span.spanContext().spanId);
        this.ackedAt.push(Date.now());
      } else {
        this.failed += spans.length;
      }
      done(result);
    });
  }
  shutdown() {
    return this.inner.shutdown();
  }
  forceFlush() {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const value = probe();
    if (value) return value;
  }
  throw new Error(`timed out waiting for ${what}; log: ${lines.join(" | ")}`);
}

function oneSpan() {
  const now = BigInt(Date.now()) * 1_000_000n;
  return JSON.stringify({
    resourceSpans: [{
      resource: { attributes: [{ key: "service.name", value: { stringValue: `${SERVICE}-outage` } }] },
      scopeSpans: [{ spans: [{ traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174", name: "during the outage", kind: 2, startTimeUnixNano: String(now - 1_000_000n), endTimeUnixNano: String(now) }] }],
    }],
  });
}

function groupAlive(pgid: number) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the embedded PostgreSQL killed with SIGKILL while exporters send", () => {
  it("is restarted, every endpoint answers 503 + Retry-After meanwhile, and every acknowledged span is stored", async () => {
    const exporter = new RecordingExporter(new OTLPTraceExporter({ url: `${server.url}/api/otlp/v1/traces`, headers: { Authorization: `Bearer ${ingestKey}` }, timeoutMillis: 30_000 }));
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": SERVICE }),
      spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 100, maxExportBatchSize: 40, maxQueueSize: 100_000, exportTimeoutMillis: 60_000 })],
    });
    const tracer = provider.getTracer("crash-test");
    let sent = 0;
    const producer = setInterval(() => {
      for (let i = 0; i < 5; i++) {
        tracer.startSpan(`op ${i}`).end();
        sent++;
      }
    }, 50);

    await waitFor("spans stored before the kill", () => exporter.acked.size >= 50);
    const killed = database.pid!()!;
    process.kill(killed, "SIGKILL");
    await waitFor("the log line saying PostgreSQL died", () => lines.find((l) => l.includes(`(pid ${killed}) stopped unexpectedly (signal SIGKILL); restarting it on 127.0.0.1:`)), 5_000);
    // Its backends outlive it for a moment and may still answer on pooled connections.
    await waitFor("the dead server's backends to be gone", () => !groupAlive(killed), 15_000);

    // While it is down: 503 + Retry-After everywhere, a request id, no PostgreSQL text or address.
    const port = String(new URL(database.url).port);
    const health = await fetch(`${server.url}/api/health`);
    const healthText = await health.text();
    const search = await fetch(`${server.url}/api/v1/traces?service=${SERVICE}`, { headers: adminAuthHeaders });
    const searchBody = (await search.json()) as { error: { code: string; message: string; requestId: string } };
    routes.forgetCachedIngestKeys(); // a cold key cache: checking the stored key needs the database
    const ingest = await fetch(`${server.url}/api/otlp/v1/traces`, { method: "POST", headers: { Authorization: `Bearer ${ingestKey}`, "Content-Type": "application/json" }, body: "{}" });
    const ingestBody = (await ingest.json()) as { error: { code: string; requestId: string } };
    // SIGHTLINE_INGEST_KEY needs no database: this one gets as far as the write.
    const write = await fetch(`${server.url}/api/otlp/v1/traces`, { method: "POST", headers: { Authorization: `Bearer ${TEST_INGEST_KEY}`, "Content-Type": "application/json" }, body: oneSpan() });
    const writeBody = (await write.json()) as { error: { code: string; requestId: string } };
    expect(database.pid!()).toBeUndefined(); // the probes above really ran during the outage
    expect(lines.some((l) => l.includes("restarted"))).toBe(false);

    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(JSON.parse(healthText)).toMatchObject({ status: "unavailable", requestId: health.headers.get("x-request-id") });
    expect(search.status).toBe(503);
    expect(search.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(searchBody.error).toMatchObject({ code: "unavailable", requestId: search.headers.get("x-request-id") });
    expect(ingest.status).toBe(503);
    expect(ingest.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(ingestBody.error).toMatchObject({ code: "unavailable", requestId: ingest.headers.get("x-request-id") });
    expect(write.status).toBe(503);
    expect(write.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(writeBody.error).toMatchObject({ code: "unavailable", requestId: write.headers.get("x-request-id") });
    for (const text of [healthText, JSON.stringify(searchBody), JSON.stringify(ingestBody), JSON.stringify(writeBody)]) {
      expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|connect|terminat|postgres/i);
      expect(text).not.toContain(port);
    }

    const restartedLine = await waitFor("the restart", () => lines.find((l) => /^embedded PostgreSQL restarted \(pid \d+\) on 127\.0\.0\.1:\d+$/.test(l)), 60_000);
    const restartedAt = Date.now();
    expect(database.pid!()).not.toBe(killed);
    const ackedBeforeRestart = exporter.acked.size;
    await waitFor("exports acknowledged after the restart", () => exporter.ackedAt.some((at) => at >= restartedAt) && exporter.acked.size >= ackedBeforeRestart + 50);
    clearInterval(producer);
    await provider.forceFlush();
    await provider.shutdown();

    // The app recovered by itself: its pool reconnected.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/traces?service=${SERVICE}`, { headers: adminAuthHeaders })).status).toBe(200);

    const acked = [...exporter.acked];
    const { rows } = await routes.getPool().query<{ stored: string; acked_stored: string }>(
      `SELECT count(*) AS stored, count(*) FILTER (WHERE encode(span_id, 'hex') = ANY($2::text[])) AS acked_stored
         FROM spans WHERE service_name = $1`,
      [SERVICE, acked],
    );
    expect(Number(rows[0]!.acked_stored)).toBe(acked.length); // every acknowledged span is stored
    expect(Number(rows[0]!.stored)).toBe(acked.length); // and nothing unacknowledged was
    expect(acked.length + exporter.failed).toBeLessThanOrEqual(sent);
    expect(gaveUp).toEqual([]);
    expect(restartedLine).toBeDefined();
  }, 180_000);
});

describe("an embedded PostgreSQL that cannot be started again", () => {
  it("is given up on loudly after repeated failures, and the owner is told", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sightline-give-up-"));
    const said: string[] = [];
    const reasons: string[] = [];
    let blocker: net.Server | undefined;
    const own = await startEmbeddedPostgres({
      dataDir: dir,
      port: 0,
      log: (line) => {
        said.push(line);
        // Something else takes the port the moment the server is gone: every restart fails to bind.
        if (line.includes("stopped unexpectedly")) blocker = net.createServer().listen(own.port, "127.0.0.1");
      },
      supervise: { onGiveUp: (reason) => reasons.push(reason), restartDelaysMs: [100] },
    });
    try {
      process.kill(own.pid()!, "SIGKILL");
      await waitFor("giving up", () => reasons.length > 0, 60_000);
      expect(reasons).toEqual([`embedded PostgreSQL failed ${MAX_FAILURES} times in a row`]);
      const attempts = said.filter((line) => line.startsWith("embedded PostgreSQL did not start again"));
      expect(attempts).toHaveLength(MAX_FAILURES);
      expect(attempts[0]).toMatch(/^embedded PostgreSQL did not start again \(attempt 1 of 5\): .*could not (bind|create)/);
      expect(said.at(-1)).toBe(`embedded PostgreSQL failed ${MAX_FAILURES} times in a row; giving up on it`);
      expect(own.pid()).toBeUndefined();
    } finally {
      blocker?.close();
      await own.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
