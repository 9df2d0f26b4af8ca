import { describe, expect, it } from "vitest";
import { buildTraceModel } from "./build-trace-model";
import { loadFixture, tinyTrace } from "./fixtures/load-fixture";

const ms = 1_000_000;

describe("computeSelfTimes", () => {
  it("subtracts the union of children, counting parallel overlap once and clipping at the parent's end", () => {
    const model = buildTraceModel(
      tinyTrace([
        { id: "root", start: 0, duration: 100 },
        { id: "a", parent: "root", start: 10, duration: 30 },
        { id: "b", parent: "root", start: 20, duration: 30 },
        { id: "async", parent: "root", start: 90, duration: 50 },
      ]),
    );
    const self = (id: string) => model.selfTimeNs[model.indexBySpanId.get(id)!]! / ms;
    // Covered: 10-50 (a ∪ b) and 90-100 (async, clipped) = 50.
    expect(self("root")).toBe(50);
    expect(self("a")).toBe(30);
    expect(self("async")).toBe(50);
  });

  it("on the recording, a leaf's self time is its duration and no span's exceeds its duration", () => {
    const model = buildTraceModel(loadFixture("checkout"));
    for (let i = 0; i < model.size; i++) {
      expect(model.selfTimeNs[i]).toBeGreaterThanOrEqual(0);
      expect(model.selfTimeNs[i]).toBeLessThanOrEqual(model.durationNs[i]!);
      if (model.tree.subtreeSize[i] === 1) expect(model.selfTimeNs[i]).toBe(model.durationNs[i]);
    }
  });
});
