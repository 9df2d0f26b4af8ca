import { setMaxListeners } from "node:events";
import { setTimeout as sleepFor } from "node:timers/promises";

// Everything that runs in the background (requests in flight, callbacks, loops) is tracked
// here, so stop() can stop new work, let in-flight work finish for a moment, then cut the
// remaining sleeps short and know that nothing is left running against closed pools.

export class StoppedError extends Error {
  override name = "StoppedError";
  constructor() {
    super("the demo shop is stopping");
  }
}

export class Lifecycle {
  /** aborted when stop begins: ends the loops' idle waits at once */
  private readonly draining = new AbortController();
  /** aborted when the grace period is over: ends every remaining sleep */
  private readonly controller = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor() {
    // Every pending sleep listens on these signals; a burst of requests has hundreds at once.
    setMaxListeners(0, this.draining.signal, this.controller.signal);
  }

  /** True once stop has begun: loops must not start new work. */
  get stopping(): boolean {
    return this.draining.signal.aborted;
  }

  /** Resolves after `ms`; rejects with StoppedError when the grace period of a stop is over. */
  async sleep(ms: number): Promise<void> {
    try {
      await sleepFor(ms, undefined, { signal: this.controller.signal });
    } catch {
      throw new StoppedError();
    }
  }

  /** A loop's wait between rounds: rejects with StoppedError as soon as a stop begins. */
  async idle(ms: number): Promise<void> {
    try {
      await sleepFor(ms, undefined, { signal: this.draining.signal });
    } catch {
      throw new StoppedError();
    }
  }

  /** Resolves when `until` resolves or the shop stops, whichever is first. */
  async waitFor(until: Promise<unknown>): Promise<void> {
    const signal = this.controller.signal;
    if (signal.aborted) return;
    let onAbort = () => {};
    const stopped = new Promise<void>((resolve) => {
      onAbort = resolve;
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      await Promise.race([until, stopped]);
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }

  /** Runs `work` in the background; its failure is handed to `onError` (never unhandled). */
  spawn(work: () => Promise<unknown>, onError: (error: unknown) => void): void {
    const promise = work().catch((error: unknown) => {
      if (!(error instanceof StoppedError)) onError(error);
    });
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  /** Stops: no new work, `graceMs` for in-flight work, then every pending sleep is cut short. */
  async stop(graceMs: number): Promise<void> {
    this.draining.abort();
    const settled = Promise.allSettled([...this.inFlight]);
    await Promise.race([settled, sleepFor(graceMs)]);
    this.controller.abort();
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }
}
