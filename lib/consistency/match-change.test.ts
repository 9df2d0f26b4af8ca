import { describe, expect, it } from "vitest";
import { linkKey, countKey } from "./link-key";
import { canonicalText, changeMatches, conditionHolds, type EvaluatedChange } from "./match-change";
import { changeMatchSchema, conditionSchema } from "./schemas";

const change = (patch: Partial<EvaluatedChange>): EvaluatedChange => ({
  id: "c1",
  committedAtMs: 0,
  committedAt: "1970-01-01 00:00:00+00",
  database: "shop",
  schema: "public",
  table: "orders",
  op: "UPDATE",
  pk: { id: 1 },
  before: { id: 1, status: "PENDING_PAYMENT", total: 10 },
  after: { id: 1, status: "PAID", total: 10 },
  changedColumns: ["status"],
  txid: "77",
  traceId: "ab".repeat(16),
  ...patch,
});
const holds = (condition: unknown, c: EvaluatedChange) => conditionHolds(conditionSchema.parse(condition), c);

describe("canonicalText", () => {
  it("writes numbers and numeric strings alike, and leaves other strings alone", () => {
    expect(canonicalText(42)).toBe("42");
    expect(canonicalText("42")).toBe("42");
    expect(canonicalText("0042")).toBe("42");
    expect(canonicalText("12345678901234567890")).toBe("12345678901234567890");
    expect(canonicalText(1.5)).toBe("1.5");
    expect(canonicalText("1.50")).toBe("1.5");
    expect(canonicalText("PAID")).toBe("PAID");
    expect(canonicalText(true)).toBe("true");
    expect(canonicalText(null)).toBeNull();
    expect(canonicalText(undefined)).toBeNull();
  });
});

describe("conditionHolds", () => {
  it("becomes: the value after and not before; an INSERT with the value counts; a DELETE never does", () => {
    expect(holds({ column: "status", op: "becomes", value: "PAID" }, change({}))).toBe(true);
    expect(holds({ column: "status", op: "becomes", value: "PAID" }, change({ before: { status: "PAID" } }))).toBe(false);
    expect(holds({ column: "status", op: "becomes", value: "PAID" }, change({ op: "INSERT", before: null }))).toBe(true);
    expect(holds({ column: "status", op: "becomes", value: "PAID" }, change({ op: "DELETE", after: null }))).toBe(false);
  });

  it("increases and decreases: JSON numbers or numeric strings, on updates only", () => {
    const stock = (before: unknown, after: unknown) => change({ before: { on_hand: before }, after: { on_hand: after } });
    expect(holds({ column: "on_hand", op: "increases" }, stock(4, 6))).toBe(true);
    expect(holds({ column: "on_hand", op: "increases" }, stock("4", "6"))).toBe(true);
    expect(holds({ column: "on_hand", op: "increases" }, stock("10", 9))).toBe(false);
    expect(holds({ column: "on_hand", op: "decreases" }, stock("10", 9))).toBe(true);
    expect(holds({ column: "on_hand", op: "increases" }, stock("n/a", 9))).toBe(false);
    expect(holds({ column: "on_hand", op: "increases" }, change({ op: "INSERT", before: null, after: { on_hand: 5 } }))).toBe(false);
  });

  it("changed: listed in changed columns, or a different value", () => {
    expect(holds({ column: "status", op: "changed" }, change({}))).toBe(true);
    expect(holds({ column: "total", op: "changed" }, change({}))).toBe(false);
    expect(holds({ column: "total", op: "changed" }, change({ changedColumns: [], after: { total: 11 } }))).toBe(true);
  });

  it("eq, ne, in, is-null and not-null read the row after (before for a DELETE) unless a side is named", () => {
    expect(holds({ column: "status", op: "eq", value: "PAID" }, change({}))).toBe(true);
    expect(holds({ column: "status", op: "eq", value: "PENDING_PAYMENT", side: "before" }, change({}))).toBe(true);
    expect(holds({ column: "status", op: "eq", value: "PENDING_PAYMENT" }, change({ op: "DELETE", after: null }))).toBe(true);
    expect(holds({ column: "id", op: "eq", value: "1" }, change({}))).toBe(true);
    expect(holds({ column: "status", op: "ne", value: "PAID" }, change({}))).toBe(false);
    expect(holds({ column: "status", op: "in", values: ["NEW", "PAID"] }, change({}))).toBe(true);
    expect(holds({ column: "coupon_id", op: "is-null" }, change({}))).toBe(true);
    expect(holds({ column: "coupon_id", op: "not-null" }, change({ after: { coupon_id: "WELCOME10" } }))).toBe(true);
    expect(holds({ column: "coupon_id", op: "eq", value: null }, change({}))).toBe(false);
  });
});

describe("changeMatches", () => {
  it("checks the table (bare or schema-qualified), the database, the operation and every condition", () => {
    const match = (m: unknown) => changeMatchSchema.parse(m);
    expect(changeMatches(match({ table: "orders" }), change({}))).toBe(true);
    expect(changeMatches(match({ table: "public.orders" }), change({}))).toBe(true);
    expect(changeMatches(match({ table: "sales.orders" }), change({}))).toBe(false);
    expect(changeMatches(match({ table: "orders", database: "other" }), change({}))).toBe(false);
    expect(changeMatches(match({ table: "orders", ops: ["INSERT"] }), change({}))).toBe(false);
    expect(changeMatches(match({ table: "orders", where: [{ column: "status", op: "becomes", value: "PAID" }, { column: "total", op: "eq", value: 11 }] }), change({}))).toBe(false);
  });
});

describe("link keys", () => {
  it("meet when the step's column equals the trigger's column, whatever JSON type carried the value", () => {
    const payment = change({ table: "payments", after: { id: 5, order_id: "42" } });
    const order = change({ table: "orders", after: { id: 42 } });
    expect(linkKey([{ column: "id", equalsTriggerColumn: "order_id" }], payment, "trigger")).toBe(linkKey([{ column: "id", equalsTriggerColumn: "order_id" }], order, "step"));
    expect(linkKey([{ column: "id", equalsTriggerColumn: "order_id" }], change({ after: { order_id: null } }), "trigger")).toBeNull();
  });

  it("link by the same transaction (in the same database) or the same trace", () => {
    expect(linkKey([{ same: "transaction" }], change({}), "trigger")).toBe('["tx:shop:77"]');
    expect(linkKey([{ same: "transaction" }], change({ database: "other" }), "step")).not.toBe('["tx:shop:77"]');
    expect(linkKey([{ same: "trace" }], change({ traceId: null }), "step")).toBeNull();
  });

  it("count keys use the per columns, and skip a row with a NULL key", () => {
    expect(countKey(["id"], change({ after: { id: "0100" } }))).toEqual({ key: '["100"]', values: { id: "0100" } });
    expect(countKey(["id"], change({ after: { id: null } }))).toBeNull();
  });
});
