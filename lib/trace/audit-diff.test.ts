import { describe, expect, it } from "vitest";
import { describePrimaryKey, diffAuditChange, formatJsonValue } from "./audit-diff";

describe("diffAuditChange", () => {
  it("lists an UPDATE's changed columns first, with before and after as text", () => {
    const lines = diffAuditChange({
      op: "UPDATE",
      before: { id: 42, status: "pending", total: 59.9, meta: { a: 1 } },
      after: { id: 42, status: "paid", total: 59.9, meta: { a: 2 } },
      changedColumns: ["status", "meta"],
    });
    expect(lines).toEqual([
      { column: "status", before: "pending", after: "paid", changed: true },
      { column: "meta", before: '{"a":1}', after: '{"a":2}', changed: true },
      { column: "id", before: "42", after: "42", changed: false },
      { column: "total", before: "59.9", after: "59.9", changed: false },
    ]);
  });

  it("compares values when the agent sent no changed columns", () => {
    const lines = diffAuditChange({ op: "UPDATE", before: { id: 1, qty: 3 }, after: { id: 1, qty: 2 }, changedColumns: [] });
    expect(lines.filter((l) => l.changed).map((l) => l.column)).toEqual(["qty"]);
  });

  it("shows only after for INSERT and only before for DELETE, null as null", () => {
    expect(diffAuditChange({ op: "INSERT", before: null, after: { id: 7, note: null }, changedColumns: [] })).toEqual([
      { column: "id", before: undefined, after: "7", changed: true },
      { column: "note", before: undefined, after: "null", changed: true },
    ]);
    expect(diffAuditChange({ op: "DELETE", before: { id: 7 }, after: null, changedColumns: [] })).toEqual([{ column: "id", before: "7", after: undefined, changed: true }]);
  });

  it("describes keys and values as plain text", () => {
    expect(describePrimaryKey({ order_id: 42, line: "a" })).toBe("order_id=42, line=a");
    expect(formatJsonValue("<b>")).toBe("<b>");
    expect(formatJsonValue(true)).toBe("true");
  });
});
