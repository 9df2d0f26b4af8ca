import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { Admission } from "./admission";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("Admission", () => {
  it("runs at most maxActive at once and queues the rest in order", async () => {
    const gate = new Admission({ maxActive: 2, maxQueued: 5, maxWaitMs: 1_000, retryAfterSeconds: 1 });
    const blockers = [deferred(), deferred(), deferred()];
    const order: number[] = [];
    const runs = blockers.map((b, i) => gate.run(async () => { order.push(i); await b.promise; }));
    await Promise.resolve();
    expect(gate.load).toEqual({ active: 2, queued: 1 });
    blockers[0]!.resolve();
    await runs[0];
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual([0, 1, 2]);
    blockers[1]!.resolve();
    blockers[2]!.resolve();
    await Promise.all(runs);
    expect(gate.load).toEqual({ active: 0, queued: 0 });
  });

  it("refuses with 503 and Retry-After when the queue is full or the wait too long", async () => {
    const gate = new Admission({ maxActive: 1, maxQueued: 1, maxWaitMs: 50, retryAfterSeconds: 3 });
    const hold = deferred();
    const first = gate.run(() => hold.promise);
    expect(() => gate.refuseIfFull()).not.toThrow(); // one may still queue
    const waiting = gate.run(async () => {});
    // Full: a request is refused before it reads its body, and run() refuses it too.
    expect(() => gate.refuseIfFull()).toThrow(ApiError);
    const refused = await gate.run(async () => {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(503);
    expect((refused as ApiError).retryAfterSeconds).toBe(3);
    const timedOut = await waiting.catch((e: unknown) => e);
    expect((timedOut as ApiError).status).toBe(503);
    hold.resolve();
    await first;
    expect(gate.load).toEqual({ active: 0, queued: 0 });
  });
});
