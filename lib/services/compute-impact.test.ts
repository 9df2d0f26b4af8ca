import { describe, expect, it } from "vitest";
import { computeImpact } from "./compute-impact";

describe("computeImpact", () => {
  it("shares the service's request time among operations, most costly first", () => {
    const result = computeImpact([
      { name: "GET /rare-slow", entry: true, durationSumNs: 10 * 1_500e6 },
      { name: "GET /constant-fast", entry: true, durationSumNs: 10_000 * 5e6 },
      { name: "SELECT orders", entry: false, durationSumNs: 10_000 * 2e6 },
    ]);
    expect(result.map((op) => [op.name, op.impact])).toEqual([
      ["GET /constant-fast", 50_000 / 65_000],
      ["SELECT orders", 20_000 / 65_000],
      ["GET /rare-slow", 15_000 / 65_000],
    ]);
  });

  it("divides by all operations when the service handles no requests (a batch job)", () => {
    const result = computeImpact([
      { name: "nightly export", entry: false, durationSumNs: 3e9 },
      { name: "upload", entry: false, durationSumNs: 1e9 },
    ]);
    expect(result.map((op) => op.impact)).toEqual([0.75, 0.25]);
  });

  it("gives zero, not NaN, when nothing took any time", () => {
    expect(computeImpact([{ entry: true, durationSumNs: 0 }])).toEqual([{ entry: true, durationSumNs: 0, impact: 0 }]);
    expect(computeImpact([])).toEqual([]);
  });
});
