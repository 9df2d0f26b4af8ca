import { describe, expect, it } from "vitest";
import { describeRow, rowHistoryHref, rowsOf, splitTableName, toAuditChange } from "./change-ref";
import type { ChangeRef } from "./schemas";

const ref = (id: string, table: string, pk: Record<string, unknown>): ChangeRef => ({
  id,
  committedAtMs: Date.UTC(2026, 11, 5, 3, 0, 0),
  database: "shop",
  table,
  op: "UPDATE",
  pk,
  changedColumns: ["status"],
  before: { status: "NEW" },
  after: { status: "PAID" },
  traceId: null,
  spanId: null,
  txid: "9001",
});

describe("change refs", () => {
  it("splits a schema-qualified table and puts a bare one in public", () => {
    expect(splitTableName("sales.orders")).toEqual({ schema: "sales", table: "orders" });
    expect(splitTableName("orders")).toEqual({ schema: "public", table: "orders" });
  });

  it("reads as the audit API's change, so the audit diff card can draw it", () => {
    expect(toAuditChange(ref("a", "orders", { id: 42 }))).toMatchObject({ schema: "public", table: "orders", txid: 9001, committedAt: "2026-12-05T03:00:00.000Z", before: { status: "NEW" } });
  });

  it("links a row to its history page with its key as JSON", () => {
    expect(rowHistoryHref({ table: "orders", pk: { id: "42" }, database: "shop" })).toBe(`/audit/public.orders/${encodeURIComponent('{"id":"42"}')}?database=shop`);
    expect(describeRow({ table: "payments", pk: { id: "42" } })).toBe('payments {"id":"42"}');
  });

  it("groups changes by row in order of first appearance", () => {
    const rows = rowsOf([ref("1", "payments", { id: 7 }), ref("2", "orders", { id: 42 }), ref("3", "payments", { id: 7 })]);
    expect(rows.map((row) => [row.table, row.changes.map((c) => c.id)])).toEqual([
      ["payments", ["1", "3"]],
      ["orders", ["2"]],
    ]);
  });
});
