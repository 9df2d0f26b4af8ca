import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";

describe("RateLimiter", () => {
  it("allows a burst, then rejects until tokens refill", () => {
    const limiter = new RateLimiter({ ratePerSecond: 2, burst: 3 });
    expect([0, 0, 0, 0].map(() => limiter.tryTake("u", 0))).toEqual([true, true, true, false]);
    expect(limiter.tryTake("u", 250)).toBe(false);
    expect(limiter.tryTake("u", 500)).toBe(true);
    expect(limiter.tryTake("u", 500)).toBe(false);
  });

  it("keeps callers apart", () => {
    const limiter = new RateLimiter({ ratePerSecond: 1, burst: 1 });
    expect(limiter.tryTake("a", 0)).toBe(true);
    expect(limiter.tryTake("b", 0)).toBe(true);
    expect(limiter.tryTake("a", 0)).toBe(false);
  });

  it("forgets the least recently seen callers beyond maxKeys", () => {
    const limiter = new RateLimiter({ ratePerSecond: 1, burst: 1, maxKeys: 2 });
    limiter.tryTake("a", 0);
    limiter.tryTake("b", 0);
    limiter.tryTake("c", 0); // evicts a: it starts again with a full bucket
    expect(limiter.tryTake("a", 0)).toBe(true);
    expect(limiter.tryTake("c", 0)).toBe(false);
  });
});
