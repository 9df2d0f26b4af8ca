import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker";

describe("CircuitBreaker", () => {
  it("opens after the threshold of consecutive failures and fails fast while open", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 1000 });
    breaker.onFailure(0);
    breaker.onFailure(1);
    expect(breaker.tryAcquire(2)).toBe(true);
    breaker.onFailure(2);
    expect(breaker.state(3)).toBe("open");
    expect(breaker.tryAcquire(500)).toBe(false);
  });

  it("a success resets the failure count", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 1000 });
    breaker.onFailure(0);
    breaker.onSuccess();
    breaker.onFailure(1);
    expect(breaker.state(2)).toBe("closed");
  });

  it("lets one trial through when half-open; its outcome closes or reopens", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 1000 });
    breaker.onFailure(0);
    expect(breaker.state(1000)).toBe("half_open");
    expect(breaker.tryAcquire(1000)).toBe(true);
    expect(breaker.tryAcquire(1001)).toBe(false);
    breaker.onFailure(1100);
    expect(breaker.state(1200)).toBe("open");
    expect(breaker.tryAcquire(2100)).toBe(true);
    breaker.onSuccess();
    expect(breaker.state(2101)).toBe("closed");
    expect(breaker.tryAcquire(2102)).toBe(true);
  });
});
