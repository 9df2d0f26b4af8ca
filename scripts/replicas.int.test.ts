import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "../lib/testing/scratch-database";

// Stateless replicas (issue 15): two Sightline processes started at the same moment on one EMPTY
// database on the machine's PostgreSQL 15 must both come up (migrations, partitions, the admin
// from the environment, dashboards and demo rules all raced), and spans sent to both at once —
// including one batch sent to both, as a Collector retrying on another replica does — are each
// stored, and counted in the rollups, exactly once.

const SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const INGEST_KEY = "replica-test-ingest-key-0123456789";
const SPANS_PER_REPLICA = 600;
const SHARED_SPANS = 100;
const BATCH = 50;

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const available = await reachable(SERVER_URL);
if (!available) console.warn("[replicas.int.test] skipped: no PostgreSQL at 127.0.0.1:5432 (CI has one; this test needs it)");

interface Replica {
  child: ChildProcess;
  url: Promise<string>;
  output: () => string;
  dataDir: string;
}

function startReplica(databaseUrl: string): Replica {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-replica-"));
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/testing/replica-server.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SIGHTLINE_DATA_DIR: dataDir,
      SIGHTLINE_INGEST_KEY: INGEST_KEY,
      SIGHTLINE_DEMO: "1",
      SIGHTLINE_ADMIN_EMAIL: "ops@example.com",
      SIGHTLINE_ADMIN_PASSWORD: "replica-admin-password",
      SIGHTLINE_API_TOKEN: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /replica ready (\S+)/.exec(output);
      if (ready) resolve(ready[1]!);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`replica exited (code ${code}) before it was ready:\n${output}`)));
  });
  url.catch(() => {});
  return { child, url, output: () => output, dataDir };
}

async function stopReplica(replica: Replica) {
  if (replica.child.exitCode === null && replica.child.signalCode === null) {
    const exited = new Promise((resolve) => replica.child.once("exit", resolve));
    replica.child.kill("SIGTERM");
    const timeout = setTimeout(() => replica.child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timeout);
  }
  rmSync(replica.dataDir, { recursive: true, force: true });
}

/** Spans made by the real SDK, kept in memory so the same batch can be sent twice. */
function makeSpans(service: string, count: number): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ "service.name": service }), spanProcessors: [new SimpleSpanProcessor(memory)] });
  const tracer = provider.getTracer("replica-test");
  for (let i = 0; i < count; i++) tracer.startSpan(`op-${i % 5}`).end();
  return memory.getFinishedSpans();
}

function exportBatch(url: string, spans: ReadableSpan[]): Promise<void> {
  const exporter = new OTLPTraceExporter({ url: `${url}/api/otlp/v1/traces`, headers: { Authorization: `Bearer ${INGEST_KEY}` } });
  return new Promise<void>((resolve, reject) => {
    exporter.export(spans, (result) => (Number(result.code) === 0 /* ExportResultCode.SUCCESS */ ? resolve() : reject(result.error ?? new Error("export failed"))));
  }).finally(() => exporter.shutdown());
}

function batches<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

describe.skipIf(!available)("two replicas on one empty database", () => {
  let database: ScratchDatabase;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase(SERVER_URL, "sightline_replicas");
  });
  afterAll(async () => {
    await Promise.all(replicas.map(stopReplica));
    await database?.drop();
  });

  it("both come up, and spans sent to both at once are each stored and rolled up once", async () => {
    replicas = [startReplica(database.url), startReplica(database.url)];
    const [first, second] = await Promise.all(replicas.map((replica) => replica.url));
    for (const url of [first!, second!]) expect((await fetch(`${url}/api/health`)).status).toBe(200);

    const own = [makeSpans("replica-a", SPANS_PER_REPLICA), makeSpans("replica-b", SPANS_PER_REPLICA)];
    const shared = makeSpans("replica-shared", SHARED_SPANS);
    await Promise.all([
      ...batches(own[0]!, BATCH).map((batch) => exportBatch(first!, batch)),
      ...batches(own[1]!, BATCH).map((batch) => exportBatch(second!, batch)),
      exportBatch(first!, shared),
      exportBatch(second!, shared),
    ]);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const spans = await client.query<{ service_name: string; n: number; distinct_n: number }>(
        `SELECT service_name, count(*)::int AS n, count(DISTINCT (trace_id, span_id))::int AS distinct_n FROM spans GROUP BY 1 ORDER BY 1`,
      );
      expect(spans.rows).toEqual([
        { service_name: "replica-a", n: SPANS_PER_REPLICA, distinct_n: SPANS_PER_REPLICA },
        { service_name: "replica-b", n: SPANS_PER_REPLICA, distinct_n: SPANS_PER_REPLICA },
        { service_name: "replica-shared", n: SHARED_SPANS, distinct_n: SHARED_SPANS },
      ]);
      const rollups = await client.query<{ service_name: string; n: number }>(`SELECT service_name, sum(count)::int AS n FROM span_rollups_1m GROUP BY 1 ORDER BY 1`);
      expect(rollups.rows).toEqual([
        { service_name: "replica-a", n: SPANS_PER_REPLICA },
        { service_name: "replica-b", n: SPANS_PER_REPLICA },
        { service_name: "replica-shared", n: SHARED_SPANS },
      ]);
      // The raced start-up rows exist once each.
      const once = await client.query<{ admins: number; dashboards: number; rules: number; duplicate_rules: number }>(
        `SELECT (SELECT count(*)::int FROM users WHERE email = 'ops@example.com') AS admins,
                (SELECT count(*)::int FROM dashboards WHERE provisioned_id IS NOT NULL) AS dashboards,
                (SELECT count(*)::int FROM consistency_rules WHERE built_in) AS rules,
                (SELECT count(*)::int FROM (SELECT key FROM consistency_rules GROUP BY key HAVING count(*) > 1) d) AS duplicate_rules`,
      );
      expect(once.rows[0]).toMatchObject({ admins: 1, duplicate_rules: 0 });
      expect(once.rows[0]!.dashboards).toBeGreaterThan(0);
      expect(once.rows[0]!.rules).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
    for (const replica of replicas) expect(replica.output()).not.toMatch(/cannot start|duplicate key/);
  }, 180_000);
});
