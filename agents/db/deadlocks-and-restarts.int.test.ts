import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import type { AuditChangesResponse } from "@/lib/schemas/audit";
import type { LockEvent, LockEventsResponse } from "@/lib/schemas/locks";
import { findFreePort } from "@/lib/net/find-free-port";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { startDbAgent, type DbAgent } from "./start-db-agent";
import { createMonitoredDatabase, produceDeadlock, startFakeSightline, waitFor, type FakeSightline, type MonitoredDatabase } from "./testing/agent-harness";

// Deadlocks, from the server log (on a PostgreSQL of this test's own, whose log it can read)
// and from the pg_stat_database counter (on the shared test server, log not given), and the
// agent riding out a restart of the monitored database.

const trace = (digit: string) => ({ traceparent: `00-${digit.repeat(32)}-${digit.repeat(16)}-01`, id: digit.repeat(32) });
const ACCOUNTS = "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL); INSERT INTO accounts VALUES (1, 100), (2, 100);";

let sightline: FakeSightline;
let own: { server: EmbeddedDatabase; dataDir: string; port: number; logFile: string };
let ownShop: MonitoredDatabase;
let ownOther: MonitoredDatabase;
let agent: DbAgent;
const lines: string[] = [];

const events = async (query: string) => (await sightline.getJson<LockEventsResponse>(`/api/v1/locks?${query}`)).events;

async function startOwnServer(dataDir: string, port: number, logFile: string) {
  return startEmbeddedPostgres({
    dataDir,
    port,
    strictPort: true,
    database: "postgres",
    serverLogFile: logFile,
    postgresFlags: ["-c", "shared_preload_libraries=pg_stat_statements"],
  });
}

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sightline-agent-pg-"));
  const port = await findFreePort();
  const logFile = path.join(dataDir, "server.log");
  own = { server: await startOwnServer(dataDir, port, logFile), dataDir, port, logFile };
  ownShop = await createMonitoredDatabase(own.server.url, "shop");
  ownOther = await createMonitoredDatabase(own.server.url, "other");
  await ownShop.client.query(`${ACCOUNTS} CREATE EXTENSION pg_stat_statements;`);
  await ownOther.client.query(ACCOUNTS);
  sightline = await startFakeSightline();
  agent = startDbAgent({
    sightlineUrl: sightline.url,
    ingestKey: TEST_INGEST_KEY,
    intervalMs: 250,
    lockIntervalMs: 200,
    logFile,
    databases: [{ url: ownShop.url, name: "own-shop", tables: ["accounts"] }],
    log: (line) => lines.push(line),
  });
  await waitFor(() => lines.some((l) => l.includes("reading deadlocks from")), { what: "the agent to open the server log" });
});

afterAll(async () => {
  await agent?.stop();
  await sightline?.close();
  await ownShop?.drop().catch(() => {});
  await ownOther?.drop().catch(() => {});
  await own?.server.stop();
  if (own) rmSync(own.dataDir, { recursive: true, force: true });
  await getPool().end();
});

describe("deadlocks from the server log", () => {
  it("a real deadlock produced by two connections arrives with both processes and their queries", async () => {
    // First a deadlock in a database nobody monitors: it is in the same log, and must not be
    // reported as the shop's.
    const elsewhere = await produceDeadlock(ownOther, [trace("e").traceparent, trace("f").traceparent]);
    expect(elsewhere.errors).toEqual(["deadlock detected"]);

    const [a, b] = [trace("a"), trace("b")];
    const { pids, errors } = await produceDeadlock(ownShop, [a.traceparent, b.traceparent]);
    expect(errors).toEqual(["deadlock detected"]);

    const deadlock = await waitFor(async () => (await events("kind=deadlock&database=own-shop"))[0], { what: "the deadlock event" });
    if (deadlock.kind !== "deadlock") throw new Error("expected a deadlock");
    expect(deadlock).toMatchObject({ source: "log", count: 1, message: "deadlock detected" });
    expect(pids).toContain(deadlock.victimPid);
    expect(deadlock.processes.map((p) => p.pid).sort()).toEqual([...pids].sort());
    for (const process of deadlock.processes) {
      const other = pids.find((pid) => pid !== process.pid);
      expect(process.blockedBy).toEqual([other]);
      expect(process.waitsFor).toMatchObject({ mode: "ShareLock", object: expect.stringMatching(/^transaction \d+$/) });
      expect(process.query).toMatch(/^UPDATE accounts SET balance = balance \+ 1 WHERE id = [12] \/\*traceparent='00-[ab]{32}-[ab]{16}-01'\*\/$/);
    }
    expect(deadlock.processes.map((p) => p.traceId).sort()).toEqual([a.id, b.id]);
    expect(deadlock.traceIds.sort()).toEqual([a.id, b.id]);
    expect(deadlock.context).toMatch(/^while updating tuple \(0,\d\) in relation "accounts"$/);

    // Each process also waited for a second before the server broke the cycle.
    const waits = await waitFor(async () => {
      const found = (await events("kind=wait&database=own-shop")).filter((e) => pids.includes((e as Extract<LockEvent, { kind: "wait" }>).waiter.pid));
      return found.length >= 1 && found;
    });
    expect(waits.length).toBeGreaterThanOrEqual(1);

    // The other database's deadlock came first in the log, so it has been read by now.
    const all = await events("kind=deadlock");
    expect(all).toHaveLength(1);
  });
});

describe("top statements", () => {
  it("arrive as metrics from pg_stat_statements, by query id and text", async () => {
    // Slow enough to be among the ten statements with the most execution time.
    for (let i = 0; i < 4; i++) await ownShop.client.query("SELECT sum(balance) FROM accounts, pg_sleep(0.5) WHERE id > $1", [i]);
    const series = await waitFor(async () => {
      const { rows } = await getPool().query<{ attributes: Record<string, string> }>(
        `SELECT s.attributes FROM metric_series s JOIN resources r ON r.id = s.resource_id
          WHERE s.name = 'postgresql.statement.calls' AND r.attributes->>'db.name' = 'own-shop'`,
      );
      const found = rows.find((r) => r.attributes["db.query.text"]?.startsWith("SELECT sum(balance) FROM accounts"));
      // The agent's own (tagged) queries are not among the top statements it reports.
      expect(rows.some((r) => r.attributes["db.query.text"]?.includes("sightline-db-agent"))).toBe(false);
      return found;
    }, { what: "statement metrics" });
    expect(series.attributes).toMatchObject({ "db.namespace": "own-shop", "postgresql.queryid": expect.stringMatching(/^-?\d+$/) });
    expect(series.attributes["db.query.text"]).toBe("SELECT sum(balance) FROM accounts, pg_sleep($2) WHERE id > $1");
  });
});

describe("restarts", () => {
  it("rides out a restart of the monitored database and keeps its outbox", async () => {
    sightline.setDown(true);
    await ownShop.client.query("UPDATE accounts SET balance = 50 WHERE id = 1");
    await ownShop.client.end();
    lines.length = 0;
    await own.server.stop();
    await waitFor(() => lines.some((l) => l.includes("database unreachable")), { what: "the agent to notice the database is gone" });

    own.server = await startOwnServer(own.dataDir, own.port, own.logFile);
    sightline.setDown(false);
    const client = await ownShop.connect();
    await client.query("UPDATE accounts SET balance = 60 WHERE id = 2");
    const changes = await waitFor(
      async () => {
        const found = (await sightline.getJson<AuditChangesResponse>("/api/v1/audit/changes?database=own-shop&table=accounts&order=asc")).changes;
        return found.length === 2 && found;
      },
      { timeoutMs: 60_000, what: "the changes from before and after the restart" },
    );
    expect(changes.map((c) => [c.pk, c.after?.balance])).toEqual([
      [{ id: 1 }, 50],
      [{ id: 2 }, 60],
    ]);
    // The agent says so in its next periodic report, which may come after the changes arrived.
    await waitFor(() => lines.some((l) => l.includes("connected")), { timeoutMs: 30_000, what: "the agent to report it reconnected" });
  });
});

describe("deadlocks without the server log", () => {
  it("are reported from the pg_stat_database counter", async () => {
    const shared = await createMonitoredDatabase(process.env.DATABASE_URL!, "counter_test");
    await shared.client.query(ACCOUNTS);
    const counterAgent = startDbAgent({
      sightlineUrl: sightline.url,
      ingestKey: TEST_INGEST_KEY,
      intervalMs: 250,
      lockIntervalMs: 200,
      databases: [{ url: shared.url, name: "counter-shop", metrics: false }],
      log: () => {},
    });
    try {
      // The first reading is the baseline; a deadlock after it is one the counter reports.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const { errors } = await produceDeadlock(shared, [trace("c").traceparent, trace("d").traceparent]);
      expect(errors).toEqual(["deadlock detected"]);
      const event = await waitFor(async () => (await events("kind=deadlock&database=counter-shop"))[0], { timeoutMs: 45_000, what: "the counted deadlock" });
      expect(event).toMatchObject({ kind: "deadlock", source: "counter", count: 1, processes: [] });
      expect((event as { message: string }).message).toMatch(/details unavailable/);
    } finally {
      await counterAgent.stop();
      await shared.drop();
    }
  });
});
