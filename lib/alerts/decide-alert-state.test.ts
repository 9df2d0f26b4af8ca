import { describe, expect, it } from "vitest";
import { decideAlertState, type RuleState } from "./decide-alert-state";

const ok: RuleState = { state: "ok", pendingSinceMs: null, firingSinceMs: null };
const above5 = { op: "above", threshold: 5 } as const;
const step = (current: RuleState, value: number | null, nowMs: number, forSeconds = 60, failed = false) =>
  decideAlertState(current, { value, failed, condition: above5, forSeconds, nowMs });

describe("decideAlertState", () => {
  it("goes pending, fires once the condition held forSeconds, resolves when it stops", () => {
    const pending = step(ok, 9, 1_000);
    expect(pending).toMatchObject({ state: "pending", pendingSinceMs: 1_000, event: "pending" });
    expect(step(pending, 9, 60_999)).toMatchObject({ state: "pending", event: null });
    const firing = step(pending, 9, 61_000);
    expect(firing).toMatchObject({ state: "firing", pendingSinceMs: 1_000, firingSinceMs: 61_000, event: "firing" });
    expect(step(firing, 50, 70_000)).toMatchObject({ state: "firing", event: null });
    expect(step(firing, 5, 80_000)).toMatchObject({ state: "ok", event: "resolved", resolvesFiring: true });
  });

  it("fires at once with forSeconds 0, and a pending that stops holding resolves without notifying", () => {
    expect(step(ok, 6, 0, 0)).toMatchObject({ state: "firing", event: "firing" });
    expect(step(step(ok, 6, 0), 1, 10_000)).toMatchObject({ state: "ok", event: "resolved", resolvesFiring: false });
  });

  it("no data: a firing rule stays firing; otherwise no-data once, and the pending clock restarts", () => {
    const firing = step(step(ok, 9, 0), 9, 60_000);
    expect(step(firing, null, 70_000)).toMatchObject({ state: "firing", event: null });
    const noData = step(step(ok, 9, 0), null, 10_000);
    expect(noData).toMatchObject({ state: "no-data", event: "no-data", pendingSinceMs: null });
    expect(step(noData, null, 20_000)).toMatchObject({ state: "no-data", event: null });
    expect(step(ok, null, 0, 60, true)).toMatchObject({ state: "no-data", event: "error" });
    expect(step(noData, 9, 30_000)).toMatchObject({ state: "pending", pendingSinceMs: 30_000 });
    expect(step(noData, 1, 30_000)).toMatchObject({ state: "ok", event: null });
  });

  it("below: fires under the threshold", () => {
    expect(decideAlertState(ok, { value: 1, failed: false, condition: { op: "below", threshold: 2 }, forSeconds: 0, nowMs: 0 }).state).toBe("firing");
  });
});
