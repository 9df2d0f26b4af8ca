import { describe, expect, it } from "vitest";
import { lockWaitSchema } from "@/lib/schemas/locks";
import { buildBlockingTree, waitsAt } from "./build-blocking-tree";

const wait = (id: string, waiter: number, blockers: number[], time = "2026-01-01T00:00:00.000Z", durationMs = 1000, ended = false) =>
  lockWaitSchema.parse({
    id,
    kind: "wait",
    database: "shop",
    time,
    durationMs,
    ended,
    traceIds: [],
    lock: { type: "transactionid", mode: "ShareLock", object: "transaction 1" },
    waiter: { pid: waiter, query: `q${waiter}` },
    blockers: blockers.map((pid) => ({ pid, query: `q${pid}`, heldModes: ["ExclusiveLock"] })),
  });

describe("buildBlockingTree", () => {
  it("puts the holder at the root and a chain of waiters below it", () => {
    const tree = buildBlockingTree([wait("a", 2, [1]), wait("b", 3, [2])]);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.pid).toBe(1);
    expect(tree[0]!.wait).toBeNull();
    expect(tree[0]!.children.map((c) => c.pid)).toEqual([2]);
    expect(tree[0]!.children[0]!.children.map((c) => c.pid)).toEqual([3]);
    expect(tree[0]!.children[0]!.wait?.heldModes).toEqual(["ExclusiveLock"]);
  });

  it("starts a cycle's tree at one of its waiters and stops before repeating it", () => {
    const tree = buildBlockingTree([wait("a", 1, [2]), wait("b", 2, [1])]);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.children.map((c) => c.pid)).toEqual([2]);
    expect(tree[0]!.children[0]!.children).toEqual([]);
  });
});

describe("waitsAt", () => {
  it("keeps waits in progress at the moment only", () => {
    const start = Date.parse("2026-01-01T00:00:00.000Z");
    const waits = [wait("ended-before", 1, [9], undefined, 500, true), wait("going-on", 2, [9], undefined, 500, false), wait("later", 3, [9], "2026-01-01T00:00:05.000Z")];
    expect(waitsAt(waits, start + 1000).map((w) => w.id)).toEqual(["going-on"]);
  });
});
