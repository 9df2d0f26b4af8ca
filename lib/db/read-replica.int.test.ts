import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { findReplicationBinaries, startStreamingReplica, type StreamingReplica } from "@/lib/testing/streaming-replica";
import { adminAuthHeaders } from "@/lib/testing/test-auth";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { migrateDatabase } from "./migrate-database";

// DATABASE_READ_URL (issue 15): a real streaming replica of a cluster started here. Spans written
// through the OTLP route land on the primary; the read-only trace route answers from the
// replica through the app's read pool; with replay paused the replica falls behind, health
// says by how much, and the primary's data is not yet visible through the read pool.

const bin = await findReplicationBinaries();
if (!bin) console.warn("[read-replica.int.test] skipped: no PostgreSQL install with initdb, postgres and pg_basebackup (looked in /usr/lib/postgresql/*/bin and pg_config --bindir)");

const SERVICE = "read-replica-test";

describe.skipIf(!bin)("reads through a streaming replica (DATABASE_READ_URL)", () => {
  let cluster: StreamingReplica;
  let server: RouteServer;
  let replicaAdmin: pg.Client;
  let client: { getPool: () => pg.Pool; getReadPool: () => pg.Pool };

  beforeAll(async () => {
    cluster = await startStreamingReplica(bin!);
    await migrateDatabase(cluster.primaryUrl);
    // The app's modules read the environment when first imported: point them at this cluster.
    process.env.DATABASE_URL = cluster.primaryUrl;
    process.env.DATABASE_READ_URL = cluster.replicaUrl;
    const [traces, trace, health] = await Promise.all([
      import("@/app/api/otlp/v1/traces/route"),
      import("@/app/api/v1/traces/[traceId]/route"),
      import("@/app/api/health/route"),
    ]);
    client = await import("./client");
    server = await startRouteServer({
      "/api/otlp/v1/traces": traces,
      "/api/v1/traces/[traceId]": { GET: (request, { params }) => trace.GET(request, { params: params as Promise<{ traceId: string }> }) },
      "/api/health": health,
    });
    replicaAdmin = new pg.Client({ connectionString: cluster.replicaUrl });
    await replicaAdmin.connect();
  }, 120_000);

  afterAll(async () => {
    await replicaAdmin?.end();
    await server?.close();
    if (client) await Promise.all([client.getPool().end(), client.getReadPool().end()]);
    await cluster?.stop();
  });

  async function sendTrace(): Promise<string> {
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ "service.name": SERVICE }), spanProcessors: [new SimpleSpanProcessor(memory)] });
    const root = provider.getTracer("read-replica").startSpan("GET /orders");
    root.end();
    const spans: ReadableSpan[] = memory.getFinishedSpans();
    const exporter = new OTLPTraceExporter({ url: `${server.url}/api/otlp/v1/traces`, headers: { Authorization: `Bearer ${TEST_INGEST_KEY}` } });
    const code = await new Promise<number>((resolve) => exporter.export(spans, (result) => resolve(Number(result.code))));
    await exporter.shutdown();
    expect(code).toBe(0); // ExportResultCode.SUCCESS
    return root.spanContext().traceId;
  }

  const readTrace = (traceId: string) => fetch(`${server.url}/api/v1/traces/${traceId}`, { headers: adminAuthHeaders });

  async function health() {
    const response = await fetch(`${server.url}/api/health`);
    return { status: response.status, header: response.headers.get("x-replica-lag-seconds"), body: (await response.json()) as { status: string; readReplica?: { ok: boolean; lagSeconds: number | null } } };
  }

  it("writes go to the primary and reads come back through the replica", async () => {
    const primary = await client.getPool().query<{ recovery: boolean }>("SELECT pg_is_in_recovery() AS recovery");
    const replica = await client.getReadPool().query<{ recovery: boolean }>("SELECT pg_is_in_recovery() AS recovery");
    expect(primary.rows[0]!.recovery).toBe(false);
    expect(replica.rows[0]!.recovery).toBe(true);
    await expect(client.getReadPool().query("CREATE TABLE must_not_exist (id int)")).rejects.toMatchObject({ code: "25006" }); // read-only transaction

    const traceId = await sendTrace();
    let response = await readTrace(traceId);
    for (const deadline = Date.now() + 10_000; response.status === 404 && Date.now() < deadline; response = await readTrace(traceId)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(response.status).toBe(200);
    const body = (await response.json()) as { traceId: string; spans: { serviceName: string; name: string }[] };
    expect(body.spans).toMatchObject([{ serviceName: SERVICE, name: "GET /orders" }]);

    const caughtUp = await health();
    expect(caughtUp.status).toBe(200);
    expect(caughtUp.body.readReplica).toEqual({ ok: true, lagSeconds: 0 });
  });

  it("a replica that falls behind is reported by health, and its reads miss the newest writes", async () => {
    await replicaAdmin.query("SELECT pg_wal_replay_pause()");
    try {
      const traceId = await sendTrace();
      // Stored on the primary at once…
      const onPrimary = await client.getPool().query("SELECT 1 FROM spans WHERE trace_id = decode($1, 'hex')", [traceId]);
      expect(onPrimary.rowCount).toBe(1);
      // …but not replayed: the read route does not see it, and health says how far behind it is.
      await new Promise((resolve) => setTimeout(resolve, 6_500));
      expect((await readTrace(traceId)).status).toBe(404);
      const behind = await health();
      expect(behind.status).toBe(200);
      expect(behind.body.readReplica?.ok).toBe(true);
      expect(behind.body.readReplica?.lagSeconds).toBeGreaterThan(5);
      expect(Number(behind.header)).toBe(behind.body.readReplica?.lagSeconds);
    } finally {
      await replicaAdmin.query("SELECT pg_wal_replay_resume()");
    }
    let lag: number | null | undefined;
    for (const deadline = Date.now() + 10_000; lag !== 0 && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
      lag = (await health()).body.readReplica?.lagSeconds;
    }
    expect(lag).toBe(0);
  }, 60_000);
});
