import type { AlertCondition, AlertState } from "./schemas";

// The rule's state machine, pure (the clock and the value are passed in):
//
//   ok/no-data ──condition holds──► pending ──held forSeconds──► firing ──stops holding──► ok
//        (forSeconds 0: straight to firing)        └──stops holding──► ok ("resolved", no notification)
//
// No value (the source has no data, or failed): a firing rule stays firing — missing data
// proves neither that the problem is over nor that it goes on, and flapping resolved/firing
// around a scrape gap would page twice. A pending rule loses its pending clock (the condition
// is no longer known to hold) and, like an ok one, goes to `no-data`, said once by a `no-data`
// (or, when the source failed, `error`) event. Data coming back decides afresh.
// Every change of state writes one event; pending → firing and ok → firing write only `firing`.

export type AlertEventKind = "pending" | "firing" | "resolved" | "no-data" | "error";

export interface RuleState {
  state: AlertState;
  pendingSinceMs: number | null;
  firingSinceMs: number | null;
}

export interface Decision extends RuleState {
  /** Set when the state changed (the new state's start). */
  changedAtMs: number | null;
  event: AlertEventKind | null;
  /** The event resolves a firing (notify and note the incident), not just a pending. */
  resolvesFiring: boolean;
}

export function holds(condition: AlertCondition, value: number): boolean {
  return condition.op === "above" ? value > condition.threshold : value < condition.threshold;
}

export function decideAlertState(current: RuleState, input: { value: number | null; failed: boolean; condition: AlertCondition; forSeconds: number; nowMs: number }): Decision {
  const { value, nowMs } = input;
  const same: Decision = { ...current, changedAtMs: null, event: null, resolvesFiring: false };
  if (value === null) {
    if (current.state === "firing" || current.state === "no-data") return same;
    return { state: "no-data", pendingSinceMs: null, firingSinceMs: null, changedAtMs: nowMs, event: input.failed ? "error" : "no-data", resolvesFiring: false };
  }
  if (holds(input.condition, value)) {
    if (current.state === "firing") return same;
    const pendingSinceMs = current.state === "pending" && current.pendingSinceMs !== null ? current.pendingSinceMs : nowMs;
    if (nowMs - pendingSinceMs >= input.forSeconds * 1_000) {
      return { state: "firing", pendingSinceMs, firingSinceMs: nowMs, changedAtMs: nowMs, event: "firing", resolvesFiring: false };
    }
    if (current.state === "pending") return same;
    return { state: "pending", pendingSinceMs, firingSinceMs: null, changedAtMs: nowMs, event: "pending", resolvesFiring: false };
  }
  if (current.state === "ok") return same;
  const event = current.state === "firing" || current.state === "pending" ? "resolved" : null;
  return { state: "ok", pendingSinceMs: null, firingSinceMs: null, changedAtMs: nowMs, event, resolvesFiring: current.state === "firing" };
}
