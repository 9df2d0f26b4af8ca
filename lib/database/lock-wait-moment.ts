import type { UrlParamRule, UrlProblem } from "@/lib/client/describe-url-problems";
import { parseTimeParam } from "@/lib/schemas/params";

// The Database page's `at`: the moment whose blocking tree the lock waits card shows, as Unix
// milliseconds or ISO-8601. A value that is not a time, or a time outside the window (whose
// tree would be empty for no visible reason), is not used: the card shows the newest wait's
// moment instead, and says so (the URL rule below) rather than replacing it silently.

type Window = { from: number; to: number };

/** The moment to show: `at` when it is a time inside the window, else the newest wait's start (null without waits). */
export function readLockWaitMoment(at: string | null, window: Window, newestWaitMs: number | null): number | null {
  const ms = at === null ? null : parseTimeParam(at);
  return ms !== null && ms >= window.from && ms <= window.to ? ms : newestWaitMs;
}

export function lockWaitUrlRules(window: Window, newestWaitMs: number | null): Record<string, UrlParamRule> {
  const instead: UrlProblem["instead"] = newestWaitMs === null ? { kind: "ignored" } : { kind: "value", value: new Date(newestWaitMs).toISOString() };
  return {
    at: (value) => {
      const ms = parseTimeParam(value);
      if (ms === null) return { reason: "unreadable", instead };
      return ms < window.from || ms > window.to ? { reason: "outsideWindow", instead } : null;
    },
  };
}
