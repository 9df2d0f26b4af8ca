import { describe, expect, it } from "vitest";
import { evenSample, splitSlowRequests, type RequestSample } from "./split-slow-requests";

const request = (i: number, durationMs: number, startMs = i * 1000): RequestSample => ({ traceId: `t${i}`, spanId: `s${i}`, durationMs, startMs });

describe("splitSlowRequests", () => {
  it("takes 1.5 × the 90th percentile of the hour before as the threshold; the baseline is everything under it", () => {
    const before = Array.from({ length: 50 }, (_, i) => request(i, i < 45 ? 5 : 9));
    const window = [request(100, 150), request(101, 400), request(102, 4)];
    const split = splitSlowRequests(window, before, { maxEach: 100 });
    expect(split.thresholdMs).toBe(13.5);
    expect(split.slow.map((r) => r.traceId)).toEqual(["t100", "t101"]);
    expect(split.slowCount).toBe(2);
    expect(split.baselineCount).toBe(51);
    expect(split.source).toBe("both");
  });

  it("with too little before, splits the window at its median and compares with its fast half", () => {
    const window = [request(1, 10), request(2, 20), request(3, 300), request(4, 400)];
    const split = splitSlowRequests(window, [request(0, 1)], { maxEach: 100 });
    expect(split.thresholdMs).toBe(300);
    expect(split.slow.map((r) => r.traceId)).toEqual(["t3", "t4"]);
    expect(split.baseline.map((r) => r.traceId)).toEqual(["t0", "t1", "t2"]);
  });

  it("a given threshold wins; nothing under it anywhere is a baseline of none", () => {
    const split = splitSlowRequests([request(1, 200), request(2, 300)], [], { thresholdMs: 100, maxEach: 10 });
    expect(split).toMatchObject({ thresholdMs: 100, slowCount: 2, baselineCount: 0, source: "none" });
  });

  it("samples evenly over time, not the first n", () => {
    const items = Array.from({ length: 100 }, (_, i) => request(i, 1));
    expect(evenSample(items, 4).map((r) => r.traceId)).toEqual(["t0", "t25", "t50", "t75"]);
    expect(evenSample(items.slice(0, 3), 4)).toHaveLength(3);
  });
});
