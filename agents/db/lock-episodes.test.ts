import { describe, expect, it } from "vitest";
import { LockEpisodes } from "./lock-episodes";
import type { LockWaitSample } from "./sample-locks";

const TRACE = "5bd66ef5095369c7b0d1f8f4bd33716a";

function sample(overrides: Partial<LockWaitSample> = {}): LockWaitSample {
  return {
    waiter: {
      pid: 101,
      query: `UPDATE payments SET card_number = '4111111111111111' WHERE id = 7 /*traceparent='00-${TRACE}-c532cb4098ac3dd2-01'*/`,
      state: "active",
      user: "shop",
      applicationName: "checkout",
      xactStart: "2026-11-25T18:00:00.000000Z",
    },
    waitStart: "2026-11-25T18:00:01.000000Z",
    waitedMs: 1_000,
    lock: { type: "transactionid", mode: "ShareLock", object: "transaction 745", relation: "public.payments" },
    blockers: [
      { pid: 202, query: "UPDATE payments SET status = 'paid' WHERE id = 7", state: "idle in transaction", user: "shop", applicationName: "worker", xactStart: null, heldModes: ["ExclusiveLock"], waiting: false },
    ],
    ...overrides,
  };
}

describe("LockEpisodes", () => {
  const options = { database: "shop", queryText: "full" as const, statementMaxLength: 2_048, updateEveryMs: 5_000 };

  it("reports a new wait at once, updates it at most every updateEveryMs, and ends it when it is gone", () => {
    const episodes = new LockEpisodes(options);
    const [first] = episodes.observe([sample()], 0);
    expect(first).toMatchObject({
      id: "shop:wait:101:2026-11-25T18:00:01.000000Z",
      kind: "wait",
      time: "2026-11-25T18:00:01.000000Z",
      durationMs: 1_000,
      ended: false,
      waiter: { pid: 101, traceId: TRACE, spanId: "c532cb4098ac3dd2" },
      blockers: [{ pid: 202, heldModes: ["ExclusiveLock"], traceId: null }],
    });
    expect(episodes.observe([sample({ waitedMs: 2_000 })], 1_000)).toEqual([]);
    const [update] = episodes.observe([sample({ waitedMs: 6_000 })], 5_000);
    expect(update).toMatchObject({ id: first!.id, durationMs: 6_000, ended: false });
    const [ended] = episodes.observe([], 6_000);
    expect(ended).toMatchObject({ id: first!.id, durationMs: 6_000, ended: true });
    expect(episodes.openCount).toBe(0);
  });

  it("sends an update as soon as another blocker shows up, and keeps every blocker of the episode", () => {
    const episodes = new LockEpisodes(options);
    episodes.observe([sample()], 0);
    const other = { pid: 303, query: "LOCK payments", state: "active", user: "ops", applicationName: "psql", xactStart: null, heldModes: [], waiting: true };
    const [update] = episodes.observe([sample({ waitedMs: 1_500, blockers: [other] })], 500);
    expect(update!.blockers.map((b) => b.pid)).toEqual([202, 303]);
  });

  it("treats a new wait of the same process as a new episode", () => {
    const episodes = new LockEpisodes(options);
    episodes.observe([sample()], 0);
    const events = episodes.observe([sample({ waitStart: "2026-11-25T18:00:09.000000Z", waitedMs: 10 })], 9_000);
    expect(events.map((e) => [e.id, e.ended])).toEqual([
      ["shop:wait:101:2026-11-25T18:00:09.000000Z", false],
      ["shop:wait:101:2026-11-25T18:00:01.000000Z", true],
    ]);
  });

  it("redacts literals when asked, but still finds the trace", () => {
    const episodes = new LockEpisodes({ ...options, queryText: "redacted" });
    const [event] = episodes.observe([sample()], 0);
    expect(event!.waiter.query).toBe("UPDATE payments SET card_number = ? WHERE id = ?  ");
    expect(event!.waiter.traceId).toBe(TRACE);
    expect(JSON.stringify(event)).not.toContain("4111");
    const none = new LockEpisodes({ ...options, queryText: "none" }).observe([sample()], 0);
    expect(none[0]!.waiter.query).toBeNull();
  });
});
