import { describe, expect, it } from "vitest";
import { alignDown, bucketCount, bucketStarts, chooseStep, coveredSeconds, MAX_SERIES_POINTS, resolveStepSeconds } from "./step-buckets";

const hour = 3_600_000;
const day = 24 * hour;

describe("resolveStepSeconds", () => {
  it("picks the smallest nice step with at most ~300 points", () => {
    expect(resolveStepSeconds(undefined, hour, 60)).toBe(60);
    expect(resolveStepSeconds(undefined, day, 60)).toBe(300);
    expect(resolveStepSeconds(undefined, 7 * day, 60)).toBe(3_600);
    expect(resolveStepSeconds(undefined, 30 * day, 60)).toBe(10_800);
    expect(resolveStepSeconds(undefined, 400 * day, 60)).toBe(2 * 86_400);
    expect(resolveStepSeconds(undefined, 15 * 60_000, 10)).toBe(10);
    for (const range of [hour, day, 7 * day, 30 * day, 400 * day]) {
      expect(range / 1_000 / resolveStepSeconds(undefined, range, 60)).toBeLessThanOrEqual(300);
    }
  });

  it("rounds a requested step up to whole units, never below one unit", () => {
    expect(resolveStepSeconds(300, day, 60)).toBe(300);
    expect(resolveStepSeconds(90, day, 60)).toBe(120);
    expect(resolveStepSeconds(1, day, 60)).toBe(60);
    expect(resolveStepSeconds(15, day, 10)).toBe(20);
  });
});

describe("buckets", () => {
  it("aligns bucket starts to multiples of the step since the epoch", () => {
    expect(alignDown(Date.UTC(2025, 0, 1, 10, 7, 30), 300_000)).toBe(Date.UTC(2025, 0, 1, 10, 5));
    const starts = bucketStarts(Date.UTC(2025, 0, 1, 10, 7), Date.UTC(2025, 0, 1, 10, 20), 300_000);
    expect(starts).toEqual([Date.UTC(2025, 0, 1, 10, 5), Date.UTC(2025, 0, 1, 10, 10), Date.UTC(2025, 0, 1, 10, 15)]);
    expect(bucketCount(Date.UTC(2025, 0, 1, 10, 7), Date.UTC(2025, 0, 1, 10, 20), 300_000)).toBe(3);
  });

  it("leaves out a bucket that would start at the window's end", () => {
    expect(bucketStarts(0, 600_000, 300_000)).toEqual([0, 300_000]);
    expect(bucketCount(0, 600_000, 300_000)).toBe(2);
  });

  it("counts a whole step except in a last bucket cut short by the window's end", () => {
    expect(coveredSeconds(0, 300_000, 900_000)).toBe(300);
    expect(coveredSeconds(600_000, 300_000, 720_000)).toBe(120);
    expect(coveredSeconds(600_000, 300_000, 500_000)).toBe(0);
  });
});

describe("chooseStep", () => {
  const from = Date.UTC(2026, 0, 1, 0, 0, 0);

  it("keeps a requested step that gives at most 1000 points", () => {
    expect(chooseStep(120, from, from + day, 1)).toEqual({ stepSeconds: 120, requestedSeconds: 120 });
    expect(chooseStep(60, from, from + 12 * hour, 1)).toEqual({ stepSeconds: 60, requestedSeconds: 60 });
    expect(chooseStep(90, from, from + day, 60)).toEqual({ stepSeconds: 120, requestedSeconds: 120 });
  });

  it("raises a step that would give more points to the smallest nice step that fits, and says what was asked", () => {
    expect(chooseStep(10, from, from + 7 * day, 1)).toEqual({ stepSeconds: 900, requestedSeconds: 10 });
    expect(chooseStep(60, from, from + 2 * day, 60)).toEqual({ stepSeconds: 300, requestedSeconds: 60 });
    // An unaligned window needs one more bucket than its length divided by the step.
    expect(chooseStep(60, from + 30_000, from + 30_000 + 1_000 * 60_000, 1)).toEqual({ stepSeconds: 120, requestedSeconds: 60 });
  });

  it("goes to whole days past the nice steps", () => {
    const { stepSeconds } = chooseStep(60, from, from + 3 * 365 * day, 60);
    expect(stepSeconds % 86_400).toBe(0);
    expect(bucketCount(from, from + 3 * 365 * day, stepSeconds * 1_000)).toBeLessThanOrEqual(MAX_SERIES_POINTS);
    expect(bucketCount(from, from + 3 * 365 * day, (stepSeconds - 86_400) * 1_000)).toBeGreaterThan(MAX_SERIES_POINTS);
  });

  it("never gives more than 1000 points whatever the window and request", () => {
    for (const range of [hour, day, 7 * day, 30 * day, 400 * day]) {
      for (const requested of [undefined, 1, 10, 60, 3_600]) {
        const { stepSeconds, requestedSeconds } = chooseStep(requested, from + 12_345, from + 12_345 + range, 1);
        expect(bucketCount(from + 12_345, from + 12_345 + range, stepSeconds * 1_000)).toBeLessThanOrEqual(MAX_SERIES_POINTS);
        expect(requestedSeconds).toBe(requested ?? null);
        if (requested !== undefined) expect(stepSeconds).toBeGreaterThanOrEqual(requested);
      }
    }
  });
});
