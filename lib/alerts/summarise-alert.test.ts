import { describe, expect, it } from "vitest";
import { formatDuration, summariseAlert } from "./summarise-alert";

describe("summariseAlert", () => {
  it("says what, how much, against what and for how long", () => {
    const condition = { op: "above", threshold: 5 } as const;
    expect(summariseAlert({ subject: "error % of checkout (POST /checkout)", value: 23.456, condition, state: "firing", heldMs: 120_000 })).toBe(
      "error % of checkout (POST /checkout) is 23.5, above 5 for 2 minutes",
    );
    expect(summariseAlert({ subject: "error % of checkout", value: 1.234, condition, state: "resolved", heldMs: 45_000 })).toBe(
      "error % of checkout is 1.23, no longer above 5 (it was for 45 seconds)",
    );
    expect(summariseAlert({ subject: "x", value: null, condition, state: "error", heldMs: 0, error: "no metric named x" })).toBe("x could not be read: no metric named x");
  });

  it("rounds durations to what a reader wants", () => {
    expect(formatDuration(1_000)).toBe("1 second");
    expect(formatDuration(600_000)).toBe("10 minutes");
    expect(formatDuration(3 * 3_600_000)).toBe("3 hours");
  });
});
