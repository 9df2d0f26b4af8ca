import { describe, expect, it } from "vitest";
import { buildTimeoutSeries, endpointRequests } from "./build-timeout-series";

const DAY = 86_400_000;
const row = (shiftMs: number, timeMs: number, requests: number, timedOut: number, operation = "POST /checkout") => ({ shiftMs, timeMs, service: "gateway", operation, requests, timedOut });

describe("buildTimeoutSeries", () => {
  it("fills every bucket and puts the baselines beside the window's own counts", () => {
    const rows = [row(0, 60_000, 10, 2), row(0, 60_000, 5, 1, "GET /orders"), row(DAY, 60_000, 9, 1), row(7 * DAY, 120_000, 8, 3), row(0, 999_999_000, 1, 1)];
    expect(buildTimeoutSeries(rows, { fromMs: 0, toMs: 180_000 }, 60_000)).toEqual([
      { timeMs: 0, requests: 0, timedOut: 0, dayBeforeTimedOut: 0, weekBeforeTimedOut: 0 },
      { timeMs: 60_000, requests: 15, timedOut: 3, dayBeforeTimedOut: 1, weekBeforeTimedOut: 0 },
      { timeMs: 120_000, requests: 0, timedOut: 0, dayBeforeTimedOut: 0, weekBeforeTimedOut: 3 },
    ]);
    expect(endpointRequests(rows, { service: "gateway", operation: "POST /checkout" })).toBe(11);
  });
});
