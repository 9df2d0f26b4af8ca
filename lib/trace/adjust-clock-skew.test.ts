import { describe, expect, it } from "vitest";
import { adjustClockSkew } from "./adjust-clock-skew";
import { buildSpanTree } from "./build-span-tree";
import { loadFixture, tinyTrace } from "./fixtures/load-fixture";
import type { CompactTrace } from "@/lib/schemas/trace-compact";

function adjust(trace: CompactTrace) {
  const tree = buildSpanTree(trace.spans.parent, trace.spans.startNs);
  return adjustClockSkew(tree, { startNs: trace.spans.startNs, durationNs: trace.spans.durationNs, clock: trace.spans.service, kind: trace.spans.kind });
}
const ms = 1_000_000;

describe("adjustClockSkew on the recording with payment's clock 80 ms behind", () => {
  const trace = loadFixture("checkout-skewed");
  const { spans } = trace;
  const result = adjust(trace);
  const payment = trace.services.indexOf("payment");
  const paymentServer = spans.spanId.findIndex((_, i) => spans.service[i] === payment && spans.kind[i] === 2);
  const caller = spans.parent[paymentServer]!;

  it("the recorded child starts before its parent", () => {
    expect(spans.startNs[paymentServer]!).toBeLessThan(spans.startNs[caller]!);
  });

  it("moves payment's server span inside the checkout call, centred", () => {
    const start = result.startNs[paymentServer]!;
    const end = start + spans.durationNs[paymentServer]!;
    expect(start).toBeGreaterThanOrEqual(spans.startNs[caller]!);
    expect(end).toBeLessThanOrEqual(spans.startNs[caller]! + spans.durationNs[caller]!);
    const slack = spans.durationNs[caller]! - spans.durationNs[paymentServer]!;
    expect(start - spans.startNs[caller]!).toBeCloseTo(slack / 2, 3);
  });

  it("shifts every payment span by the same amount (one clock) and no other service's span", () => {
    const shift = result.shiftNs[paymentServer]!;
    // The original recording had payment 80 ms later; the correction recovers most of it.
    expect(shift).toBeGreaterThan(75 * ms);
    expect(shift).toBeLessThan(85 * ms);
    for (let i = 0; i < spans.spanId.length; i++) {
      if (spans.service[i] === payment) expect(result.shiftNs[i]).toBe(shift);
    }
    const otherShifted = spans.spanId.filter((_, i) => spans.service[i] !== payment && result.shiftNs[i] !== 0);
    // The recording itself carries one sub-millisecond skew (coupon's server ends just after
    // its caller: the SDK anchors start times to the millisecond); nothing else moves.
    expect(otherShifted).toHaveLength(1);
  });
});

describe("adjustClockSkew rules", () => {
  it("leaves a recording whose children fit alone (apart from its sub-millisecond anchor skew)", () => {
    const result = adjust(loadFixture("checkout"));
    expect(result.adjustedCount).toBe(1);
    expect(Math.max(...result.shiftNs.map(Math.abs))).toBeLessThan(1 * ms);
  });

  it("aligns a child longer than its parent with the parent's start", () => {
    const trace = tinyTrace([
      { id: "p", service: "a", start: 100, duration: 10, kind: 3 },
      { id: "c", parent: "p", service: "b", start: 90, duration: 30, kind: 2 },
    ]);
    const result = adjust(trace);
    const c = trace.spans.spanId.indexOf("c");
    const p = trace.spans.spanId.indexOf("p");
    expect(result.startNs[c]).toBe(trace.spans.startNs[p]);
  });

  it("does not move asynchronous work that outlives its parent, nor same-service children", () => {
    const trace = tinyTrace([
      { id: "producer", service: "order", start: 0, duration: 5, kind: 4 },
      { id: "consumer", parent: "producer", service: "mailer", start: 40, duration: 20, kind: 5 },
      { id: "task", parent: "producer", service: "audit", start: 2, duration: 30, kind: 1 },
      { id: "early", parent: "producer", service: "order", start: -3, duration: 1 },
    ]);
    expect(adjust(trace).adjustedCount).toBe(0);
  });

  it("centres a synchronous call's server span that ends after its client span", () => {
    const trace = tinyTrace([
      { id: "client", service: "a", start: 0, duration: 10, kind: 3 },
      { id: "server", parent: "client", service: "b", start: 6, duration: 6, kind: 2 },
      { id: "inner", parent: "server", service: "b", start: 7, duration: 2 },
    ]);
    const result = adjust(trace);
    const at = (id: string) => result.startNs[trace.spans.spanId.indexOf(id)]! / ms;
    expect(at("server")).toBeCloseTo(2, 6);
    expect(at("inner")).toBeCloseTo(3, 6);
  });
});
