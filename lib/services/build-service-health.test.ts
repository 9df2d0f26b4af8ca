import { describe, expect, it } from "vitest";
import { addToHistogram } from "@/lib/rollup/latency-buckets";
import { buildServiceHealth } from "./build-service-health";
import type { OperationRollup } from "./read-operation-rollups";

const rollup = (service: string, operation: string, kind: number, count: number, errors = 0, slotCounts: number[] = []): OperationRollup => {
  const histogram: number[] = [];
  for (let i = 0; i < count; i++) addToHistogram(histogram, 50e6);
  return { service, operation, kind, sums: { count, errors, timeouts: 0, durationSumNs: count * 50e6 }, slotCounts, histogram: Array.from(histogram, (c) => c ?? 0) };
};

const empty = { operations: [], seconds: 600 };

describe("buildServiceHealth", () => {
  it("counts a service's requests (SERVER/CONSUMER), a batch job's every span, and a peer's calls", () => {
    const rows = buildServiceHealth({
      current: {
        operations: [
          rollup("api", "GET /", 2, 100, 0, [50, 50]),
          rollup("api", "POST /charge", 3, 40, 0, [20, 20]),
          rollup("api", "SELECT", 3, 300, 0, [150, 150]),
          rollup("cron", "nightly", 1, 2, 0, [2, 0]),
        ],
        seconds: 600,
        slots: 2,
        slotSeconds: 300,
      },
      baselines: { day: empty, week: empty },
      calls: [
        { caller: "api", operation: "POST /charge", target: "acmepay", type: "peer" },
        // A peer name that is also a service is that service, not a second row.
        { caller: "api", operation: "SELECT", target: "cron", type: "peer" },
      ],
    });
    expect(rows.map((r) => [r.name, r.type, r.stats.count, r.sparkline])).toEqual([
      ["api", "service", 100, [50 / 300, 50 / 300]],
      ["acmepay", "peer", 40, [20 / 300, 20 / 300]],
      ["cron", "service", 2, [2 / 300, 0]],
    ]);
    expect(rows[0]!.stats.p95).toBeCloseTo(50, -1);
  });

  it("reads the last slot of a live window as a rate over the seconds it covers, not a whole slot", () => {
    const rows = buildServiceHealth({
      current: { operations: [rollup("api", "GET /", 2, 60, 0, [50, 10])], seconds: 360, slots: 2, slotSeconds: 300, lastSlotSeconds: 60 },
      baselines: { day: empty, week: empty },
      calls: [],
    });
    expect(rows[0]!.sparkline).toEqual([50 / 300, 10 / 60]);
  });

  it("judges each row against its own baseline", () => {
    const rows = buildServiceHealth({
      current: { operations: [rollup("api", "GET /", 2, 100, 30)], seconds: 600, slots: 0, slotSeconds: 60 },
      baselines: { day: { operations: [rollup("api", "GET /", 2, 100, 1)], seconds: 600 }, week: empty },
      calls: [],
    });
    expect(rows[0]).toMatchObject({ status: "bad", baselines: { day: { count: 100, errors: 1 }, week: null } });
  });
});
