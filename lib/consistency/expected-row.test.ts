import { describe, expect, it } from "vitest";
import { EXAMPLE_RULES } from "./example-rules";
import { describeKey, expectedRowOf } from "./expected-row";
import { ruleDefinitionSchema, type ChangeRef } from "./schemas";

const payment: ChangeRef = {
  id: "c1",
  committedAtMs: 0,
  database: "shop",
  table: "payments",
  op: "UPDATE",
  pk: { id: 7 },
  changedColumns: ["status"],
  before: { id: 7, order_id: 42, status: "PENDING" },
  after: { id: 7, order_id: 42, status: "SUCCESS" },
  traceId: null,
  spanId: null,
  txid: null,
};

describe("expectedRowOf", () => {
  const paid = ruleDefinitionSchema.parse(EXAMPLE_RULES[0]!.definition);

  it("names the order the payment's order_id points at", () => {
    const row = expectedRowOf(paid, "order becomes PAID", payment);
    expect(row).toEqual({ table: "orders", key: { id: 42 }, same: [] });
    expect(describeKey(row!.key)).toBe("id=42");
  });

  it("knows nothing of a step the rule no longer has, or of an at-most rule", () => {
    expect(expectedRowOf(paid, "renamed step", payment)).toBeNull();
    expect(expectedRowOf(ruleDefinitionSchema.parse(EXAMPLE_RULES[1]!.definition), "x", payment)).toBeNull();
  });

  it("keeps a link by transaction as such", () => {
    const def = ruleDefinitionSchema.parse({ ...EXAMPLE_RULES[0]!.definition, expect: [{ label: "audit row", match: { table: "log" }, link: [{ same: "transaction" }] }] });
    expect(expectedRowOf(def, "audit row", payment)).toEqual({ table: "log", key: {}, same: ["transaction"] });
  });
});
