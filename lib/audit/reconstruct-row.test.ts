import { describe, expect, it } from "vitest";
import { committedBy, diffRowStates, rowAsOfInHistory } from "./reconstruct-row";

type Op = "INSERT" | "UPDATE" | "DELETE";
const change = (id: string, op: Op, committedAt: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) => ({
  id,
  op,
  committedAt,
  before: before as Record<string, never> | null,
  after: after as Record<string, never> | null,
});

// id 1: inserted NEW, paid (card masked by the agent), deleted, inserted again with the same key;
// updated_at is an ignored column, so its change at 10:30 was not recorded.
const history = [
  change("c1", "INSERT", "2026-12-01T10:00:00.000100Z", null, { id: 1, status: "NEW", card: "****1234", updated_at: "10:00" }),
  change("c2", "UPDATE", "2026-12-01T11:00:00.000000Z", { id: 1, status: "NEW", card: "****1234", updated_at: "10:30" }, { id: 1, status: "PAID", card: "****1234", updated_at: "11:00" }),
  change("c3", "DELETE", "2026-12-01T12:00:00.000000Z", { id: 1, status: "PAID", card: "****1234", updated_at: "11:00" }, null),
  change("c4", "INSERT", "2026-12-01T13:00:00.000000Z", null, { id: 1, status: "NEW", card: "****9999", updated_at: "13:00" }),
];
const at = (text: string) => Date.parse(`2026-12-01T${text}Z`);

describe("rowAsOfInHistory", () => {
  it("reads the row from the last change at or before the moment", () => {
    expect(rowAsOfInHistory(history, at("10:10:00"))).toMatchObject({ state: "present", row: { status: "NEW", card: "****1234" }, basis: { changeId: "c1", side: "after" } });
    expect(rowAsOfInHistory(history, at("11:00:00"))).toMatchObject({ state: "present", row: { status: "PAID" }, basis: { changeId: "c2" } });
    expect(rowAsOfInHistory(history, at("14:00:00"))).toMatchObject({ state: "present", row: { status: "NEW", card: "****9999" }, basis: { changeId: "c4" } });
  });

  it("knows when the row did not exist: before its insert, after its delete, until re-inserted", () => {
    expect(rowAsOfInHistory(history, at("09:00:00"))).toMatchObject({ state: "absent", row: null, basis: { changeId: "c1", side: "before" } });
    expect(rowAsOfInHistory(history, at("12:30:00"))).toMatchObject({ state: "absent", row: null, basis: { changeId: "c3", side: "after" } });
  });

  it("a moment covers its whole millisecond (commit times have microseconds)", () => {
    expect(committedBy("2026-12-01T10:00:00.000100Z", at("10:00:00.000"))).toBe(true);
    expect(committedBy("2026-12-01T10:00:00.001000Z", at("10:00:00.000"))).toBe(false);
    expect(rowAsOfInHistory(history, at("10:00:00.000")).basis).toEqual({ changeId: "c1", side: "after" });
  });

  it("reads a row first seen in an update from that update's before", () => {
    const seen = [change("u1", "UPDATE", "2026-12-01T10:00:00.000000Z", { id: 2, status: "OLD" }, { id: 2, status: "NEW" })];
    expect(rowAsOfInHistory(seen, at("09:00:00"))).toMatchObject({ state: "present", row: { status: "OLD" }, basis: { changeId: "u1", side: "before" } });
    expect(rowAsOfInHistory([], at("09:00:00"))).toEqual({ state: "unknown", row: null, basis: null, unrecorded: [] });
  });

  it("names a column written without a recorded change (an ignored column) instead of showing it as certain", () => {
    expect(rowAsOfInHistory(history, at("10:45:00")).unrecorded).toEqual([{ column: "updated_at", next: "10:30" }]);
    expect(rowAsOfInHistory(history, at("11:30:00")).unrecorded).toEqual([]);
  });
});

describe("diffRowStates", () => {
  it("lists changed columns first, and every column of a row that appeared", () => {
    expect(diffRowStates({ id: 1, status: "NEW" }, { id: 1, status: "PAID" })).toEqual([
      { column: "status", from: "NEW", to: "PAID", changed: true },
      { column: "id", from: 1, to: 1, changed: false },
    ]);
    expect(diffRowStates(null, { id: 1 })).toEqual([{ column: "id", from: undefined, to: 1, changed: true }]);
  });
});
