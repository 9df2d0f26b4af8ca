import { describe, expect, it } from "vitest";
import { deadlockSchema, lockWaitSchema } from "@/lib/schemas/locks";
import { describeSpanLocks } from "./describe-span-locks";

const A = { trace: "a".repeat(32), span: "a".repeat(16) };
const B = { trace: "b".repeat(32), span: "b".repeat(16) };

const wait = lockWaitSchema.parse({
  id: "w1",
  kind: "wait",
  database: "shop",
  time: "2026-01-01T00:00:00.000Z",
  durationMs: 1500,
  ended: true,
  traceIds: [A.trace, B.trace],
  lock: { type: "transactionid", mode: "ShareLock", object: "transaction 7" },
  waiter: { pid: 2, traceId: B.trace, spanId: B.span },
  blockers: [{ pid: 1, traceId: A.trace, spanId: A.span }],
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
    { pid: 1, waitsFor: { mode: "ShareLock", object: "transaction 8" }, blockedBy: [2], traceId: A.trace, spanId: A.span },
    { pid: 2, waitsFor: { mode: "ShareLock", object: "transaction 7" }, blockedBy: [1], traceId: B.trace, spanId: B.span },
  ],
});

describe("describeSpanLocks", () => {
  it("tells the waiter who blocked it and the victim that it was the victim, with the other side", () => {
    const notes = describeSpanLocks([wait, deadlock], B.span);
    expect(notes.map((n) => n.kind)).toEqual(["waited", "deadlockVictim"]);
    expect(notes[0]!.others).toEqual([{ pid: 1, traceId: A.trace, spanId: A.span }]);
    expect(notes[1]).toMatchObject({ mode: "ShareLock", object: "transaction 7", others: [{ pid: 1, traceId: A.trace }] });
  });

  it("tells the holder it blocked the waiter, and the survivor it was in a deadlock", () => {
    expect(describeSpanLocks([wait, deadlock], A.span).map((n) => [n.kind, n.others[0]!.pid])).toEqual([
      ["blocked", 2],
      ["deadlock", 2],
    ]);
  });

  it("says nothing about a span in no lock event", () => {
    expect(describeSpanLocks([wait, deadlock], "c".repeat(16))).toEqual([]);
  });
});
