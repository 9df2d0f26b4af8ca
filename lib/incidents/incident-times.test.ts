import { describe, expect, it } from "vitest";
import { incidentTimes, meanTimeToResolve } from "./incident-times";

const T = Date.UTC(2026, 11, 1, 14, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;

describe("incidentTimes", () => {
  it("measures detect from the start, acknowledge from detection, resolve from the start", () => {
    expect(incidentTimes({ startedAtMs: T, detectedAtMs: T + 7 * MIN, acknowledgedAtMs: T + 10 * MIN, resolvedAtMs: T + 45 * MIN })).toEqual({
      toDetectMs: 7 * MIN,
      toAcknowledgeMs: 3 * MIN,
      toResolveMs: 45 * MIN,
    });
  });

  it("leaves what has not happened as null", () => {
    expect(incidentTimes({ startedAtMs: T, detectedAtMs: T + MIN, acknowledgedAtMs: null, resolvedAtMs: null })).toEqual({ toDetectMs: MIN, toAcknowledgeMs: null, toResolveMs: null });
  });

  it("never goes negative when the window starts after the incident was opened", () => {
    expect(incidentTimes({ startedAtMs: T + 5 * MIN, detectedAtMs: T, acknowledgedAtMs: T, resolvedAtMs: T + 2 * MIN })).toEqual({ toDetectMs: 0, toAcknowledgeMs: 0, toResolveMs: 0 });
  });
});

describe("meanTimeToResolve", () => {
  const now = T + 100 * DAY;
  const resolvedAgo = (daysAgo: number, tookMin: number) => ({ startedAtMs: now - daysAgo * DAY - tookMin * MIN, detectedAtMs: now - daysAgo * DAY - tookMin * MIN, acknowledgedAtMs: null, resolvedAtMs: now - daysAgo * DAY });

  it("averages the incidents resolved within the last N days, and only those", () => {
    const incidents = [resolvedAgo(1, 30), resolvedAgo(29, 90), resolvedAgo(31, 600), resolvedAgo(89, 20), resolvedAgo(91, 5_000)];
    expect(meanTimeToResolve(incidents, now, 30)).toEqual({ days: 30, resolved: 2, meanToResolveMs: 60 * MIN });
    expect(meanTimeToResolve(incidents, now, 90)).toEqual({ days: 90, resolved: 4, meanToResolveMs: ((30 + 90 + 600 + 20) / 4) * MIN });
  });

  it("leaves open incidents out, and says null when nothing was resolved", () => {
    const open = { startedAtMs: now - DAY, detectedAtMs: now - DAY, acknowledgedAtMs: null, resolvedAtMs: null };
    expect(meanTimeToResolve([open], now, 30)).toEqual({ days: 30, resolved: 0, meanToResolveMs: null });
  });

  it("counts an incident resolved exactly N days ago out and one resolved now in", () => {
    expect(meanTimeToResolve([resolvedAgo(30, 10), resolvedAgo(0, 20)], now, 30)).toEqual({ days: 30, resolved: 1, meanToResolveMs: 20 * MIN });
  });
});
