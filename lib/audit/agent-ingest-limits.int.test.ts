import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as auditIngestRoute from "@/app/api/v1/ingest/audit/route";
import * as locksIngestRoute from "@/app/api/v1/ingest/locks/route";
import { getPool } from "@/lib/db/client";
import { listPartitions } from "@/lib/db/maintain-partitions";
import type { AuditChangeInput } from "@/lib/schemas/audit";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";

// Issue 10, items 1 and 5 on the db agent's endpoints: a change or lock event the store cannot
// hold (a commit time outside the window every ingest path accepts, a key too large for the
// audit index, a txid past bigint) is refused as that item, with the reason; the rest of the
// batch is stored; and no request can create partitions for far-off days.

let server: RouteServer;
beforeAll(async () => {
  server = await startRouteServer({ "/api/v1/ingest/audit": auditIngestRoute, "/api/v1/ingest/locks": locksIngestRoute });
});
afterAll(async () => {
  await server.close();
  await getPool().end();
});

const DAY = 86_400_000;
const randomText = (length: number) => randomBytes(length).toString("base64").slice(0, length);

async function post(path: string, body: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${TEST_INGEST_KEY}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

let n = 0;
function change(database: string, overrides: Partial<AuditChangeInput> = {}): AuditChangeInput {
  return {
    id: `${database}:${++n}`,
    database,
    schema: "public",
    table: "orders",
    op: "INSERT",
    pk: { id: n },
    before: null,
    after: { id: n },
    changedColumns: [],
    actor: null,
    dbUser: null,
    applicationName: null,
    statement: null,
    txid: "7",
    traceId: null,
    spanId: null,
    committedAt: new Date().toISOString(),
    ...overrides,
  };
}

const stored = async (database: string) =>
  (await getPool().query("SELECT id FROM audit_changes WHERE database = $1 ORDER BY id", [database])).rows.map((r) => r.id as string);

describe("audit changes outside what the store can hold", () => {
  it("refuses commit times outside the window one by one, and creates no partition for them", async () => {
    const partitionsBefore = (await listPartitions(getPool(), "audit_changes")).map((p) => p.day);
    const farDays = Array.from({ length: 500 }, (_, i) => change("far_days", { committedAt: new Date(Date.UTC(2150, 0, 1) + i * DAY).toISOString() }));
    const result = await post("/api/v1/ingest/audit", {
      changes: [change("far_days"), ...farDays, change("far_days", { committedAt: "1970-01-01T00:00:00Z" })],
    });
    // Before: 200 { inserted: 502 } and 501 new partitions, the 2150 ones beyond any retention.
    expect(result.status).toBe(200);
    expect(result.json.inserted).toBe(1);
    expect(result.json.rejected).toBe(501);
    expect(result.json.errors).toHaveLength(5);
    expect(result.json.errors[0]).toBe("changes.1.committedAt: 2150-01-01T00:00:00.000Z is more than 24 h in the future");
    expect(await stored("far_days")).toEqual([expect.stringMatching(/^far_days:\d+$/)]);
    expect((await listPartitions(getPool(), "audit_changes")).map((p) => p.day)).toEqual(partitionsBefore);

    const old = await post("/api/v1/ingest/audit", { changes: [change("far_days", { committedAt: "1970-01-01T00:00:00Z" })] });
    expect(old.status).toBe(400);
    expect(old.json.error.message).toBe("all 1 changes were rejected: changes.0.committedAt: 1970-01-01T00:00:00Z is before the year 2000");
  });

  it("stores the largest key the limits allow, and refuses a larger one, a nested one or a txid past bigint as those changes only", async () => {
    // 32 columns of incompressible text, as close to 1,024 bytes of JSON as they get, on the
    // longest table name allowed (200 characters, 3 bytes each in UTF-8): must still fit the index.
    const widest: Record<string, string> = {};
    for (let column = 0; column < 32; column++) widest[`c${column}`.padEnd(6, "_")] = randomText(19);
    widest.c0____ += randomText(1024 - Buffer.byteLength(JSON.stringify(widest)));
    expect(Buffer.byteLength(JSON.stringify(widest))).toBe(1024);
    const longTable = "中".repeat(200); // 600 bytes
    const result = await post("/api/v1/ingest/audit", {
      changes: [
        change("key_limits", { table: longTable, pk: widest }),
        change("key_limits", { pk: { id: randomText(3000) } }),
        change("key_limits", { pk: { id: [1, 2, 3] } as unknown as AuditChangeInput["pk"] }),
        change("key_limits", { txid: "9999999999999999999" }),
        change("key_limits"),
      ],
    });
    // Before: 503 "the store could not take this batch; nothing was written, retry" (index row
    // size exceeds btree maximum), retried by the agent forever.
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ inserted: 2, duplicates: 0, rejected: 3 });
    expect(result.json.errors).toEqual([
      "changes.1.pk: is 3009 bytes of JSON, at most 1024",
      expect.stringMatching(/^changes\.2\.pk\.id: /),
      "changes.3.txid: must be at most 9223372036854775807 (bigint)",
    ]);
    const rows = (await getPool().query("SELECT table_name, pk FROM audit_changes WHERE database = 'key_limits' ORDER BY table_name")).rows;
    expect(rows).toEqual([{ table_name: "orders", pk: expect.any(Object) }, { table_name: longTable, pk: widest }]);
  });
});

describe("audit values PostgreSQL cannot hold as sent", () => {
  it("stores NUL and lone surrogates as U+FFFD, as OTLP ingest does, instead of refusing the batch", async () => {
    const result = await post("/api/v1/ingest/audit", {
      changes: [change("odd_text", { table: "or\u0000ders", after: { id: 1, note: "half \ud800 emoji" }, statement: "UPDATE \u0000" })],
    });
    // Before: 400 "the batch holds a value the store refuses: …" for the whole batch.
    expect(result).toEqual({ status: 200, json: { inserted: 1, duplicates: 0, rejected: 0, errors: [] } });
    const rows = (await getPool().query("SELECT table_name, after, statement FROM audit_changes WHERE database = 'odd_text'")).rows;
    expect(rows).toEqual([{ table_name: "or\uFFFDders", after: { id: 1, note: "half \uFFFD emoji" }, statement: "UPDATE \uFFFD" }]);
  });
});

describe("lock events outside the window", () => {
  const wait = (id: string, time: string) => ({
    id,
    kind: "wait",
    database: "lock_limits",
    time,
    durationMs: 10,
    ended: false,
    lock: { type: "relation", mode: "ShareLock", object: "relation public.orders", relation: "public.orders" },
    waiter: { pid: 10 },
    blockers: [],
  });

  it("treats wait ids that differ only in what PostgreSQL cannot hold as one episode", async () => {
    const time = new Date().toISOString();
    const result = await post("/api/v1/ingest/locks", { events: [{ ...wait("lock_odd:\u0000", time), database: "lock_odd", durationMs: 5 }, { ...wait("lock_odd:\ufffd", time), database: "lock_odd", durationMs: 9 }] });
    // Before: 503 "the store could not take this batch; nothing was written, retry" (ON CONFLICT DO UPDATE … a second time).
    expect(result).toEqual({ status: 200, json: { inserted: 1, updated: 1, rejected: 0, errors: [] } });
    const rows = (await getPool().query("SELECT id, duration_ms FROM lock_events WHERE id LIKE 'lock_odd:%'")).rows;
    expect(rows).toEqual([{ id: "lock_odd:\uFFFD", duration_ms: 9 }]);
  });

  it("refuses a wait or deadlock with a far-off time as that event, and stores the rest", async () => {
    const partitionsBefore = (await listPartitions(getPool(), "lock_events")).map((p) => p.day);
    const result = await post("/api/v1/ingest/locks", {
      events: [
        wait("lock_limits:now", new Date().toISOString()),
        wait("lock_limits:future", "2999-12-31T00:00:00Z"),
        { id: "lock_limits:dl", kind: "deadlock", database: "lock_limits", time: "1999-12-31T23:59:59Z", source: "counter", count: 1, processes: [] },
      ],
    });
    // Before: 200 { inserted: 3 } and partitions for 2999-12-31 and 1999-12-31.
    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      inserted: 1,
      updated: 0,
      rejected: 2,
      errors: ["events.1.time: 2999-12-31T00:00:00Z is more than 24 h in the future", "events.2.time: 1999-12-31T23:59:59Z is before the year 2000"],
    });
    const ids = (await getPool().query("SELECT id FROM lock_events WHERE database = 'lock_limits'")).rows.map((r) => r.id);
    expect(ids).toEqual(["lock_limits:now"]);
    expect((await listPartitions(getPool(), "lock_events")).map((p) => p.day)).toEqual(partitionsBefore);
  });
});
