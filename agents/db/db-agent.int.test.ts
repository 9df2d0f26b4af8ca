import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import type { AuditChangesResponse } from "@/lib/schemas/audit";
import type { LockEventsResponse } from "@/lib/schemas/locks";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { parseAgentConfig } from "./config";
import { installAudit } from "./install-triggers";
import { parseTraceparent, traceContextFromQuery } from "./parse-traceparent";
import { redactLiterals } from "./redact-literals";
import { readInstallToken, readOutboxBatch, toAuditChange } from "./ship-outbox";
import { startDbAgent, type DbAgent } from "./start-db-agent";
import { catalogSnapshot, createMonitoredDatabase, startFakeSightline, waitFor, type FakeSightline, type MonitoredDatabase } from "./testing/agent-harness";
import { REDACTION_CASES } from "./testing/redaction-cases";
import { uninstallAudit } from "./uninstall-audit";

// The agent against a real monitored PostgreSQL (a database of its own on the test server),
// shipping to Sightline's real route handlers, which store into the test's Sightline database.

const TABLES = [
  { name: "orders", ignore: ["updated_at"] },
  { name: "payments", mask: ["card_number:last4", "cvv"] },
  "order_items",
];
const INSTALL = { queryText: "redacted" as const, statementMaxLength: 2_048 };

let shop: MonitoredDatabase;
let sightline: FakeSightline;
let agent: DbAgent | undefined;
let pristine: Record<string, unknown[]>;
let role: string;
const lines: string[] = [];
const sentBatches: unknown[][] = [];

const tp = (n: number) => {
  const trace = n.toString(16).padStart(32, "a");
  const span = n.toString(16).padStart(16, "b");
  return { traceparent: `00-${trace}-${span}-01`, trace, span };
};

function start(overrides: Record<string, unknown> = {}) {
  agent = startDbAgent({
    sightlineUrl: sightline.url,
    ingestKey: TEST_INGEST_KEY,
    intervalMs: 250,
    lockIntervalMs: 200,
    batchSize: 200,
    databases: [{ url: shop.url, name: shop.name, tables: TABLES }],
    log: (line) => lines.push(line),
    hooks: { onAuditBatch: (changes) => sentBatches.push(changes) },
    ...overrides,
  });
}

async function stop() {
  await agent?.stop();
  agent = undefined;
}

const changes = (query: string) => sightline.getJson<AuditChangesResponse>(`/api/v1/audit/changes?database=${shop.name}&${query}`).then((r) => r.changes);

beforeAll(async () => {
  shop = await createMonitoredDatabase(process.env.DATABASE_URL!, "shop_test");
  await shop.client.query(`
    CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, total numeric(12,2) NOT NULL, note text, updated_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE payments (id int PRIMARY KEY, order_id bigint NOT NULL, card_number text, cvv text, amount numeric(12,2) NOT NULL);
    CREATE TABLE order_items (order_id bigint, line int, sku text NOT NULL, PRIMARY KEY (order_id, line));
    INSERT INTO orders (id, status, total) VALUES (2, 'new', 5), (3, 'new', 5);`);
  // An application role with rights on its table only (granted before the snapshot, so the
  // uninstall comparison is not about this grant).
  role = `shop_app_${shop.name.slice(-8)}`;
  await shop.client.query(`CREATE ROLE ${role} NOLOGIN; GRANT SELECT, INSERT, UPDATE ON orders TO ${role}`);
  pristine = await catalogSnapshot(shop.client, { withXmin: false });
  sightline = await startFakeSightline();
  start();
  await waitFor(() => lines.some((l) => l.includes("triggers added on")), { what: "the agent to install its triggers" });
});

afterAll(async () => {
  await stop();
  await sightline?.close();
  await shop?.drop();
  if (role) await getPool().query(`DROP ROLE IF EXISTS ${role}`);
  await getPool().end();
});

describe("row-level audit trail", () => {
  it("a change made with a sqlcommenter traceparent arrives with before/after, changed columns and trace id", async () => {
    const { traceparent, trace, span } = tp(1);
    await shop.client.query("INSERT INTO orders (id, status, total, note) VALUES (9007199254740993, 'new', 99.95, 'first')");
    await shop.client.query(`UPDATE orders SET status = 'paid', updated_at = now() WHERE id = 9007199254740993 /*db_driver='prisma',traceparent='${traceparent}'*/`);

    const [update] = await waitFor(async () => {
      const found = await changes(`table=orders&traceId=${trace}`);
      return found.length > 0 && found;
    });
    expect(update).toMatchObject({
      op: "UPDATE",
      database: shop.name,
      schema: "public",
      table: "orders",
      // A bigint beyond 2^53 arrives as a string rather than rounded.
      pk: { id: "9007199254740993" },
      changedColumns: ["status"],
      traceId: trace,
      spanId: span,
      dbUser: expect.any(String),
      applicationName: "test",
    });
    expect(update!.before).toMatchObject({ status: "new", total: 99.95, note: "first" });
    expect(update!.after).toMatchObject({ status: "paid", total: 99.95, note: "first" });
    expect(update!.statement).toBe("UPDATE orders SET status = ?, updated_at = now() WHERE id = ?  ");
    expect(update!.txid).toBeGreaterThan(0);
    expect(Date.parse(update!.committedAt)).toBeGreaterThan(Date.now() - 60_000);

    // The same row by its key, as JSON or as a bare value; its INSERT first in ascending order.
    const history = await changes(`pk=${encodeURIComponent('{"id":"9007199254740993"}')}&order=asc`);
    expect(history.map((c) => c.op)).toEqual(["INSERT", "UPDATE"]);
    expect(history[0]).toMatchObject({ before: null, traceId: null, changedColumns: ["id", "note", "status", "total"] });
    expect((await changes("pk=9007199254740993")).map((c) => c.op)).toEqual(["UPDATE", "INSERT"]);
  });

  it("a change made under SET LOCAL sightline.traceparent arrives with its trace id and actor", async () => {
    const { traceparent, trace, span } = tp(2);
    await shop.client.query("BEGIN");
    await shop.client.query(`SET LOCAL sightline.traceparent = '${traceparent}'`);
    await shop.client.query("SELECT set_config('sightline.actor', 'alice@example.com', true)");
    await shop.client.query("UPDATE orders SET status = 'shipped', total = 6 WHERE id = 2");
    await shop.client.query("DELETE FROM orders WHERE id = 3");
    await shop.client.query("COMMIT");
    // The setting ends with the transaction.
    await shop.client.query("UPDATE orders SET note = 'after' WHERE id = 2");

    const traced = await waitFor(async () => {
      const found = await changes(`traceId=${trace}&order=asc`);
      return found.length === 2 && found;
    });
    expect(traced.map((c) => [c.op, c.pk, c.actor, c.spanId])).toEqual([
      ["UPDATE", { id: 2 }, "alice@example.com", span],
      ["DELETE", { id: 3 }, "alice@example.com", span],
    ]);
    expect(traced[0]!.changedColumns).toEqual(["status", "total"]);
    expect(traced[1]).toMatchObject({ after: null, before: { id: 3, status: "new" } });
    expect(traced[0]!.txid).toBe(traced[1]!.txid);
    const later = await waitFor(async () => (await changes("pk=2")).find((c) => c.changedColumns.includes("note")));
    expect(later).toMatchObject({ traceId: null, actor: null });
  });

  it("an UPDATE that changes only ignored columns, or nothing, records nothing", async () => {
    await shop.client.query("UPDATE orders SET updated_at = now() + interval '1 hour' WHERE id = 2");
    await shop.client.query("UPDATE orders SET status = status WHERE id = 2");
    await shop.client.query("UPDATE orders SET note = 'marker' WHERE id = 2");
    await waitFor(async () => (await changes("pk=2")).some((c) => c.after?.note === "marker"));
    const all = await changes("pk=2&limit=1000");
    expect(all.every((c) => c.changedColumns.length > 0 && !c.changedColumns.includes("updated_at"))).toBe(true);
    expect(all.filter((c) => c.op === "UPDATE")).toHaveLength(3); // shipped, note=after, note=marker
  });

  it("a masked column never leaves the database in clear", async () => {
    const { trace } = tp(3);
    await shop.client.query("BEGIN");
    await shop.client.query(
      `INSERT INTO payments (id, order_id, card_number, cvv, amount) VALUES (1, 2, '4111111111111111', '737', 6) /*traceparent='${tp(3).traceparent}'*/`,
    );
    await shop.client.query("UPDATE payments SET card_number = $1, amount = 7 WHERE id = 1", ["5500005555555559"]);
    // What the trigger wrote, seen from inside the writing transaction before the agent can ship it.
    const { rows: outbox } = await shop.client.query("SELECT pk::text, before::text, after::text, statement FROM sightline_audit.outbox WHERE table_name = 'payments' ORDER BY id");
    await shop.client.query("COMMIT");
    expect(outbox).toHaveLength(2);
    expect(JSON.stringify(outbox)).not.toMatch(/4111111111111111|5500005555555559|737|41111111|55000055/);
    expect(outbox[0].after).toContain('"card_number": "****1111"');
    expect(outbox[0].statement).toBe("INSERT INTO payments (id, order_id, card_number, cvv, amount) VALUES (?, ?, ?, ?, ?)  ");

    const shipped = await waitFor(async () => {
      const found = await changes("table=payments&order=asc");
      return found.length === 2 && found;
    });
    expect(shipped[0]).toMatchObject({ traceId: trace, after: { card_number: "****1111", cvv: "****", amount: 6 } });
    expect(shipped[1]).toMatchObject({ changedColumns: ["amount", "card_number"], before: { card_number: "****1111" }, after: { card_number: "****5559" } });
    for (const body of sightline.bodies()) expect(body).not.toMatch(/4111111111111111|5500005555555559|41111111|55000055/);
  });

  it("a bulk statement gives every row its traceparent, shipped in several batches", async () => {
    const { traceparent, trace } = tp(4);
    await shop.client.query(`INSERT INTO order_items (order_id, line, sku) SELECT 2, g, 'sku-' || g FROM generate_series(1, 450) g /*traceparent='${traceparent}'*/`);
    const found = await waitFor(async () => {
      const all = await changes(`table=order_items&traceId=${trace}&limit=1000`);
      return all.length === 450 && all;
    });
    expect(new Set(found.map((c) => JSON.stringify(c.pk))).size).toBe(450);
    expect(found.find((c) => c.pk.line === 450)).toMatchObject({ pk: { order_id: 2, line: 450 }, after: { sku: "sku-450" } });
    expect(sentBatches.some((batch) => batch.length === 200)).toBe(true);
  });
  it("audits an application role that has no rights on the outbox, under that role's name", async () => {
    const app = await shop.connect({ applicationName: "checkout" });
    try {
      await app.query(`SET ROLE ${role}`);
      await app.query("UPDATE orders SET note = 'by the app role' WHERE id = 2");
      // The outbox is not the application's to write (or forge).
      await expect(app.query("INSERT INTO sightline_audit.outbox (table_schema) VALUES ('x')")).rejects.toThrow(/permission denied/);
      const change = await waitFor(async () => (await changes("pk=2")).find((c) => c.after?.note === "by the app role"));
      expect(change).toMatchObject({ dbUser: role, applicationName: "checkout" });
    } finally {
      await app.end();
    }
  });
});

describe("delivery", () => {
  it("a batch re-sent after a simulated crash is stored once", async () => {
    await stop();
    await shop.client.query("INSERT INTO orders (id, status, total) VALUES (100, 'new', 1), (101, 'new', 2), (102, 'new', 3)");
    // The agent's first steps by hand: read a batch and post it — then "die" before deleting it.
    const rows = await readOutboxBatch(shop.client, 100, false);
    const token = await readInstallToken(shop.client);
    const batch = rows.map((row) => toAuditChange(row, shop.name, token));
    const response = await fetch(`${sightline.url}/api/v1/ingest/audit`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${TEST_INGEST_KEY}` },
      body: JSON.stringify({ changes: batch }),
    });
    expect(await response.json()).toEqual({ inserted: 3, duplicates: 0, rejected: 0, errors: [] });
    const stored = async () => (await getPool().query("SELECT count(*)::int AS n FROM audit_changes WHERE id = ANY($1)", [batch.map((c) => c.id)])).rows[0].n as number;
    expect(await stored()).toBe(3);

    // A restarted agent sends the same rows again; Sightline keeps one copy of each.
    lines.length = 0;
    start();
    await waitFor(async () => (await shop.client.query("SELECT count(*)::int AS n FROM sightline_audit.outbox")).rows[0].n === 0, { what: "the outbox to drain" });
    expect(await stored()).toBe(3);
    await waitFor(() => lines.some((l) => l.includes("(3 already stored)")), { what: "the duplicates to be reported" });
  });

  it("an acknowledgement lost on the way back loses nothing and duplicates nothing", async () => {
    sightline.loseAcks(2);
    await shop.client.query("INSERT INTO orders (id, status, total) VALUES (200, 'new', 1)");
    await shop.client.query("UPDATE orders SET status = 'paid' WHERE id = 200");
    const found = await waitFor(async () => {
      const all = await changes("pk=200");
      const outbox = (await shop.client.query("SELECT count(*)::int AS n FROM sightline_audit.outbox")).rows[0].n;
      return all.length === 2 && outbox === 0 && all;
    });
    expect(found.map((c) => c.op)).toEqual(["UPDATE", "INSERT"]);
    expect((await getPool().query("SELECT count(*)::int AS n FROM audit_changes WHERE pk = '{\"id\": 200}'")).rows[0].n).toBe(2);
  });

  it("keeps changes while Sightline is down and ships them when it is back", async () => {
    lines.length = 0;
    sightline.setDown(true);
    await shop.client.query("INSERT INTO orders (id, status, total) VALUES (300, 'new', 1)");
    await waitFor(() => lines.some((l) => l.includes("Sightline:") && l.includes("503")), { what: "the agent to notice Sightline is down" });
    expect((await shop.client.query("SELECT count(*)::int AS n FROM sightline_audit.outbox")).rows[0].n).toBe(1);
    sightline.setDown(false);
    await waitFor(async () => (await changes("pk=300")).length === 1, { what: "the change to arrive", timeoutMs: 30_000 });
  });
});

describe("lock waits", () => {
  it("a lock wait held for a few seconds arrives with waiter and blocker", async () => {
    const blocker = await shop.connect({ applicationName: "blocker" });
    const waiter = await shop.connect({ applicationName: "waiter" });
    const a = tp(5);
    const b = tp(6);
    await blocker.query("BEGIN");
    await blocker.query(`UPDATE orders SET status = 'locked' WHERE id = 2 /*traceparent='${a.traceparent}'*/`);
    const waiting = waiter.query(`UPDATE orders SET status = 'waited' WHERE id = 2 /*traceparent='${b.traceparent}'*/`);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await blocker.query("COMMIT");
    await waiting;

    const event = await waitFor(async () => {
      const { events } = await sightline.getJson<LockEventsResponse>(`/api/v1/locks?kind=wait&database=${shop.name}&traceId=${b.trace}`);
      const found = events[0];
      return found?.kind === "wait" && found.ended && found;
    });
    expect(event.durationMs).toBeGreaterThanOrEqual(2_500);
    expect(event.lock).toMatchObject({ mode: "ShareLock", type: "transactionid", relation: "orders" });
    expect(event.lock.object).toMatch(/^transaction \d+ \(for row \(\d+,\d+\) of relation orders\)$/);
    expect(event.waiter).toMatchObject({ applicationName: "waiter", traceId: b.trace, spanId: b.span, query: "UPDATE orders SET status = ? WHERE id = ?  " });
    expect(event.blockers).toHaveLength(1);
    expect(event.blockers[0]).toMatchObject({ applicationName: "blocker", state: "idle in transaction", traceId: a.trace, heldModes: ["ExclusiveLock"] });
    expect(event.traceIds.sort()).toEqual([a.trace, b.trace].sort());
  });
});

describe("health metrics", () => {
  it("arrive over OTLP under a postgresql resource", async () => {
    const names = await waitFor(async () => {
      const { rows } = await getPool().query<{ name: string }>(
        `SELECT DISTINCT s.name FROM metric_series s JOIN resources r ON r.id = s.resource_id
          WHERE s.service_name = 'postgresql' AND r.attributes->>'db.name' = $1`,
        [shop.name],
      );
      const found = rows.map((r) => r.name);
      return found.includes("postgresql.lock.waiting") && found;
    });
    expect(names).toEqual(
      expect.arrayContaining([
        "postgresql.backends",
        "postgresql.connection.max",
        "postgresql.connection.count",
        "postgresql.connection.utilization",
        "postgresql.commits",
        "postgresql.rollbacks",
        "postgresql.deadlocks",
        "postgresql.temp.io",
        "postgresql.blks_hit",
        "postgresql.idle_in_transaction.count",
        "postgresql.transaction.max_duration",
        "postgresql.db_size",
        "sightline.db_agent.outbox.backlog",
      ]),
    );
    const { rows } = await getPool().query(
      `SELECT r.attributes FROM resources r JOIN metric_series s ON s.resource_id = r.id WHERE s.name = 'postgresql.commits' AND r.attributes->>'db.name' = $1 LIMIT 1`,
      [shop.name],
    );
    expect(rows[0].attributes).toMatchObject({ "service.name": "postgresql", "db.system": "postgresql", "server.address": expect.any(String), "db.namespace": shop.name });
    // Connection counts cover the whole server; the watched database's carry the same name as
    // every other metric of this agent, so the Database page finds them under its tab.
    const counts = await getPool().query<{ namespace: string }>(
      `SELECT DISTINCT s.attributes->>'db.namespace' AS namespace FROM metric_series s JOIN resources r ON r.id = s.resource_id
        WHERE s.name = 'postgresql.connection.count' AND r.attributes->>'db.name' = $1`,
      [shop.name],
    );
    expect(counts.rows.map((r) => r.namespace)).toContain(shop.name);
  });
});

describe("install and uninstall", () => {
  it("the database's own redaction and trace parsing agree with the agent's", async () => {
    for (const { query, redacted } of REDACTION_CASES) {
      const { rows } = await shop.client.query("SELECT sightline_audit.redact_literals($1) AS r", [query]);
      expect(rows[0].r, query).toBe(redacted);
      expect(redactLiterals(query)).toBe(redacted);
    }
    const queries = [
      `UPDATE t SET a = 1 /*traceparent='${tp(7).traceparent}'*/`,
      `/*traceparent='00%2D${tp(8).trace}%2D${tp(8).span}%2D01'*/ SELECT 1`,
      `SELECT 1 /*traceparent='00-${"0".repeat(32)}-${tp(9).span}-01'*/`,
      "SELECT 1",
    ];
    for (const query of queries) {
      const { rows } = await shop.client.query("SELECT sightline_audit.traceparent_from($1) AS tp", [query]);
      expect(parseTraceparent(rows[0].tp)?.traceId ?? null, query).toBe(traceContextFromQuery(query)?.traceId ?? null);
    }
  });

  it("installing the triggers twice changes nothing", async () => {
    const before = await catalogSnapshot(shop.client, { withXmin: true });
    const { tables } = parseAgentConfig({ sightlineUrl: "http://x", ingestKey: "k", databases: [{ url: shop.url, tables: TABLES }] }).databases[0]!;
    const report = await installAudit(shop.client, tables, INSTALL);
    expect(report).toEqual({ schema: "unchanged", created: [], updated: [], removed: [], unchanged: ["public.orders", "public.payments", "public.order_items"] });
    expect(await catalogSnapshot(shop.client, { withXmin: true })).toEqual(before);
  });

  it("refuses to name a column that does not exist, so a typo cannot leave a value unmasked", async () => {
    await expect(installAudit(shop.client, [{ schema: "public", table: "payments", ignore: [], mask: [{ column: "card_nubmer", keepLast: 0 }] }], INSTALL)).rejects.toThrow(
      /no column "card_nubmer"/,
    );
  });

  it("the uninstall leaves the monitored database as it was", async () => {
    await waitFor(async () => (await shop.client.query("SELECT count(*)::int AS n FROM sightline_audit.outbox")).rows[0].n === 0, { what: "the outbox to drain" });
    await stop();
    await shop.client.query("INSERT INTO orders (id, status, total) VALUES (400, 'new', 1)");
    await expect(uninstallAudit(shop.client)).rejects.toThrow(/1 audit change\(s\) are not shipped to Sightline yet/);
    const report = await uninstallAudit(shop.client, { force: true });
    expect(report).toMatchObject({ installed: true, discardedChanges: 1 });
    expect(report.removedTriggers.sort()).toEqual(["public.order_items", "public.orders", "public.payments"]);
    expect(await catalogSnapshot(shop.client, { withXmin: false })).toEqual(pristine);
    expect(await uninstallAudit(shop.client)).toEqual({ installed: false, removedTriggers: [], discardedChanges: 0 });
  });
});
