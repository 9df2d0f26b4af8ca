import { describe, expect, it } from "vitest";
import { buildTraceModel } from "./build-trace-model";
import { segmentsBySpan } from "./compute-critical-path";
import { loadFixture, tinyTrace, type TinySpan } from "./fixtures/load-fixture";

const ms = 1_000_000;

/** The path as "span:from-to" in ms, in time order. */
function path(spans: TinySpan[]) {
  const model = buildTraceModel(tinyTrace(spans));
  return [...model.criticalPath.segments].reverse().map((s) => `${model.spanIds[s.span]}:${s.startNs / ms}-${s.endNs / ms}`);
}

describe("computeCriticalPath on drawn traces", () => {
  it("goes through sequential children and the parent's own time between them", () => {
    expect(
      path([
        { id: "root", start: 0, duration: 100 },
        { id: "a", parent: "root", start: 10, duration: 20 },
        { id: "b", parent: "root", start: 40, duration: 50 },
      ]),
    ).toEqual(["root:0-10", "a:10-30", "root:30-40", "b:40-90", "root:90-100"]);
  });

  it("takes the child that finished last among parallel ones, then what ended before it started", () => {
    expect(
      path([
        { id: "root", start: 0, duration: 100 },
        { id: "fast", parent: "root", start: 10, duration: 20 },
        { id: "slow", parent: "root", start: 10, duration: 80 },
        { id: "prep", parent: "root", start: 0, duration: 5 },
      ]),
    ).toEqual(["prep:0-5", "root:5-10", "slow:10-90", "root:90-100"]);
  });

  it("clips a child that outlives its parent and leaves out one that starts after the parent ended", () => {
    expect(
      path([
        { id: "root", start: 0, duration: 50 },
        { id: "async", parent: "root", start: 20, duration: 100 },
        { id: "late", parent: "root", start: 60, duration: 10 },
      ]),
    ).toEqual(["root:0-20", "async:20-50"]);
  });

  it("descends several levels and returns to the right point", () => {
    expect(
      path([
        { id: "root", start: 0, duration: 100 },
        { id: "mid", parent: "root", start: 10, duration: 80 },
        { id: "leaf", parent: "mid", start: 20, duration: 30 },
        { id: "leaf2", parent: "mid", start: 60, duration: 20 },
      ]),
    ).toEqual(["root:0-10", "mid:10-20", "leaf:20-50", "mid:50-60", "leaf2:60-80", "mid:80-90", "root:90-100"]);
  });
});

describe("computeCriticalPath on the recorded checkout", () => {
  for (const fixture of ["checkout", "checkout-skewed"] as const) {
    it(`${fixture}: tiles the root's duration exactly, without overlaps, inside each span`, () => {
      const model = buildTraceModel(loadFixture(fixture));
      const segments = [...model.criticalPath.segments].reverse();
      const root = model.tree.roots[0]!;
      expect(segments[0]!.startNs).toBe(model.startNs[root]);
      expect(segments.at(-1)!.endNs).toBeCloseTo(model.startNs[root]! + model.durationNs[root]!, 3);
      for (let s = 1; s < segments.length; s++) expect(segments[s]!.startNs).toBeCloseTo(segments[s - 1]!.endNs, 3);
      for (const segment of segments) {
        expect(segment.startNs).toBeGreaterThanOrEqual(model.startNs[segment.span]! - 1e-6);
        expect(segment.endNs).toBeLessThanOrEqual(model.startNs[segment.span]! + model.durationNs[segment.span]! + 1e-6);
      }
    });
  }

  it("runs through the failed payment and the slower of the parallel calls, not the coupon", () => {
    const model = buildTraceModel(loadFixture("checkout"));
    const onPath = (service: string, name: string) =>
      model.spanIds.some((_, i) => model.services[model.service[i]!] === service && model.names[model.name[i]!] === name && model.criticalPath.onPath[i] === 1);
    expect(onPath("payment", "provider authorize")).toBe(true);
    expect(onPath("inventory", "UPDATE stock")).toBe(true);
    expect(onPath("coupon", "POST /coupons/apply")).toBe(false);
    // Both authorize attempts are on it: they ran one after the other.
    const attempts = model.spanIds.filter((_, i) => model.names[model.name[i]!] === "provider authorize" && model.criticalPath.onPath[i]);
    expect(attempts).toHaveLength(2);
  });

  it("groups segments per span in time order for drawing", () => {
    const model = buildTraceModel(loadFixture("checkout"));
    const bySpan = segmentsBySpan(model.criticalPath);
    const root = bySpan.get(model.tree.roots[0]!)!;
    expect(root.length).toBe(2);
    expect(root[0]!.startNs).toBeLessThan(root[1]!.startNs);
  });

  it("with orphans, still ends at the end of the trace and stays on the root it has", () => {
    const model = buildTraceModel(loadFixture("checkout-orphans"));
    const first = model.criticalPath.segments.at(-1)!;
    const last = model.criticalPath.segments[0]!;
    expect(first.startNs).toBe(0);
    expect(last.endNs).toBeCloseTo(model.durationTotalNs, 3);
  });

  it("with only orphans (no root), covers them under one virtual root", () => {
    expect(
      path([
        { id: "x", parent: "gone", start: 0, duration: 10 },
        { id: "y", parent: "gone", start: 20, duration: 10 },
      ]),
    ).toEqual(["x:0-10", "y:20-30"]);
  });
});
