import { describe, expect, it } from "vitest";
import { resolveTimeRange } from "./resolve-time-range";

const now = 1_764_000_000_000;
const hour = 3_600_000;

describe("resolveTimeRange", () => {
  it("keeps a window given in full", () => {
    expect(resolveTimeRange({ from: 1, to: 2 }, now)).toEqual({ fromMs: 1, toMs: 2 });
  });

  it("defaults to the last hour", () => {
    expect(resolveTimeRange({}, now)).toEqual({ fromMs: now - hour, toMs: now });
    expect(resolveTimeRange({}, now, 60_000)).toEqual({ fromMs: now - 60_000, toMs: now });
  });

  it("ends a window at `to` when only `to` is given", () => {
    expect(resolveTimeRange({ to: now - hour }, now)).toEqual({ fromMs: now - 2 * hour, toMs: now - hour });
  });

  it("runs a window from `from` to now, or one default window when `from` is in the future", () => {
    expect(resolveTimeRange({ from: now - 5 * hour }, now)).toEqual({ fromMs: now - 5 * hour, toMs: now });
    expect(resolveTimeRange({ from: now + hour }, now)).toEqual({ fromMs: now + hour, toMs: now + 2 * hour });
  });
});
