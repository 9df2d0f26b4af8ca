import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseActivityResponse } from "@/lib/schemas/database-activity";
import type { LockIngestResponse } from "@/lib/schemas/locks";
import { adminAuthHeaders } from "@/lib/testing/test-auth";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { startDbAgent, type DbAgent } from "./start-db-agent";
import { createMonitoredDatabase, startFakeSightline, waitFor, type FakeSightline, type MonitoredDatabase } from "./testing/agent-harness";

// The agent's activity samples against a real PostgreSQL: sessions idle in a transaction with
// their last statement and the request behind it (from a sqlcommenter comment or from
// application_name), and table statistics, read back through GET /api/v1/database/activity.

const SQL_TRACE = { trace: "c".repeat(32), span: "d".repeat(16) };
const APP_TRACE = { trace: "e".repeat(32), span: "f".repeat(16) };

let shop: MonitoredDatabase;
let sightline: FakeSightline;
let agent: DbAgent;
let idleWithComment: pg.Client;
let idleWithName: pg.Client;
let commentPid: number;
const startedAt = Date.now();

const activity = () =>
  sightline.getJson<DatabaseActivityResponse>(`/api/v1/database/activity?database=${shop.name}&from=${startedAt - 60_000}&to=${Date.now() + 60_000}`);

/** Statistics reach pg_stat_* when a session flushes them; PostgreSQL 15+ can be told to at once. */
async function flushStats(client: pg.Client) {
  await client.query("SELECT pg_stat_force_next_flush()");
}

beforeAll(async () => {
  shop = await createMonitoredDatabase(process.env.DATABASE_URL!, "activity_test");
  await shop.client.query(`
    CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL);
    CREATE TABLE events (id int, body text);
    ALTER TABLE events SET (autovacuum_enabled = false);
    INSERT INTO orders SELECT g, 'new' FROM generate_series(1, 10) g;
    INSERT INTO events SELECT g, 'x' FROM generate_series(1, 500) g;
    DELETE FROM events WHERE id <= 200;`);
  await shop.client.query("VACUUM orders");
  for (let i = 0; i < 3; i++) await shop.client.query("SELECT count(*) FROM events");
  await flushStats(shop.client);

  idleWithComment = await shop.connect();
  commentPid = (await idleWithComment.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
  await idleWithComment.query("BEGIN");
  await idleWithComment.query(`UPDATE orders SET status = 'paid' WHERE id = 1 /*traceparent='00-${SQL_TRACE.trace}-${SQL_TRACE.span}-01'*/`);
  idleWithName = await shop.connect({ applicationName: `worker 00-${APP_TRACE.trace}-${APP_TRACE.span}-01` });
  await idleWithName.query("BEGIN");
  await idleWithName.query("SELECT status FROM orders WHERE id = 2");

  sightline = await startFakeSightline();
  agent = startDbAgent({
    sightlineUrl: sightline.url,
    ingestKey: TEST_INGEST_KEY,
    intervalMs: 250,
    lockIntervalMs: 200,
    databases: [{ url: shop.url, name: shop.name, tables: [] }],
    log: () => {},
  });
});

afterAll(async () => {
  await agent?.stop();
  await sightline?.close();
  await shop?.drop();
});

describe("activity samples", () => {
  it("list the sessions idle in a transaction with their last query and trace, longest first", async () => {
    const answer = await waitFor(async () => {
      const a = await activity();
      return a.samples > 2 && a.idleSessions.length >= 2 && a.idleSessions.every((s) => s.idleMs >= 500) && a;
    }, { what: "three samples of two sessions idle in a transaction for half a second" });
    const [first, second] = answer.idleSessions;
    // The comment session went idle first, so it has idled longest.
    expect(first).toMatchObject({ pid: commentPid, traceId: SQL_TRACE.trace, spanId: SQL_TRACE.span });
    expect(first!.query).toContain("UPDATE orders SET status = ");
    // The database has no masked columns, so the agent ships full query text by default.
    expect(first!.query).toContain("'paid'");
    expect(first!.xactStart).not.toBeNull();
    expect(second).toMatchObject({ traceId: APP_TRACE.trace, spanId: APP_TRACE.span, applicationName: `worker 00-${APP_TRACE.trace}-${APP_TRACE.span}-01` });
    expect(first!.idleMs).toBeGreaterThanOrEqual(second!.idleMs);
    // Sampled many times while idle, each transaction is listed once.
    expect(new Set(answer.idleSessions.map((s) => s.pid)).size).toBe(answer.idleSessions.length);
  });

  it("carry table statistics: sequential scans (also within the window), dead tuples and the last vacuum", async () => {
    const before = await activity();
    const events = before.tables.find((t) => t.table === "public.events");
    expect(events).toMatchObject({ deadRows: 200, liveRows: 300, indexScans: null, lastVacuum: null });
    expect(events!.seqScans).toBeGreaterThanOrEqual(3);
    expect(before.tables.find((t) => t.table === "public.orders")!.lastVacuum).not.toBeNull();
    expect(before.tables.some((t) => t.table.startsWith("sightline_audit."))).toBe(false);

    for (let i = 0; i < 4; i++) await shop.client.query("SELECT count(*) FROM events");
    await flushStats(shop.client);
    const after = await waitFor(async () => {
      const a = await activity();
      const t = a.tables.find((x) => x.table === "public.events");
      return t && t.seqScans >= events!.seqScans + 4 && a;
    }, { what: "the four new scans of public.events in a sample" });
    expect(after.tables[0]!.table).toBe("public.events");
    expect(after.tables[0]!.seqScansInWindow).toBeGreaterThanOrEqual(4);
  });

  it("an activity sample that breaks its schema is refused alone; the lock ingest stores the rest", async () => {
    const time = new Date().toISOString();
    const good = { id: `activity:manual:${time}`, kind: "activity", database: "manual_db", time, idleSessions: [], tables: [{ table: "public.t", seqScans: 5, seqRowsRead: 10, liveRows: 1, deadRows: 2 }] };
    const bad = { ...good, id: "activity:manual:bad", tables: [{ ...good.tables[0], deadRows: -1 }] };
    const post = async () => {
      const response = await fetch(`${sightline.url}/api/v1/ingest/locks`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${TEST_INGEST_KEY}` },
        body: JSON.stringify({ events: [good, bad] }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as LockIngestResponse;
    };
    const answer = await post();
    expect(answer).toMatchObject({ inserted: 1, updated: 0, rejected: 1 });
    expect(answer.errors[0]).toMatch(/events\.1\.tables\.0\.deadRows/);
    // A re-sent sample changes nothing.
    expect(await post()).toMatchObject({ inserted: 0, updated: 1, rejected: 1 });
    const stored = await sightline.getJson<DatabaseActivityResponse>(`/api/v1/database/activity?database=manual_db&from=${Date.parse(time) - 1000}&to=${Date.parse(time) + 1000}`);
    expect(stored).toMatchObject({ samples: 1, takenAt: time.replace("Z", "000Z"), tables: [{ table: "public.t", deadRows: 2, seqScansInWindow: null }] });
  });

  it("answers 400 naming a parameter it cannot use", async () => {
    const response = await fetch(`${sightline.url}/api/v1/database/activity?database=x&from=2000&to=1000`, { headers: adminAuthHeaders });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("from");
    const missing = await fetch(`${sightline.url}/api/v1/database/activity`, { headers: adminAuthHeaders });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("database");
  });
});
