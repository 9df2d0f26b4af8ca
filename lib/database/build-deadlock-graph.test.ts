import { describe, expect, it } from "vitest";
import { deadlockSchema } from "@/lib/schemas/locks";
import { buildDeadlockGraph, deadlockEdges } from "./build-deadlock-graph";

const deadlock = deadlockSchema.parse({
  id: "d1",
  kind: "deadlock",
  database: "shop",
  time: "2026-01-01T00:00:00.000Z",
  source: "log",
  count: 1,
  victimPid: 11,
  traceIds: [],
  message: null,
  context: null,
  processes: [
    { pid: 10, query: "UPDATE a", waitsFor: { mode: "ShareLock", object: "transaction 5" }, blockedBy: [11] },
    { pid: 11, query: "UPDATE b", waitsFor: { mode: "ExclusiveLock", object: "transaction 4" }, blockedBy: [10, 99] },
  ],
});

describe("deadlockEdges", () => {
  it("draws waiter → holder with the wanted mode, leaving out pids outside the cycle", () => {
    expect(deadlockEdges(deadlock)).toEqual([
      { source: 10, target: 11, mode: "ShareLock" },
      { source: 11, target: 10, mode: "ExclusiveLock" },
    ]);
  });
});

describe("buildDeadlockGraph", () => {
  it("colours the victim and escapes tooltips", () => {
    const option = buildDeadlockGraph(
      deadlock,
      { node: (pid, victim) => `${pid}${victim ? " victim" : ""}`, tooltip: (p) => `<b>${p.query}</b>` },
      { text: "t", node: "blue", victim: "red", edge: "grey" },
    );
    const series = (option.series as { data: { name: string; itemStyle: { color: string }; tooltip: { formatter: string } }[] }[])[0]!;
    expect(series.data.map((d) => [d.name, d.itemStyle.color])).toEqual([
      ["10", "blue"],
      ["11 victim", "red"],
    ]);
    expect(series.data[0]!.tooltip.formatter).toBe("&#60;b&#62;UPDATE a&#60;/b&#62;");
  });
});
