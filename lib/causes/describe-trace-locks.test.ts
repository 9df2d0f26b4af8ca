import { describe, expect, it } from "vitest";
import { deadlockSchema, lockWaitSchema } from "@/lib/schemas/locks";
import { describeTraceLocks } from "./describe-trace-locks";

const A = { trace: "a".repeat(32), span: "a".repeat(16) };
const B = { trace: "b".repeat(32), span: "b".repeat(16) };
const C = { trace: "c".repeat(32), span: "c".repeat(16) };

const wait = lockWaitSchema.parse({
  id: "w1",
  kind: "wait",
  database: "shop",
  time: "2026-01-01T00:00:00.000Z",
  durationMs: 1500,
  ended: true,
  traceIds: [A.trace, B.trace],
  lock: { type: "transactionid", mode: "ShareLock", object: "transaction 7" },
  waiter: { pid: 2, traceId: B.trace, spanId: B.span, query: "UPDATE stock" },
  blockers: [{ pid: 1, traceId: A.trace, spanId: A.span, query: "UPDATE orders" }],
});
const deadlock = deadlockSchema.parse({
  id: "d1",
  kind: "deadlock",
  database: "shop",
  time: "2026-01-01T00:00:01.000Z",
  source: "log",
  count: 1,
  victimPid: 2,
  traceIds: [A.trace, B.trace],
  processes: [
    { pid: 1, waitsFor: { mode: "ShareLock", object: "transaction 8" }, blockedBy: [2], traceId: A.trace, spanId: A.span, query: "UPDATE orders" },
    { pid: 2, waitsFor: { mode: "ShareLock", object: "transaction 7" }, blockedBy: [1], traceId: B.trace, spanId: B.span, query: "UPDATE stock" },
  ],
});

describe("describeTraceLocks", () => {
  it("tells the waiter it waited for the blocker, and the blocker whom it kept waiting", () => {
    expect(describeTraceLocks([wait], B.trace)).toEqual([
      {
        eventId: "w1",
        database: "shop",
        time: "2026-01-01T00:00:00.000Z",
        kind: "waited",
        durationMs: 1500,
        mode: "ShareLock",
        object: "transaction 7",
        own: { pid: 2, traceId: B.trace, spanId: B.span, query: "UPDATE stock", request: null, statement: null },
        others: [{ pid: 1, traceId: A.trace, spanId: A.span, query: "UPDATE orders", request: null, statement: null }],
      },
    ]);
    expect(describeTraceLocks([wait], A.trace)).toMatchObject([{ kind: "blocked", own: { pid: 1 }, others: [{ pid: 2, query: "UPDATE stock" }] }]);
  });

  it("tells the deadlock victim and the other side, each with the rest of the cycle and what it wanted", () => {
    expect(describeTraceLocks([deadlock], B.trace)).toMatchObject([{ kind: "deadlockVictim", durationMs: null, mode: "ShareLock", object: "transaction 7", own: { pid: 2 }, others: [{ pid: 1 }] }]);
    expect(describeTraceLocks([deadlock], A.trace)).toMatchObject([{ kind: "deadlock", object: "transaction 8", own: { pid: 1 }, others: [{ pid: 2 }] }]);
  });

  it("says nothing of events the trace took no part in", () => {
    expect(describeTraceLocks([wait, deadlock], C.trace)).toEqual([]);
  });
});
