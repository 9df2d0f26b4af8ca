import { describe, expect, it } from "vitest";
import { describeZodError } from "@/lib/http/error-response";
import { auditIngestBodySchema } from "./audit";
import { createIngestKeyBodySchema } from "./ingest-keys";
import { lockIngestBodySchema } from "./locks";

// Request bodies refuse what PostgreSQL would refuse (so the answer is a 400 naming the field,
// not the store's error), and say "body" when the body is not an object at all.

function errorOf(result: { success: boolean; error?: unknown }): string {
  expect(result.success).toBe(false);
  return describeZodError(result.error as Parameters<typeof describeZodError>[0]);
}

const change = {
  id: "shop:1:1",
  database: "shop",
  table: "orders",
  op: "UPDATE",
  pk: { id: 1 },
  before: { id: 1, status: "new" },
  after: { id: 1, status: "paid" },
  committedAt: "2026-11-20T10:00:00.123456Z",
};

const wait = {
  id: "w1",
  kind: "wait",
  database: "shop",
  time: "2026-11-20T10:00:00Z",
  durationMs: 1200,
  ended: false,
  lock: { type: "relation", mode: "ShareLock", object: "relation public.orders" },
  waiter: { pid: 42 },
  blockers: [],
};

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe("agent ingest bodies", () => {
  it("accept an ordinary batch", () => {
    expect(auditIngestBodySchema.parse({ changes: [change] }).changes).toHaveLength(1);
    expect(lockIngestBodySchema.parse({ events: [wait] }).events).toHaveLength(1);
  });

  it("refuse NUL anywhere, naming the field that holds it", () => {
    expect(errorOf(auditIngestBodySchema.safeParse({ changes: [{ ...change, table: "or\u0000ders" }] }))).toBe("changes.0.table: must not contain NUL (U+0000) characters");
    expect(errorOf(auditIngestBodySchema.safeParse({ changes: [change, { ...change, after: { id: 1, note: { text: "\u0000" } } }] }))).toBe(
      "changes.1.after.note.text: must not contain NUL (U+0000) characters",
    );
    expect(errorOf(lockIngestBodySchema.safeParse({ events: [{ ...wait, waiter: { pid: 42, query: "SELECT '\u0000'" } }] }))).toBe(
      "events.0.waiter.query: must not contain NUL (U+0000) characters",
    );
  });

  it("refuse JSON nested past 256 levels before validating it (validation recurses)", () => {
    expect(auditIngestBodySchema.safeParse({ changes: [{ ...change, after: { id: 1, doc: nested(200) } }] }).success).toBe(true);
    expect(errorOf(auditIngestBodySchema.safeParse({ changes: [{ ...change, after: { id: 1, doc: nested(100_000) } }] }))).toBe(
      "the request body nests deeper than 256 levels",
    );
    expect(errorOf(lockIngestBodySchema.safeParse({ events: nested(5_000) }))).toBe("the request body nests deeper than 256 levels");
  });

  it("refuse times and transaction ids the store's timestamptz and bigint cannot hold", () => {
    const commit = (committedAt: string) => auditIngestBodySchema.safeParse({ changes: [{ ...change, committedAt }] });
    expect(commit("2262-04-11T23:47:16.854Z").success).toBe(true);
    for (const committedAt of ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999-23:59", "1969-12-31T23:59:59Z"]) {
      expect(errorOf(commit(committedAt)), committedAt).toBe("changes.0.committedAt: must be between 1970-01-01T00:00:00.000Z and 2262-04-11T23:47:16.854Z");
    }
    expect(errorOf(commit("yesterday"))).toBe("changes.0.committedAt: Invalid ISO datetime");
    expect(errorOf(lockIngestBodySchema.safeParse({ events: [{ ...wait, time: "0000-01-01T00:00:00Z" }] }))).toMatch(/^events\.0\.time: must be between/);
    const txid = (value: unknown) => auditIngestBodySchema.safeParse({ changes: [{ ...change, txid: value }] });
    expect(txid("9223372036854775807").success).toBe(true);
    expect(errorOf(txid("9223372036854775808"))).toMatch(/^changes\.0\.txid: must be at most 9223372036854775807/);
    expect(errorOf(txid("12ab"))).toMatch(/^changes\.0\.txid: /);
  });

  it("say the body is wrong when it is not an object", () => {
    for (const body of [0, "", null, [], "changes"]) {
      expect(errorOf(auditIngestBodySchema.safeParse(body)), JSON.stringify(body)).toBe('the request body must be a JSON object like {"changes": [...]}');
      expect(errorOf(lockIngestBodySchema.safeParse(body)), JSON.stringify(body)).toBe('the request body must be a JSON object like {"events": [...]}');
    }
  });
});

describe("ingest key body", () => {
  it("refuses a name with NUL and a body that is not an object", () => {
    expect(createIngestKeyBodySchema.parse({ name: " ci " }).name).toBe("ci");
    expect(errorOf(createIngestKeyBodySchema.safeParse({ name: "c\u0000i" }))).toBe("name: name must not contain NUL (U+0000) characters");
    expect(errorOf(createIngestKeyBodySchema.safeParse("ci"))).toMatch(/^the request body must be a JSON object/);
  });
});
