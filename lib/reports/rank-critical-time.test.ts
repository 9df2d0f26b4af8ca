import { describe, expect, it } from "vitest";
import { rankCriticalTime, type SampledSpan, type SampledTrace } from "./rank-critical-time";

const ms = 1e6;
const span = (spanId: string, parentSpanId: string | null, service: string, operation: string, kind: number, startMs: number, durationMs: number): SampledSpan => ({
  spanId,
  parentSpanId,
  service,
  operation,
  kind,
  startNs: startMs * ms,
  durationNs: durationMs * ms,
});

/** A checkout that waits `callMs` on payment's call to the provider, whose server span is held for `heldMs`. */
function checkout(traceId: string, callMs: number, heldMs: number): SampledTrace {
  return {
    traceId,
    spans: [
      span("a", null, "gateway", "POST /checkout", 2, 0, callMs + 60),
      span("b", "a", "gateway", "POST /orders", 3, 5, callMs + 50),
      span("c", "b", "order", "POST /orders", 2, 6, callMs + 48),
      span("d", "c", "order", "INSERT orders", 3, 8, 20),
      span("e", "c", "order", "POST /payments", 3, 30, callMs + 20),
      span("f", "e", "payment", "POST /payments", 2, 31, callMs + 18),
      span("g", "f", "payment", "POST /v1/charges", 3, 40, callMs),
      span("h", "g", "payment-provider", "POST /v1/charges", 2, 41, heldMs),
    ],
  };
}

describe("rankCriticalTime", () => {
  it("names the held provider as the top cause, and the caller's view of the call", () => {
    const traces = [checkout("t1", 3_001, 30_000), checkout("t2", 3_002, 12_000), checkout("t3", 3_001, 9_000), { traceId: "t4", spans: checkout("t4", 400, 400).spans }];
    const cause = rankCriticalTime(traces);
    expect(cause.sampledTraces).toBe(4);
    expect(cause.ranking[0]).toMatchObject({ service: "payment-provider", operation: "POST /v1/charges", traces: 4 });
    expect(cause.ranking[0]!.share).toBeGreaterThan(0.9);
    // Shares of everything below the entry spans add up to one; the entry span is not a cause.
    expect(cause.ranking.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1);
    expect(cause.ranking.some((r) => r.service === "gateway" && r.operation === "POST /checkout")).toBe(false);
    // The held server span (up to 30 s) is clipped to the caller's 3 s: the call took 3 s, not 30.
    expect(cause.slowCall).toEqual({
      caller: { service: "payment", operation: "POST /v1/charges" },
      callee: { service: "payment-provider", operation: "POST /v1/charges" },
      thresholdMs: 3_000,
      traces: 3,
      share: 0.75,
      traceIds: ["t1", "t2", "t3"],
    });
  });

  it("has no cause without traces", () => {
    expect(rankCriticalTime([])).toEqual({ sampledTraces: 0, ranking: [], slowCall: null });
  });
});
