import { describe, expect, it } from "vitest";
import { classifyDeliveries, type DeliveryRow } from "./classify-deliveries";

const callback = { service: "payment", operation: "POST /payments/callback" };
const at = (seconds: number) => String(BigInt(1_764_000_000 + seconds) * 1_000_000_000n);
const row = (traceId: string, seconds: number, changedRows: boolean, extra: Partial<DeliveryRow> = {}): DeliveryRow => ({
  ...callback,
  traceId,
  key: "order.id",
  value: "42",
  startTimeUnixNano: at(seconds),
  changedRows,
  flag: null,
  ...extra,
});

describe("classifyDeliveries", () => {
  it("a later delivery that changed nothing is a duplicate of the first that changed rows", () => {
    const found = classifyDeliveries([row("first", 0, true), row("second", 2, false)]);
    expect(found).toEqual([
      {
        ...callback,
        keys: [{ key: "order.id", value: "42" }],
        duplicate: { traceId: "second", startTimeUnixNano: at(2), flagged: false },
        original: { traceId: "first", startTimeUnixNano: at(0) },
      },
    ]);
  });

  it("finds the same pair through several keys once, naming every key", () => {
    const rows = ["order.id", "payment.id", "payment.idempotency_key"].flatMap((key) => [row("first", 0, true, { key, value: `${key}-v` }), row("second", 2, false, { key, value: `${key}-v` })]);
    const found = classifyDeliveries(rows);
    expect(found).toHaveLength(1);
    expect(found[0]!.keys.map((k) => k.key)).toEqual(["order.id", "payment.id", "payment.idempotency_key"]);
  });

  it("needs the same operation: another operation with the same key is not a duplicate", () => {
    expect(classifyDeliveries([row("charge", 0, true, { operation: "POST /payments" }), row("read", 2, false, { operation: "GET /payments/:id" })])).toEqual([]);
  });

  it("reads that never changed anything are not duplicates of each other", () => {
    expect(classifyDeliveries([row("a", 0, false), row("b", 2, false), row("c", 4, false)])).toEqual([]);
  });

  it("an earlier delivery that changed nothing is not a duplicate of a later one", () => {
    const found = classifyDeliveries([row("too-early", 0, false), row("worker", 1, true), row("late", 3, false)]);
    expect(found.map((f) => [f.duplicate.traceId, f.original?.traceId])).toEqual([["late", "worker"]]);
  });

  it("two deliveries that both changed rows are not duplicates (each did work)", () => {
    expect(classifyDeliveries([row("a", 0, true), row("b", 2, true)])).toEqual([]);
  });

  it("trusts the span's own word: flagged true without an original, flagged false never", () => {
    const found = classifyDeliveries([row("orphan", 5, false, { flag: true, value: "7" }), row("first", 0, true, { value: "8" }), row("audit-pending", 2, false, { flag: false, value: "8" })]);
    expect(found).toEqual([{ ...callback, keys: [{ key: "order.id", value: "7" }], duplicate: { traceId: "orphan", startTimeUnixNano: at(5), flagged: true }, original: null }]);
  });

  it("a span flagged as a duplicate is never the original, even if its trace changed rows", () => {
    const found = classifyDeliveries([row("flagged", 0, true, { flag: true }), row("worker", 1, true), row("later", 3, false)]);
    expect(found.map((f) => [f.duplicate.traceId, f.original?.traceId ?? null])).toEqual([
      ["later", "worker"],
      ["flagged", null],
    ]);
  });

  it("lists the newest duplicate first; a trace delivering twice counts once", () => {
    const found = classifyDeliveries([row("w1", 0, true, { value: "1" }), row("d1", 1, false, { value: "1" }), row("w2", 10, true, { value: "2" }), row("d2", 12, false, { value: "2" }), row("d2", 13, false, { value: "2" })]);
    expect(found.map((f) => f.duplicate.traceId)).toEqual(["d2", "d1"]);
    expect(found[0]!.duplicate.startTimeUnixNano).toBe(at(12));
  });
});
