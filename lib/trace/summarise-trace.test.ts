import { describe, expect, it } from "vitest";
import { buildTraceModel } from "./build-trace-model";
import { loadFixture } from "./fixtures/load-fixture";
import { summariseTrace } from "./summarise-trace";

describe("summariseTrace on the recorded checkout", () => {
  const model = buildTraceModel(loadFixture("checkout"));
  const summary = summariseTrace(model);

  it("counts spans and errors per service", () => {
    const byName = Object.fromEntries(summary.services.map((s) => [s.name, s]));
    expect(summary.spanCount).toBe(14);
    expect(summary.serviceCount).toBe(5);
    expect(byName.payment).toMatchObject({ spanCount: 3, errorCount: 3 });
    expect(byName.frontend).toMatchObject({ spanCount: 2, errorCount: 1 });
    expect(byName.checkout).toMatchObject({ spanCount: 6, errorCount: 0 });
    expect(summary.errorCount).toBe(4);
  });

  it("orders services by self time, with shares summing to 1", () => {
    const selfTimes = summary.services.map((s) => s.selfTimeNs);
    expect(selfTimes).toEqual([...selfTimes].sort((a, b) => b - a));
    expect(summary.services.reduce((sum, s) => sum + s.selfTimeShare, 0)).toBeCloseTo(1, 9);
    const total = Array.from(model.selfTimeNs).reduce((a, b) => a + b, 0);
    expect(summary.services.reduce((sum, s) => sum + s.selfTimeNs, 0)).toBeCloseTo(total, 3);
    // frontend → frontend client → checkout → reserve call → inventory → UPDATE stock.
    expect(summary.maxDepth).toBe(5);
    expect(summary.durationNs).toBe(model.durationTotalNs);
  });
});
