import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utcDay } from "@/lib/utc-day";
import { listPartitions, maintainPartitions } from "./maintain-partitions";
import { ensurePartitions, forgetKnownPartitions } from "./ensure-partitions";
import { migrateDatabase } from "./migrate-database";
import { telemetryTableNames } from "./telemetry-tables";

const DAY = 86_400_000;
const retention = { spans: 7, metrics: 30, logs: 7, audit: 90, locks: 30, rollups: 30 };
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL! });
  await client.connect();
});
afterAll(() => client.end());

describe("partition upkeep", () => {
  it("creates today's and the next days' partitions for every telemetry table, once", async () => {
    const now = Date.parse("2031-03-10T12:00:00Z");
    const first = await maintainPartitions(client, { retention, daysAhead: 2, now });
    expect(first.created).toContain("spans:2031-03-10");
    expect(first.created).toContain("audit_changes:2031-03-12");
    expect(first.created).toHaveLength(telemetryTableNames.length * 3);
    const again = await maintainPartitions(client, { retention, daysAhead: 2, now });
    expect(again.created).toEqual([]);
  });

  it("drops partitions older than each table's retention and keeps the rest", async () => {
    const now = Date.parse("2031-03-10T12:00:00Z");
    const old = utcDay(now - 8 * DAY);
    await client.query("SELECT sightline_ensure_partition('spans', $1::date)", [old]);
    await client.query("SELECT sightline_ensure_partition('audit_changes', $1::date)", [old]);
    const { dropped } = await maintainPartitions(client, { retention, daysAhead: 0, now });
    expect(dropped).toContain(`spans:${old}`);
    const spanDays = (await listPartitions(client, "spans")).map((p) => p.day);
    const auditDays = (await listPartitions(client, "audit_changes")).map((p) => p.day);
    expect(spanDays).not.toContain(old);
    expect(auditDays).toContain(old); // audit keeps 90 days
  });

  it("drops partitions for days beyond those ahead, far-future ones included, and keeps tomorrow's", async () => {
    const now = Date.parse("2031-03-10T12:00:00Z");
    const beyond = [utcDay(now + 4 * DAY), "2099-01-01", "2150-06-30"];
    for (const day of beyond) await client.query("SELECT sightline_ensure_partition('audit_changes', $1::date)", [day]);
    await client.query("SELECT sightline_ensure_partition('lock_events', '2999-12-31')");
    const { dropped } = await maintainPartitions(client, { retention, daysAhead: 3, now });
    expect(dropped).toEqual(expect.arrayContaining([...beyond.map((day) => `audit_changes:${day}`), "lock_events:2999-12-31"]));
    const auditDays = (await listPartitions(client, "audit_changes")).map((p) => p.day);
    for (const day of beyond) expect(auditDays).not.toContain(day);
    expect(auditDays).toContain(utcDay(now + 3 * DAY)); // within days ahead: kept
    // With no days ahead, the next day stays: ingest accepts times up to 24 h ahead.
    const { dropped: none } = await maintainPartitions(client, { retention, daysAhead: 0, now });
    expect(none.filter((d) => d.endsWith(utcDay(now + DAY)))).toEqual([]);
    expect((await listPartitions(client, "spans")).map((p) => p.day)).toContain(utcDay(now + DAY));
  });

  it("hands every partition it is about to drop to beforeDrop first, while they still exist; a failing hook keeps them all", async () => {
    const now = Date.parse("2031-03-10T12:00:00Z");
    await maintainPartitions(client, { retention, daysAhead: 0, now });
    const calls: string[][] = [];
    const { dropped: none } = await maintainPartitions(client, { retention, daysAhead: 0, now, beforeDrop: (_db, partitions) => Promise.resolve(void calls.push(partitions.map((p) => `${p.table}:${p.day}`))) });
    expect(none).toEqual([]);
    expect(calls).toEqual([]); // nothing to drop: not called

    const old = utcDay(now - 9 * DAY);
    await client.query("SELECT sightline_ensure_partition('spans', $1::date)", [old]);
    await client.query("SELECT sightline_ensure_partition('span_events', $1::date)", [old]);
    const failing = maintainPartitions(client, { retention, daysAhead: 0, now, beforeDrop: () => Promise.reject(new Error("copy failed")) });
    await expect(failing).rejects.toThrow("copy failed");
    expect((await listPartitions(client, "spans")).map((p) => p.day)).toContain(old);

    let stillThere: string[] = [];
    const { dropped } = await maintainPartitions(client, {
      retention,
      daysAhead: 0,
      now,
      beforeDrop: async (db, partitions) => {
        calls.push(partitions.map((p) => `${p.table}:${p.day}`));
        stillThere = (await listPartitions(db, "spans")).map((p) => p.day);
      },
    });
    expect(calls).toEqual([[`spans:${old}`, `span_events:${old}`]]);
    expect(dropped).toEqual(calls[0]);
    expect(stillThere).toContain(old);
    expect((await listPartitions(client, "spans")).map((p) => p.day)).not.toContain(old);
  });

  it("accepts rows for a day with no premade partition by creating it on demand", async () => {
    forgetKnownPartitions();
    const day = "2019-06-01";
    const insert = () =>
      client.query(
        `INSERT INTO lock_events (time, id, kind, database, details) VALUES ($1, 'x1', 'wait', 'shop', '{}')`,
        [`${day}T10:00:00Z`],
      );
    await expect(insert()).rejects.toThrow(/no partition/);
    await ensurePartitions(client, "lock_events", [day]);
    await insert();
    const { rows } = await client.query("SELECT count(*)::int AS n FROM lock_events WHERE id = 'x1'");
    expect(rows[0].n).toBe(1);
  });

  it("creates the same partition from many sessions at once without an error", async () => {
    const url = process.env.DATABASE_URL!;
    const clients = await Promise.all(Array.from({ length: 6 }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }));
    const results = await Promise.all(clients.map((c) => c.query<{ created: boolean }>("SELECT sightline_ensure_partition('log_records', '2020-01-01') AS created")));
    await Promise.all(clients.map((c) => c.end()));
    expect(results.filter((r) => r.rows[0]?.created)).toHaveLength(1);
  });
});

describe("migrations", () => {
  it("are idempotent and wait for each other when started together", async () => {
    const url = process.env.DATABASE_URL!;
    const runs = await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);
    expect(runs).toEqual([[], [], []]);
  });
});
