// Retry pacing for a dependency that is down (the monitored database, Sightline): exponential
// from `baseMs` up to `maxMs`, with jitter so several agents do not knock in step when the
// dependency comes back. The floor is half the ceiling, so a retry is never immediate.

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
}

export function backoffDelayMs(failures: number, { baseMs = 1_000, maxMs = 60_000, random = Math.random }: BackoffOptions = {}): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Counts consecutive failures of one dependency and says when it may be tried again. */
export class Backoff {
  private failures = 0;
  private nextAttemptAt = 0;
  lastError: string | undefined;

  constructor(private readonly options: BackoffOptions = {}) {}

  /** True when no failure is pending or its delay has passed. */
  ready(now = Date.now()): boolean {
    return now >= this.nextAttemptAt;
  }

  /** Records a failure; returns the delay until the next attempt. */
  fail(error: unknown, now = Date.now()): number {
    this.failures++;
    this.lastError = error instanceof Error ? error.message : String(error);
    const delay = backoffDelayMs(this.failures, this.options);
    this.nextAttemptAt = now + delay;
    return delay;
  }

  /** A delay the other side asked for (Retry-After), honoured as the next attempt time. */
  failWithDelay(error: unknown, delayMs: number, now = Date.now()): number {
    this.fail(error, now);
    this.nextAttemptAt = Math.max(this.nextAttemptAt, now + delayMs);
    return this.nextAttemptAt - now;
  }

  succeed() {
    this.failures = 0;
    this.nextAttemptAt = 0;
    this.lastError = undefined;
  }

  /** Milliseconds until the next attempt may be made (0 when ready). */
  waitMs(now = Date.now()): number {
    return Math.max(0, this.nextAttemptAt - now);
  }

  get consecutiveFailures() {
    return this.failures;
  }
}
