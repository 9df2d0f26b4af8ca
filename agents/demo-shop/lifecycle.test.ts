import { describe, expect, it } from "vitest";
import { Lifecycle, StoppedError } from "./lifecycle";

describe("Lifecycle", () => {
  it("ends idle loops at once and gives in-flight work its grace period", async () => {
    const lifecycle = new Lifecycle();
    const events: string[] = [];
    lifecycle.spawn(async () => {
      while (!lifecycle.stopping) await lifecycle.idle(60_000);
    }, () => events.push("loop failed"));
    lifecycle.spawn(async () => {
      await lifecycle.sleep(50);
      events.push("request done");
    }, () => events.push("request failed"));
    const started = Date.now();
    await lifecycle.stop(1000);
    expect(Date.now() - started).toBeLessThan(500);
    expect(events).toEqual(["request done"]);
  });

  it("cuts sleeps short after the grace period and reports other failures", async () => {
    const lifecycle = new Lifecycle();
    const errors: unknown[] = [];
    let cut: unknown;
    lifecycle.spawn(async () => {
      try {
        await lifecycle.sleep(60_000);
      } catch (error) {
        cut = error;
        throw error; // a StoppedError is expected at stop and not reported
      }
    }, (error) => errors.push(error));
    lifecycle.spawn(() => Promise.reject(new Error("boom")), (error) => errors.push(error));
    const started = Date.now();
    await lifecycle.stop(50);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(cut).toBeInstanceOf(StoppedError);
    expect(errors.map((e) => (e as Error).message)).toEqual(["boom"]);
    await expect(lifecycle.sleep(1)).rejects.toBeInstanceOf(StoppedError);
  });

  it("waitFor returns when its promise settles or the shop stops", async () => {
    const lifecycle = new Lifecycle();
    await lifecycle.waitFor(Promise.resolve());
    const never = new Promise(() => {});
    const waiting = lifecycle.waitFor(never);
    await lifecycle.stop(0);
    await expect(waiting).resolves.toBeUndefined();
  });
});
