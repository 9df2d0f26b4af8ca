import type { UrlParamRule } from "./describe-url-problems";
import { parseRelative } from "./time-range";
import { readUnixMillis } from "./time-range-params";

// What is wrong with the time range an address names. The provider replaces a window it cannot
// use (see resolveTimeRange) with the last hour, or with `rel` when that is readable; these
// rules say why, so the page can tell the reader instead of doing it silently.

const shownWindow = { kind: "window" } as const;

function endRule(other: "from" | "to"): UrlParamRule {
  return (value, query) => {
    const ms = readUnixMillis(value);
    if (ms === null) return { reason: "unreadable", instead: shownWindow };
    const otherValue = query.get(other);
    if (otherValue === null) return { reason: "incomplete", instead: shownWindow };
    const otherMs = readUnixMillis(otherValue);
    // The window is reported once, on `from`, when both ends are readable but out of order.
    if (other === "to" && otherMs !== null && ms >= otherMs) return { reason: "reversed", instead: shownWindow };
    return null;
  };
}

export const timeRangeUrlRules: Record<"from" | "to" | "rel", UrlParamRule> = {
  from: endRule("to"),
  to: endRule("from"),
  rel: (value) => {
    if (parseRelative(value)) return null;
    // "9999d" is well formed but longer than any window the picker offers.
    return { reason: /^\s*[1-9]\d*[smhdw]\s*$/.test(value) ? "tooLong" : "unreadable", instead: shownWindow };
  },
};
