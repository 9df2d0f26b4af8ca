import { describe, expect, it } from "vitest";
import { clipToWindows, mergeIntervals, peakConcurrency, rankPoolHolders, type Hold } from "./rank-pool-holders";

const hold = (traceId: string, startMs: number, endMs: number, operation: string | null, source: Hold["source"] = "spans"): Hold => ({
  traceId,
  spanId: null,
  operation,
  request: operation ? { service: "gateway", name: operation } : null,
  startMs,
  endMs,
  source,
});

describe("mergeIntervals", () => {
  it("joins overlapping and touching intervals, drops empty ones and sorts", () => {
    expect(
      mergeIntervals([
        { startMs: 50, endMs: 60 },
        { startMs: 0, endMs: 10 },
        { startMs: 10, endMs: 20 },
        { startMs: 15, endMs: 18 },
        { startMs: 30, endMs: 30 },
      ]),
    ).toEqual([
      { startMs: 0, endMs: 20 },
      { startMs: 50, endMs: 60 },
    ]);
  });
});

describe("clipToWindows", () => {
  it("keeps only the parts inside the windows", () => {
    const windows = [
      { startMs: 0, endMs: 10 },
      { startMs: 20, endMs: 30 },
    ];
    expect(clipToWindows({ startMs: 5, endMs: 25 }, windows)).toEqual([
      { startMs: 5, endMs: 10 },
      { startMs: 20, endMs: 25 },
    ]);
    expect(clipToWindows({ startMs: 10, endMs: 20 }, windows)).toEqual([]);
  });
});

describe("peakConcurrency", () => {
  it("counts intervals open together; a hand-over at one instant is not an overlap", () => {
    expect(
      peakConcurrency([
        { startMs: 0, endMs: 10 },
        { startMs: 2, endMs: 8 },
        { startMs: 10, endMs: 12 },
      ]),
    ).toBe(2);
    expect(peakConcurrency([])).toBe(0);
  });
});

describe("rankPoolHolders", () => {
  it("ranks the slow report that held every connection above short requests, by time held in the wait", () => {
    const wait = { startMs: 1_000, endMs: 5_200 };
    const holds = [
      hold("r1", 0, 9_800, "GET /reports/sales"),
      hold("r2", 10, 9_810, "GET /reports/sales"),
      hold("r3", 20, 9_820, "GET /reports/sales"),
      hold("r4", 30, 9_830, "GET /reports/sales"),
      hold("q1", 900, 1_100, "GET /orders"), // 100 ms inside the wait
      hold("late", 6_000, 7_000, "GET /orders"), // after the wait: not a holder
    ];
    const { operations, requests } = rankPoolHolders([wait], holds, new Set(["victim"]));
    expect(operations).toEqual([
      { operation: "GET /reports/sales", requests: 4, heldMs: 4 * 4_200, longestHoldMs: 9_800, connections: 4 },
      { operation: "GET /orders", requests: 1, heldMs: 100, longestHoldMs: 200, connections: 1 },
    ]);
    expect(requests.map((r) => r.traceId)).toEqual(["r1", "r2", "r3", "r4", "q1"]);
    expect(requests[0]).toMatchObject({ heldMs: 4_200, longestHoldMs: 9_800, connections: 1, request: { service: "gateway", name: "GET /reports/sales" } });
  });

  it("leaves out the waiting requests themselves", () => {
    const { requests } = rankPoolHolders([{ startMs: 0, endMs: 100 }], [hold("victim", 0, 100, "GET /orders"), hold("other", 0, 50, "GET /x")], new Set(["victim"]));
    expect(requests.map((r) => r.traceId)).toEqual(["other"]);
  });

  it("counts a request seen in the spans once, and one seen only in the activity samples still", () => {
    const wait = { startMs: 0, endMs: 1_000 };
    const { requests } = rankPoolHolders(
      [wait],
      [hold("a", 0, 1_000, "GET /a"), hold("a", 0, 1_000, null, "activity"), hold("idle", 200, 900, null, "activity")],
    );
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ traceId: "a", heldMs: 1_000, source: "spans" });
    expect(requests[1]).toMatchObject({ traceId: "idle", heldMs: 700, source: "activity", operation: null });
  });

  it("counts two connections of one request held together as two, over several waits", () => {
    const waits = [
      { startMs: 0, endMs: 100 },
      { startMs: 50, endMs: 200 },
      { startMs: 1_000, endMs: 1_100 },
    ];
    const { requests, operations } = rankPoolHolders(waits, [hold("x", 0, 2_000, "POST /batch"), hold("x", 150, 1_050, "POST /batch")]);
    // First hold: 200 + 100 inside the two merged windows; second: 50 + 50.
    expect(requests[0]).toMatchObject({ heldMs: 400, connections: 2, longestHoldMs: 2_000 });
    expect(operations[0]).toMatchObject({ operation: "POST /batch", requests: 1, connections: 2 });
  });

  it("answers nothing when nobody overlaps the waits", () => {
    expect(rankPoolHolders([{ startMs: 0, endMs: 10 }], [hold("a", 20, 30, "GET /a")])).toEqual({ operations: [], requests: [] });
  });
});
