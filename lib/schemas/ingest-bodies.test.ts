import { describe, expect, it } from "vitest";
import { describeZodError } from "@/lib/http/error-response";
import { auditIngestBodySchema } from "./audit";
import { createIngestKeyBodySchema } from "./ingest-keys";
import { lockIngestBodySchema } from "./locks";

// Request bodies refuse what PostgreSQL would refuse (so the answer is a 400 naming the field,
// not the store's error). NUL characters, over-deep JSON and bodies that are not objects are
// the ingest handler's (lib/audit/handle-agent-ingest.ts, lib/ingest/otlp-poisoned-batches and
// agent-ingest-limits tests): NUL is stored as U+FFFD there, item by item.

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
  committedAt: new Date().toISOString(),
};

const wait = {
  id: "w1",
  kind: "wait",
  database: "shop",
  time: new Date().toISOString(),
  durationMs: 1200,
  ended: false,
  lock: { type: "relation", mode: "ShareLock", object: "relation public.orders" },
  waiter: { pid: 42 },
  blockers: [],
};


describe("agent ingest bodies", () => {
  it("accept an ordinary batch", () => {
    expect(auditIngestBodySchema.parse({ changes: [change] }).changes).toHaveLength(1);
    expect(lockIngestBodySchema.parse({ events: [wait] }).events).toHaveLength(1);
  });

  it("refuse times outside the ingest window and transaction ids bigint cannot hold", () => {
    const commit = (committedAt: string) => auditIngestBodySchema.safeParse({ changes: [{ ...change, committedAt }] });
    expect(commit(new Date().toISOString()).success).toBe(true);
    for (const committedAt of ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999-23:59", "1969-12-31T23:59:59Z", "2150-01-01T00:00:00Z"]) {
      expect(errorOf(commit(committedAt)), committedAt).toMatch(/^changes\.0\.committedAt: /);
    }
    expect(errorOf(commit("yesterday"))).toMatch(/^changes\.0\.committedAt: Invalid ISO datetime/);
    expect(errorOf(lockIngestBodySchema.safeParse({ events: [{ ...wait, time: "0000-01-01T00:00:00Z" }] }))).toMatch(/^events\.0\.time: /);
    const txid = (value: unknown) => auditIngestBodySchema.safeParse({ changes: [{ ...change, committedAt: new Date().toISOString(), txid: value }] });
    expect(txid("9223372036854775807").success).toBe(true);
    expect(errorOf(txid("9223372036854775808"))).toMatch(/^changes\.0\.txid: must be at most 9223372036854775807/);
    expect(errorOf(txid("12ab"))).toMatch(/^changes\.0\.txid: /);
  });
});

describe("ingest key body", () => {
  it("refuses a name with NUL and a body that is not an object", () => {
    expect(createIngestKeyBodySchema.parse({ name: " ci " }).name).toBe("ci");
    expect(errorOf(createIngestKeyBodySchema.safeParse({ name: "c\u0000i" }))).toBe("name: name must not contain NUL (U+0000) characters");
    expect(errorOf(createIngestKeyBodySchema.safeParse("ci"))).toMatch(/^the request body must be a JSON object/);
  });
});
