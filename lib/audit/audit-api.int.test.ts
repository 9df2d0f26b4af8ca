import { adminAuthHeaders } from "@/lib/testing/test-auth";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as changesRoute from "@/app/api/v1/audit/changes/route";
import * as auditIngestRoute from "@/app/api/v1/ingest/audit/route";
import * as locksIngestRoute from "@/app/api/v1/ingest/locks/route";
import * as locksRoute from "@/app/api/v1/locks/route";
import { getPool } from "@/lib/db/client";
import { auditChangesResponseSchema, type AuditChangeInput } from "@/lib/schemas/audit";
import { lockEventsResponseSchema, type LockWaitInput } from "@/lib/schemas/locks";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";

// Sightline's side of the db agent contract, over HTTP: what the ingest endpoints accept,
// refuse and store once, and what the query endpoints return for each filter.

let server: RouteServer;
beforeAll(async () => {
  server = await startRouteServer({
    "/api/v1/ingest/audit": auditIngestRoute,
    "/api/v1/ingest/locks": locksIngestRoute,
    "/api/v1/audit/changes": changesRoute,
    "/api/v1/locks": locksRoute,
  });
});
afterAll(async () => {
  await server.close();
  await getPool().end();
});

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${TEST_INGEST_KEY}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

async function get(path: string) {
  const response = await fetch(`${server.url}${path}`, { headers: adminAuthHeaders });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

function change(overrides: Partial<AuditChangeInput> = {}): AuditChangeInput {
  return {
    id: `api:${hex(4)}:${Math.floor(Math.random() * 1e6)}`,
    database: "api_shop",
    schema: "public",
    table: "orders",
    op: "UPDATE",
    pk: { id: 1 },
    before: { id: 1, status: "new" },
    after: { id: 1, status: "paid" },
    changedColumns: ["status"],
    actor: null,
    dbUser: "shop",
    applicationName: "checkout",
    statement: "UPDATE orders SET status = $1 WHERE id = $2",
    txid: "1234",
    traceId: null,
    spanId: null,
    committedAt: "2026-11-20T10:00:00.123456Z",
    ...overrides,
  };
}

const storedAudit = async (database: string) => (await getPool().query("SELECT count(*)::int AS n FROM audit_changes WHERE database = $1", [database])).rows[0].n as number;

describe("POST /api/v1/ingest/audit", () => {
  it("refuses a request without a valid key and stores nothing", async () => {
    const body = { changes: [change({ database: "api_auth" })] };
    expect((await post("/api/v1/ingest/audit", body, { Authorization: "" })).status).toBe(401);
    expect((await post("/api/v1/ingest/audit", body, { Authorization: "Bearer wrong-key-wrong-key" })).status).toBe(401);
    expect(await storedAudit("api_auth")).toBe(0);
  });

  it("refuses bad changes one by one, naming what is wrong, and stores the rest", async () => {
    const partly = await post("/api/v1/ingest/audit", {
      changes: [change({ database: "api_bad" }), change({ database: "api_bad", traceId: "not-hex" }), change({ database: "api_bad", op: "DELETE", before: null, after: null })],
    });
    expect(partly.status).toBe(200);
    expect(partly.json).toEqual({
      inserted: 1,
      duplicates: 0,
      rejected: 2,
      errors: ["changes.1.traceId: must be 32 hexadecimal characters", "changes.2.before: is required for DELETE"],
    });
    expect(await storedAudit("api_bad")).toBe(1);
    const bad = await post("/api/v1/ingest/audit", { changes: [change({ database: "api_bad", traceId: "not-hex" })] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("bad_request");
    expect(bad.json.error.message).toBe("all 1 changes were rejected: changes.0.traceId: must be 32 hexadecimal characters");
    expect(await storedAudit("api_bad")).toBe(1);
    expect((await post("/api/v1/ingest/audit", "{not json")).json.error.message).toBe("the request body must be JSON");
    expect((await post("/api/v1/ingest/audit", { changes: [] })).json.error.message).toContain("at least one change");
    expect((await post("/api/v1/ingest/audit", { changes: [change()] }, { "Content-Type": "text/plain" })).status).toBe(415);
  });

  it("stores a re-sent batch once, on any day", async () => {
    const batch = [change({ database: "api_once" }), change({ database: "api_once", committedAt: "2024-02-29T23:59:59.999999Z" })];
    expect((await post("/api/v1/ingest/audit", { changes: batch })).json).toEqual({ inserted: 2, duplicates: 0, rejected: 0, errors: [] });
    expect((await post("/api/v1/ingest/audit", { changes: batch })).json).toEqual({ inserted: 0, duplicates: 2, rejected: 0, errors: [] });
    expect(await storedAudit("api_once")).toBe(2);
  });
});

describe("GET /api/v1/audit/changes", () => {
  const trace = hex(16);
  const span = hex(8);
  const HOUR = 3_600_000;
  const base = Math.floor(Date.now() / HOUR) * HOUR - 6 * HOUR;
  const at = (hours: number) => new Date(base + hours * HOUR).toISOString();
  beforeAll(async () => {
    const db = "api_query";
    const result = await post("/api/v1/ingest/audit", {
      changes: [
        change({ id: "q:a:0", database: db, op: "INSERT", before: null, after: { id: 7, status: "draft" }, pk: { id: 7 }, committedAt: at(-72) }),
        change({ id: "q:a:1", database: db, op: "INSERT", before: null, after: { id: 7, status: "new" }, pk: { id: 7 }, committedAt: at(0) }),
        change({ id: "q:a:9", database: db, pk: { id: 7 }, committedAt: at(1), traceId: trace, spanId: span, actor: "alice" }),
        change({ id: "q:a:10", database: db, pk: { id: 7 }, committedAt: at(1), traceId: trace, spanId: span, actor: "alice" }),
        change({ id: "q:a:11", database: db, schema: "billing", table: "orders", pk: { id: 7 }, committedAt: at(2) }),
        change({ id: "q:a:12", database: db, table: "order_items", pk: { order_id: 7, line: 1 }, committedAt: at(3) }),
      ],
    });
    expect(result.status).toBe(200);
  });
  const ids = async (query: string) => {
    const { status, json } = await get(`/api/v1/audit/changes?database=api_query&${query}`);
    expect(status).toBe(200);
    return auditChangesResponseSchema.parse(json).changes.map((c) => c.id);
  };

  it("filters by table, key, trace, operation and time, newest first (ids of one commit in their order)", async () => {
    expect(await ids("")).toEqual(["q:a:12", "q:a:11", "q:a:10", "q:a:9", "q:a:1"]);
    expect(await ids("table=orders")).toEqual(["q:a:11", "q:a:10", "q:a:9", "q:a:1"]);
    expect(await ids("table=billing.orders")).toEqual(["q:a:11"]);
    expect(await ids(`pk=${encodeURIComponent('{"id":7}')}&table=public.orders&order=asc`)).toEqual(["q:a:0", "q:a:1", "q:a:9", "q:a:10"]);
    expect(await ids("pk=7&table=order_items")).toEqual([]);
    // A bare value matches a single-column key (read through the key-value index).
    expect(await ids("pk=7&table=public.orders&order=asc")).toEqual(["q:a:0", "q:a:1", "q:a:9", "q:a:10"]);
    expect(await ids(`pk=${encodeURIComponent('{"order_id":7,"line":1}')}`)).toEqual(["q:a:12"]);
    expect(await ids(`traceId=${trace.toUpperCase()}`)).toEqual(["q:a:10", "q:a:9"]);
    expect(await ids("op=INSERT")).toEqual(["q:a:1"]);
    expect(await ids(`from=${at(1)}&to=${base + 3 * HOUR}`)).toEqual(["q:a:11", "q:a:10", "q:a:9"]);
    // Without a key or trace, the listing covers the last day unless told otherwise.
    expect(await ids(`from=${at(-100)}&op=INSERT`)).toEqual(["q:a:1", "q:a:0"]);
    expect(await ids(`to=${at(-71)}`)).toEqual(["q:a:0"]);
    expect(await ids("limit=2")).toEqual(["q:a:12", "q:a:11"]);
  });

  it("filters by changed column, old or new value, actor, database user, application and transaction", async () => {
    const db = "api_filters";
    const result = await post("/api/v1/ingest/audit", {
      changes: [
        change({ id: "f:a:1", database: db, op: "INSERT", before: null, after: { id: 1, status: "NEW", total: 5 }, changedColumns: [], txid: "10", actor: null, committedAt: at(0) }),
        change({ id: "f:a:2", database: db, before: { id: 1, status: "NEW", total: 5 }, after: { id: 1, status: "PAID", total: 5 }, txid: "11", actor: "bob", dbUser: "admin", applicationName: "psql", committedAt: at(1) }),
        change({ id: "f:a:3", database: db, before: { id: 1, status: "PAID", total: 5 }, after: { id: 1, status: "PAID", total: 6 }, changedColumns: ["total"], txid: "11", actor: "bob", committedAt: at(1) }),
      ],
    });
    expect(result.status).toBe(200);
    const found = async (query: string) => {
      const { status, json } = await get(`/api/v1/audit/changes?database=${db}&${query}`);
      expect(status, query).toBe(200);
      return auditChangesResponseSchema.parse(json).changes.map((c) => c.id);
    };
    expect(await found("column=status")).toEqual(["f:a:2"]);
    expect(await found("column=total")).toEqual(["f:a:3"]);
    // Old or new value; numbers compare by their JSON text.
    expect(await found("value=status%3DNEW")).toEqual(["f:a:2", "f:a:1"]);
    expect(await found("value=status%3DPAID")).toEqual(["f:a:3", "f:a:2"]);
    expect(await found("value=total%3D6")).toEqual(["f:a:3"]);
    expect(await found("value=status%3Dpaid")).toEqual([]);
    expect(await found("actor=bob")).toEqual(["f:a:3", "f:a:2"]);
    expect(await found("dbUser=admin")).toEqual(["f:a:2"]);
    expect(await found("application=psql")).toEqual(["f:a:2"]);
    expect(await found("application=checkout")).toEqual(["f:a:3", "f:a:1"]);
    // A transaction is found over all time, like a key or a trace.
    expect(await found("txid=11&order=asc")).toEqual(["f:a:2", "f:a:3"]);
    expect(await found("txid=10&column=status")).toEqual([]);
  });

  it("returns each change whole", async () => {
    const { json } = await get(`/api/v1/audit/changes?database=api_query&traceId=${trace}&order=asc&limit=1`);
    expect(json.changes[0]).toEqual({
      id: "q:a:9",
      database: "api_query",
      schema: "public",
      table: "orders",
      op: "UPDATE",
      pk: { id: 7 },
      before: { id: 1, status: "new" },
      after: { id: 1, status: "paid" },
      changedColumns: ["status"],
      actor: "alice",
      dbUser: "shop",
      applicationName: "checkout",
      statement: "UPDATE orders SET status = $1 WHERE id = $2",
      txid: 1234,
      traceId: trace,
      spanId: span,
      committedAt: `${at(1).slice(0, -1)}000Z`,
    });
  });

  it("answers bad parameters with 400 naming them", async () => {
    for (const [query, message] of [
      ["from=yesterday", "from: expected ISO-8601"],
      ["pk=%7Bbroken", "pk: expected a JSON object"],
      ["traceId=xyz", "traceId: must be 32 hexadecimal characters"],
      ["from=2026-11-22&to=2026-11-21", "from: must be earlier than to"],
      ["op=TRUNCATE", "op:"],
      ["txid=12a", "txid: must be decimal digits"],
      ["txid=99999999999999999999", "txid:"],
      ["value=status", "value: expected key=value"],
      ["column=", "column: must not be empty"],
    ]) {
      const { status, json } = await get(`/api/v1/audit/changes?${query}`);
      expect(status, query).toBe(400);
      expect(json.error.message, query).toContain(message);
    }
  });
});

describe("lock events", () => {
  const trace = hex(16);
  const wait = (durationMs: number, ended: boolean): LockWaitInput => ({
    id: "api_locks:wait:4242:2026-11-22T08:00:00.000000Z",
    kind: "wait",
    database: "api_locks",
    time: "2026-11-22T08:00:00.000000Z",
    durationMs,
    ended,
    lock: { type: "transactionid", mode: "ShareLock", object: "transaction 745", relation: null },
    waiter: { pid: 4242, query: "UPDATE orders SET status = $1", state: "active", user: "shop", applicationName: "checkout", xactStart: null, traceId: trace, spanId: null },
    blockers: [{ pid: 4243, query: "UPDATE orders SET note = $1", state: "idle in transaction", user: "shop", applicationName: "worker", xactStart: null, traceId: null, spanId: null, heldModes: ["ExclusiveLock"], waiting: false }],
  });

  it("keep the furthest-along report of a wait whatever order reports arrive in", async () => {
    expect((await post("/api/v1/ingest/locks", { events: [wait(1_000, false)] })).json).toEqual({ inserted: 1, updated: 0, rejected: 0, errors: [] });
    expect((await post("/api/v1/ingest/locks", { events: [wait(5_000, true)] })).json).toEqual({ inserted: 0, updated: 1, rejected: 0, errors: [] });
    // A delayed earlier report, and a re-send of the last one.
    expect((await post("/api/v1/ingest/locks", { events: [wait(3_000, false), wait(5_000, true)] })).json).toEqual({ inserted: 0, updated: 2, rejected: 0, errors: [] });
    const { json } = await get("/api/v1/locks?database=api_locks");
    const [event] = lockEventsResponseSchema.parse(json).events;
    expect(event).toMatchObject({ kind: "wait", durationMs: 5_000, ended: true, traceIds: [trace] });
  });

  it("store deadlocks once and filter by kind, trace and time", async () => {
    const deadlock = {
      id: "api_locks:deadlock:abc",
      kind: "deadlock",
      database: "api_locks",
      time: "2026-11-22T09:00:00.000Z",
      source: "log",
      count: 1,
      victimPid: 1,
      processes: [
        { pid: 1, query: "UPDATE a", waitsFor: { mode: "ShareLock", object: "transaction 1" }, blockedBy: [2], traceId: trace, spanId: null },
        { pid: 2, query: "UPDATE b", waitsFor: { mode: "ShareLock", object: "transaction 2" }, blockedBy: [1], traceId: null, spanId: null },
      ],
      message: "deadlock detected",
      context: null,
    };
    expect((await post("/api/v1/ingest/locks", { events: [deadlock] })).json).toEqual({ inserted: 1, updated: 0, rejected: 0, errors: [] });
    expect((await post("/api/v1/ingest/locks", { events: [deadlock] })).json).toEqual({ inserted: 0, updated: 1, rejected: 0, errors: [] });
    const kinds = async (query: string) => lockEventsResponseSchema.parse((await get(`/api/v1/locks?database=api_locks&${query}`)).json).events.map((e) => e.kind);
    expect(await kinds("")).toEqual(["deadlock", "wait"]);
    expect(await kinds("kind=deadlock")).toEqual(["deadlock"]);
    expect(await kinds(`traceId=${trace}&kind=wait`)).toEqual(["wait"]);
    expect(await kinds("from=2026-11-22T08:30:00Z")).toEqual(["deadlock"]);
    expect((await get("/api/v1/locks?kind=stall")).status).toBe(400);
  });

  it("refuses a bad event, naming it", async () => {
    const { status, json } = await post("/api/v1/ingest/locks", { events: [{ ...wait(1, false), id: "api_locks:bad", waiter: { pid: -1 } }] });
    expect(status).toBe(400);
    expect(json.error.message).toContain("events.0.waiter.pid");
  });
});
