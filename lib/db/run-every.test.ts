import { afterEach, describe, expect, it, vi } from "vitest";
import { runEvery } from "./run-every";

afterEach(() => vi.useRealTimers());

describe("runEvery", () => {
  it("ticks after each tick ends, logs a failure once until a tick works again, and stop() waits for the tick in progress", async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const outcomes = [true, false, false, true, true];
    let ticks = 0;
    let stoppedAfter = false;
    const loop = runEvery(
      "thing",
      1_000,
      (line) => log.push(line),
      () => ((outcomes[ticks++] ?? true) ? Promise.resolve() : Promise.reject(new Error("database restarting"))),
      () => {
        stoppedAfter = true;
        return Promise.resolve();
      },
    );
    for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(1_000);
    expect(ticks).toBe(5);
    expect(log).toEqual(["thing failed (retrying every second): database restarting", "thing works again"]);
    await loop.stop();
    expect(stoppedAfter).toBe(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ticks).toBe(5);
  });
});
