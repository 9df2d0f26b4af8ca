import { describe, expect, it } from "vitest";
import { Backoff, backoffDelayMs } from "./backoff";

describe("backoffDelayMs", () => {
  it("doubles up to the ceiling, between half and all of it", () => {
    const low = (n: number) => backoffDelayMs(n, { random: () => 0 });
    const high = (n: number) => backoffDelayMs(n, { random: () => 1 });
    expect([0, 1, 2, 3, 4].map(high)).toEqual([0, 1_000, 2_000, 4_000, 8_000]);
    expect([1, 2, 3].map(low)).toEqual([500, 1_000, 2_000]);
    expect(high(50)).toBe(60_000);
    expect(low(50)).toBe(30_000);
  });
});

describe("Backoff", () => {
  it("waits after failures, honours Retry-After and resets on success", () => {
    const backoff = new Backoff({ random: () => 1 });
    expect(backoff.ready(0)).toBe(true);
    expect(backoff.fail(new Error("down"), 0)).toBe(1_000);
    expect(backoff.ready(999)).toBe(false);
    expect(backoff.ready(1_000)).toBe(true);
    expect(backoff.fail(new Error("still down"), 1_000)).toBe(2_000);
    expect(backoff.lastError).toBe("still down");
    expect(backoff.failWithDelay("busy", 10_000, 3_000)).toBe(10_000);
    expect(backoff.waitMs(4_000)).toBe(9_000);
    expect(backoff.consecutiveFailures).toBe(3);
    backoff.succeed();
    expect(backoff.ready(4_000)).toBe(true);
    expect(backoff.consecutiveFailures).toBe(0);
  });
});
