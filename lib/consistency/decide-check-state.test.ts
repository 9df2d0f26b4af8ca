import { describe, expect, it } from "vitest";
import { decideCountCheck, decideFollowsCheck, INGEST_GRACE_MS, type CheckFacts, type StepFacts } from "./decide-check-state";

const deadline = 30_000;
const waiting: CheckFacts = { state: "waiting", deadlineAtMs: deadline, detectedAtMs: null, resolvedAtMs: null };
const step = (foundAtMs: number[], patch: Partial<StepFacts> = {}): StepFacts => ({ stepIndex: 0, expected: true, exactlyOne: false, foundAtMs, ...patch });

describe("decideFollowsCheck", () => {
  it("waits until the deadline and its grace, then the absent step is missing", () => {
    expect(decideFollowsCheck(waiting, [step([])], deadline + INGEST_GRACE_MS).state).toBe("waiting");
    expect(decideFollowsCheck(waiting, [step([])], deadline + INGEST_GRACE_MS + 1)).toMatchObject({ state: "missing", violatedStep: 0, detectedAtMs: deadline + INGEST_GRACE_MS + 1 });
  });

  it("is met by a step in time, even one that arrived after the check was reported missing", () => {
    expect(decideFollowsCheck(waiting, [step([29_000])], 10_000)).toMatchObject({ state: "met", detectedAtMs: null, resolvedAtMs: null });
    expect(decideFollowsCheck({ ...waiting, state: "missing", detectedAtMs: 40_000 }, [step([29_000])], 50_000)).toMatchObject({ state: "met", resolvedAtMs: 50_000 });
  });

  it("resolves a missing step that came after the deadline as late, by how much", () => {
    const missing = { ...waiting, state: "missing" as const, detectedAtMs: 36_000 };
    expect(decideFollowsCheck(missing, [step([45_000])], 46_000)).toEqual({ state: "late", detectedAtMs: 36_000, resolvedAtMs: 46_000, lateMs: 15_000, violatedStep: 0 });
  });

  it("flags a second change of an exactly-one step, and ignores steps the trigger did not call for", () => {
    expect(decideFollowsCheck(waiting, [step([1_000, 2_000], { exactlyOne: true })], 3_000)).toMatchObject({ state: "duplicate", violatedStep: 0 });
    expect(decideFollowsCheck(waiting, [step([1_000, 2_000])], 3_000).state).toBe("met");
    expect(decideFollowsCheck(waiting, [step([1_000]), step([], { stepIndex: 1, expected: false })], 99_000).state).toBe("met");
  });

  it("takes the worst step: missing over late over met", () => {
    const decision = decideFollowsCheck(waiting, [step([40_000]), step([], { stepIndex: 1 }), step([1_000], { stepIndex: 2 })], 99_000);
    expect(decision).toMatchObject({ state: "missing", violatedStep: 1, lateMs: null });
  });
});

describe("decideCountCheck", () => {
  const within = 60_000;
  const open: CheckFacts = { state: "waiting", deadlineAtMs: within, detectedAtMs: null, resolvedAtMs: null };
  it("counts the changes in the window from the first one", () => {
    expect(decideCountCheck(open, [0], 1, within, 1_000)).toMatchObject({ state: "waiting", startedAtMs: 0, deadlineAtMs: within });
    expect(decideCountCheck(open, [0, 5_000], 1, within, 6_000)).toMatchObject({ state: "duplicate", violatedStep: 0, detectedAtMs: 6_000 });
    expect(decideCountCheck(open, [5_000, 0], 2, within, 6_000).state).toBe("waiting");
  });

  it("opens a new window after the last one closed, and a closed window under its count is met", () => {
    expect(decideCountCheck(open, [0, 70_000], 1, within, 71_000)).toMatchObject({ state: "waiting", startedAtMs: 70_000, deadlineAtMs: 130_000 });
    expect(decideCountCheck(open, [0], 1, within, 61_000).state).toBe("met");
  });

  it("never undoes a duplicate", () => {
    expect(decideCountCheck({ ...open, state: "duplicate", detectedAtMs: 5 }, [0, 1], 1, within, 999_000)).toMatchObject({ state: "duplicate", detectedAtMs: 5 });
  });
});
