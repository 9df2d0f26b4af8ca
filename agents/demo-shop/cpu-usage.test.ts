import { describe, expect, it } from "vitest";
import { cpuPercent } from "./cpu-usage";

describe("cpuPercent", () => {
  it("is user plus system time over wall time, in percent of one core", () => {
    expect(cpuPercent({ user: 1_000_000, system: 500_000 }, { user: 1_400_000, system: 700_000 }, 60_000)).toBeCloseTo(1, 9);
    expect(cpuPercent({ user: 0, system: 0 }, { user: 2_000_000, system: 0 }, 1000)).toBe(200);
  });

  it("is 0 for an empty interval", () => {
    expect(cpuPercent({ user: 0, system: 0 }, { user: 5, system: 5 }, 0)).toBe(0);
  });
});
