import { createParser } from "nuqs/server";
import type { UrlParamRule } from "@/lib/client/describe-url-problems";
import { VIOLATION_STATES } from "./schemas";

// The /consistency page's URL contract beside the global window: `rule` (a rule id) and `state`
// (open, resolved, or one violation state). The API filters by open/resolved; the three states
// narrow further in the browser, so `apiStateOf` says which list to ask for.

export const VIOLATION_FILTER_STATES = ["open", "resolved", ...VIOLATION_STATES] as const;
export type ViolationFilterState = (typeof VIOLATION_FILTER_STATES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readRuleId(value: string): string | null {
  const text = value.trim();
  return UUID.test(text) ? text.toLowerCase() : null;
}

export function readViolationState(value: string): ViolationFilterState | null {
  const text = value.trim().toLowerCase();
  return VIOLATION_FILTER_STATES.find((state) => state === text) ?? null;
}

export const violationFilterParsers = {
  rule: createParser<string>({ parse: readRuleId, serialize: (value) => value }),
  state: createParser<ViolationFilterState>({ parse: readViolationState, serialize: (value) => value }),
};

/** A missing or duplicate violation is open until resolved; a late one is resolved by definition. */
export function apiStateOf(state: ViolationFilterState | null): "open" | "resolved" | "all" {
  if (state === null) return "all";
  if (state === "open" || state === "missing" || state === "duplicate") return "open";
  return "resolved";
}

const ignored = { kind: "ignored" } as const;

export const violationFilterUrlRules: Record<string, UrlParamRule> = {
  rule: (value) => (readRuleId(value) === null ? { reason: "unreadable", instead: ignored } : null),
  state: (value) => (readViolationState(value) === null ? { reason: "notAChoice", choices: VIOLATION_FILTER_STATES.join(", "), instead: ignored } : null),
};
