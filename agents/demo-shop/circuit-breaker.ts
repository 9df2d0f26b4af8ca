// A consecutive-failure circuit breaker around one dependency (payment → payment-provider).
// Closed: calls pass; `failureThreshold` failures in a row open it. Open: calls fail fast until
// `openMs` has passed, then one trial call is let through (half-open): success closes the
// breaker, failure opens it again. Time is passed in so the state machine is testable.

export type BreakerState = "closed" | "open" | "half_open";

/** The numbers the state gauge reports (0 closed, 1 half-open, 2 open), as most dashboards expect. */
export const BREAKER_STATE_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private current: BreakerState = "closed";

  constructor(private readonly options: { failureThreshold: number; openMs: number }) {}

  state(nowMs: number): BreakerState {
    if (this.current === "open" && nowMs - this.openedAt >= this.options.openMs) this.current = "half_open";
    return this.current;
  }

  /** Whether a call may go out now; in half-open only one trial call at a time. */
  tryAcquire(nowMs: number): boolean {
    const state = this.state(nowMs);
    if (state === "closed") return true;
    if (state === "open" || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  onSuccess(): void {
    this.failures = 0;
    this.trialInFlight = false;
    this.current = "closed";
  }

  onFailure(nowMs: number): void {
    this.trialInFlight = false;
    this.failures += 1;
    if (this.current === "half_open" || this.failures >= this.options.failureThreshold) {
      this.current = "open";
      this.openedAt = nowMs;
    }
  }
}
