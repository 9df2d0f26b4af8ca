import type { CheckState } from "./schemas";

// What a check's state is, given the changes found for it so far. Pure: the evaluator and the
// deadline timer load a check with its steps' changes and write back what this decides, so the
// outcome depends only on the stored facts, never on the order the changes arrived in.

/**
 * How long after a deadline a step may still be on its way before it counts as missing: the db
 * agent ships changes in batches, so a change committed in time can be ingested a little later.
 */
export const INGEST_GRACE_MS = 5_000;

export type StepState = "waiting" | "met" | "missing" | "late" | "duplicate" | "not-expected";

export interface StepFacts {
  stepIndex: number;
  expected: boolean;
  exactlyOne: boolean;
  /** commit times of the changes found for the step */
  foundAtMs: number[];
}

export interface CheckFacts {
  state: CheckState;
  deadlineAtMs: number;
  detectedAtMs: number | null;
  resolvedAtMs: number | null;
}

export interface CheckDecision {
  state: CheckState;
  detectedAtMs: number | null;
  resolvedAtMs: number | null;
  lateMs: number | null;
  violatedStep: number | null;
}

export function stepState(step: StepFacts, deadlineAtMs: number, deadlinePassed: boolean): StepState {
  if (!step.expected) return "not-expected";
  if (step.exactlyOne && step.foundAtMs.length >= 2) return "duplicate";
  if (step.foundAtMs.length === 0) return deadlinePassed ? "missing" : "waiting";
  return Math.min(...step.foundAtMs) <= deadlineAtMs ? "met" : "late";
}

// Worst first: an open violation outranks a step still waiting, which outranks a resolved one.
const RANK: Record<CheckState, number> = { duplicate: 0, missing: 1, waiting: 2, late: 3, met: 4 };

/** A follows check: the worst of its expected steps' states. */
export function decideFollowsCheck(check: CheckFacts, steps: StepFacts[], nowMs: number): CheckDecision {
  const deadlinePassed = check.state === "missing" || nowMs > check.deadlineAtMs + INGEST_GRACE_MS;
  let state: CheckState = "met";
  let violatedStep: number | null = null;
  let lateMs: number | null = null;
  for (const step of [...steps].sort((a, b) => a.stepIndex - b.stepIndex)) {
    const s = stepState(step, check.deadlineAtMs, deadlinePassed);
    if (s === "not-expected") continue;
    if (s === "late") lateMs = Math.max(lateMs ?? 0, Math.round(Math.min(...step.foundAtMs) - check.deadlineAtMs));
    if (RANK[s] < RANK[state]) {
      state = s;
      violatedStep = s === "met" || s === "waiting" ? null : step.stepIndex;
    }
  }
  return settle(check, state, violatedStep, state === "late" ? lateMs : null, nowMs);
}

export interface CountDecision extends CheckDecision {
  startedAtMs: number;
  deadlineAtMs: number;
}

/**
 * An at-most check: windows of `withinMs` from the first counted change, the next window opening
 * at the first change after the last one closed; over `max` changes in one window is a duplicate.
 * A duplicate stays open (it is never undone by later changes).
 */
export function decideCountCheck(check: CheckFacts, foundAtMs: number[], max: number, withinMs: number, nowMs: number): CountDecision {
  const times = [...foundAtMs].sort((a, b) => a - b);
  let start = times[0] ?? check.deadlineAtMs - withinMs;
  let index = 0;
  while (index < times.length) {
    const end = start + withinMs;
    let inWindow = 0;
    while (index < times.length && times[index]! <= end) {
      inWindow += 1;
      index += 1;
    }
    if (inWindow > max || check.state === "duplicate") {
      return { ...settle(check, "duplicate", 0, null, nowMs), startedAtMs: start, deadlineAtMs: end };
    }
    if (index < times.length) start = times[index]!;
  }
  const deadlineAtMs = start + withinMs;
  return { ...settle(check, nowMs > deadlineAtMs ? "met" : "waiting", null, null, nowMs), startedAtMs: start, deadlineAtMs };
}

function settle(check: CheckFacts, state: CheckState, violatedStep: number | null, lateMs: number | null, nowMs: number): CheckDecision {
  const violation = state === "missing" || state === "duplicate" || state === "late";
  return {
    state,
    detectedAtMs: violation ? (check.detectedAtMs ?? nowMs) : check.detectedAtMs,
    // late: resolved when the step arrived; met after a false alarm (the step committed in time
    // but arrived after the grace): resolved too, and no longer listed as a violation
    resolvedAtMs: state === "late" || (state === "met" && check.detectedAtMs !== null) ? (check.resolvedAtMs ?? nowMs) : null,
    lateMs,
    violatedStep,
  };
}
