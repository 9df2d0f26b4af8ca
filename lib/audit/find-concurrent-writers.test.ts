import { describe, expect, it } from "vitest";
import { findConcurrentWriters } from "./find-concurrent-writers";

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, seconds)).toISOString();
const ms = (seconds: number) => Date.UTC(2026, 11, 1, 10, 0, seconds);
const change = (id: string, txid: number | null, startSeconds: number | null, commitSeconds: number, traceId: string | null = `trace-${id}`) => ({
  id,
  txid,
  traceId,
  committedAt: at(commitSeconds),
  request: startSeconds === null ? null : { rootService: null, rootName: null, spanName: null, startMs: ms(startSeconds), endMs: ms(commitSeconds + 1) },
});
const ids = (groups: { id: string }[][]) => groups.map((group) => group.map((c) => c.id));

describe("findConcurrentWriters", () => {
  it("groups a writer whose request started before an earlier writer committed", () => {
    // b read the row at 1 s, a committed at 3 s, b wrote at 4 s: b may have overwritten a.
    expect(ids(findConcurrentWriters([change("a", 1, 0, 3), change("b", 2, 1, 4), change("c", 3, 10, 11)]))).toEqual([["a", "b"]]);
  });

  it("chains three overlapping writers into one group, in commit order", () => {
    expect(ids(findConcurrentWriters([change("a", 1, 0, 3), change("b", 2, 2, 5), change("c", 3, 4, 6)]))).toEqual([["a", "b", "c"]]);
  });

  it("leaves out writers one after another, changes of one transaction, and changes without a request", () => {
    expect(findConcurrentWriters([change("a", 1, 0, 3), change("b", 2, 3, 4)])).toEqual([]);
    expect(findConcurrentWriters([change("a", 1, 0, 3), change("b", 1, 1, 3)])).toEqual([]);
    expect(findConcurrentWriters([change("a", 1, 0, 3), change("h", 2, null, 4)])).toEqual([]);
    expect(ids(findConcurrentWriters([change("h", 9, null, 1), change("a", 1, 0, 3), change("b", 2, 1, 4)]))).toEqual([["a", "b"]]);
  });

  it("counts an INSERT and a later UPDATE of one request, in two transactions, as one writer", () => {
    // the demo's checkout inserts the order, then sets it PENDING_PAYMENT in a second transaction
    expect(findConcurrentWriters([change("insert", 1, 0, 1, "t1"), change("update", 2, 0, 2, "t1")])).toEqual([]);
    // a second request overlapping them is still a concurrent writer
    expect(ids(findConcurrentWriters([change("insert", 1, 0, 1, "t1"), change("update", 2, 0, 2, "t1"), change("other", 3, 1, 3, "t2")]))).toEqual([["insert", "update", "other"]]);
  });
});
