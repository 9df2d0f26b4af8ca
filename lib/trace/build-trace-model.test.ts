import { describe, expect, it } from "vitest";
import { buildTraceModel } from "./build-trace-model";
import { loadFixture, tinyTrace } from "./fixtures/load-fixture";

describe("buildTraceModel", () => {
  it("rebases times so the trace starts at 0 after a correction moved its first span", () => {
    const model = buildTraceModel(
      tinyTrace([
        { id: "client", service: "a", kind: 3, start: 10, duration: 10 },
        // Starts 10 ms before the trace's first span: it is the earliest span until corrected.
        { id: "server", parent: "client", service: "b", kind: 2, start: 0, duration: 4 },
      ]),
    );
    expect(Math.min(...model.startNs)).toBe(0);
    expect(model.durationTotalNs).toBe(10_000_000);
    // The earliest span in the payload was the skewed one, 10 ms before the client.
    expect(model.startTimeUnixNano).toBe("1764000000010000000");
    expect(model.skewAdjustedCount).toBe(1);
  });

  it("lists errors in display order and keeps the missing parent ids of orphans", () => {
    const trace = loadFixture("checkout-orphans");
    const model = buildTraceModel(trace);
    const rows = [...model.errorSpans].map((i) => model.tree.preorderIndex[i]!);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(model.errorSpans).toHaveLength(4);
    expect(model.missingParentIds.size).toBe(5);
    for (const [span, parentId] of model.missingParentIds) expect(model.spanIds[span]).not.toBe(parentId);
  });

  it("finds spans by id", () => {
    const model = buildTraceModel(loadFixture("checkout"));
    for (let i = 0; i < model.size; i++) expect(model.indexBySpanId.get(model.spanIds[i]!)).toBe(i);
  });

  it("builds an empty model from an empty payload", () => {
    const model = buildTraceModel(tinyTrace([]));
    expect(model.size).toBe(0);
    expect(model.durationTotalNs).toBe(0);
    expect(model.criticalPath.segments).toEqual([]);
  });
});
