import type { Mttr } from "./schemas";

// Time to detect, acknowledge and resolve, and MTTR: pure arithmetic over an incident's
// instants (Unix ms). An incident starts when its window starts (when the problem began, as the
// view it was opened from showed it), is detected when it was opened, acknowledged when someone
// took it (an owner set, or the status moved past investigating) and resolved when its status
// became resolved. Clocks are the caller's: nothing here reads the time.

export interface IncidentInstants {
  startedAtMs: number;
  detectedAtMs: number;
  acknowledgedAtMs: number | null;
  resolvedAtMs: number | null;
}

export interface IncidentTimes {
  toDetectMs: number;
  toAcknowledgeMs: number | null;
  toResolveMs: number | null;
}

/** A window drawn to start after it was opened (a later view) detects at once: never negative. */
export function incidentTimes(i: IncidentInstants): IncidentTimes {
  return {
    toDetectMs: Math.max(0, i.detectedAtMs - i.startedAtMs),
    toAcknowledgeMs: i.acknowledgedAtMs === null ? null : Math.max(0, i.acknowledgedAtMs - i.detectedAtMs),
    toResolveMs: i.resolvedAtMs === null ? null : Math.max(0, i.resolvedAtMs - i.startedAtMs),
  };
}

const DAY_MS = 86_400_000;

/** Mean time to resolve over the incidents resolved in the `days` days up to `nowMs`. */
export function meanTimeToResolve(incidents: readonly IncidentInstants[], nowMs: number, days: number): Mttr {
  const since = nowMs - days * DAY_MS;
  const durations = incidents.flatMap((i) => (i.resolvedAtMs !== null && i.resolvedAtMs > since && i.resolvedAtMs <= nowMs ? [incidentTimes(i).toResolveMs ?? 0] : []));
  const total = durations.reduce((sum, d) => sum + d, 0);
  return { days, resolved: durations.length, meanToResolveMs: durations.length === 0 ? null : total / durations.length };
}
