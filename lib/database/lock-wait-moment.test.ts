import { describe, expect, it } from "vitest";
import { describeUrlProblems } from "@/lib/client/describe-url-problems";
import { lockWaitUrlRules, readLockWaitMoment } from "./lock-wait-moment";

const window = { from: Date.UTC(2026, 11, 4, 10), to: Date.UTC(2026, 11, 4, 11) };
const newest = Date.UTC(2026, 11, 4, 10, 40);
const problems = (at: string, newestMs: number | null = newest) => describeUrlProblems(new URLSearchParams({ at }), lockWaitUrlRules(window, newestMs));

describe("the lock waits card's moment (at)", () => {
  it("takes Unix milliseconds and ISO-8601 inside the window", () => {
    const at = Date.UTC(2026, 11, 4, 10, 15);
    expect(readLockWaitMoment(String(at), window, newest)).toBe(at);
    expect(readLockWaitMoment("2026-12-04T10:15:00Z", window, newest)).toBe(at);
    expect(problems(String(at))).toEqual([]);
    expect(problems("2026-12-04T10:15:00Z")).toEqual([]);
  });

  it("shows the newest wait instead of a value that is not a time, and says so", () => {
    expect(readLockWaitMoment("yesterday", window, newest)).toBe(newest);
    expect(problems("yesterday")).toEqual([{ param: "at", value: "yesterday", reason: "unreadable", instead: { kind: "value", value: "2026-12-04T10:40:00.000Z" } }]);
  });

  it("shows the newest wait instead of a time outside the window, and says so", () => {
    const before = String(window.from - 1);
    expect(readLockWaitMoment(before, window, newest)).toBe(newest);
    expect(problems(before)).toEqual([{ param: "at", value: before, reason: "outsideWindow", instead: { kind: "value", value: "2026-12-04T10:40:00.000Z" } }]);
  });

  it("without waits, ignores it", () => {
    expect(readLockWaitMoment("yesterday", window, null)).toBeNull();
    expect(problems("yesterday", null)[0]?.instead).toEqual({ kind: "ignored" });
  });
});
