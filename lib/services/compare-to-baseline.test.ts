import { describe, expect, it } from "vitest";
import { compareHealth, compareToBaseline } from "./compare-to-baseline";
import type { RedStats } from "./schemas";

const stats = (over: Partial<RedStats> = {}): RedStats => {
  const count = over.count ?? 1_000;
  const errors = over.errors ?? 10;
  return { count, rate: count / 3_600, errors, errorRate: count > 0 ? errors / count : null, timeouts: 0, p50: 20, p95: 100, p99: 200, ...over };
};

describe("compareToBaseline", () => {
  it("is ok when the service behaves as it did a day and a week ago", () => {
    expect(compareToBaseline(stats(), { day: stats(), week: stats({ p95: 110 }) })).toEqual({ status: "ok", lowTraffic: false, reasons: [] });
  });

  it("is bad when errors jumped against both baselines, and says against which", () => {
    const verdict = compareToBaseline(stats({ errors: 120 }), { day: stats(), week: stats({ errors: 12 }) });
    expect(verdict.status).toBe("bad");
    expect(verdict.reasons).toEqual([{ metric: "errorRate", level: "bad", baseline: "day", current: 0.12, previous: 0.01 }]);
  });

  it("takes the milder verdict when one baseline was itself unusual", () => {
    // Yesterday had an incident at this hour: today's 12% is bad against last week only.
    const verdict = compareToBaseline(stats({ errors: 120 }), { day: stats({ errors: 110 }), week: stats() });
    expect(verdict.status).toBe("ok");
  });

  it("warns on a latency rise of 30%, is bad at twice, and ignores tiny absolute changes", () => {
    expect(compareToBaseline(stats({ p95: 140 }), { day: stats() }).reasons).toEqual([{ metric: "p95", level: "warn", baseline: "day", current: 140, previous: 100 }]);
    expect(compareToBaseline(stats({ p95: 250 }), { day: stats() }).status).toBe("bad");
    expect(compareToBaseline(stats({ p95: 4 }), { day: stats({ p95: 1 }) }).status).toBe("ok");
  });

  it("does not judge errors or latency of a quiet service, however bad its few requests look", () => {
    const quiet = stats({ count: 10, errors: 5, p95: 5_000 });
    const verdict = compareToBaseline(quiet, { day: stats({ count: 12, errors: 0 }) });
    // The baseline was quiet too (under the minimum): nothing to compare with, and too few now.
    expect(verdict).toEqual({ status: "ok", lowTraffic: true, reasons: [] });
  });

  it("flags a drop in traffic even when the service is now quiet", () => {
    const verdict = compareToBaseline(stats({ count: 5, errors: 0 }), { day: stats(), week: stats() });
    expect(verdict.lowTraffic).toBe(true);
    expect(verdict.reasons).toEqual([expect.objectContaining({ metric: "rate", level: "bad" })]);
  });

  it("uses absolute error shares for a service without a baseline", () => {
    expect(compareToBaseline(stats({ errors: 150 }), { day: null, week: null }).reasons).toEqual([{ metric: "errorRate", level: "bad", baseline: null, current: 0.15, previous: null }]);
    expect(compareToBaseline(stats({ errors: 30 }), {}).status).toBe("warn");
    expect(compareToBaseline(stats({ errors: 2 }), {}).status).toBe("ok");
  });

  it("warns when timeouts appear where there were none", () => {
    const verdict = compareToBaseline(stats({ timeouts: 20 }), { day: stats() });
    expect(verdict.reasons).toEqual([{ metric: "timeoutRate", level: "warn", baseline: "day", current: 0.02, previous: 0 }]);
  });
});

describe("compareHealth", () => {
  it("puts bad before warn before ok, quiet ones last, then the higher error share, then the busier", () => {
    const rows = [
      { name: "a", status: "ok" as const, lowTraffic: false, stats: stats({ count: 5_000 }) },
      { name: "b", status: "warn" as const, lowTraffic: false, stats: stats() },
      { name: "quiet", status: "ok" as const, lowTraffic: true, stats: stats({ count: 3, errors: 2 }) },
      { name: "c", status: "ok" as const, lowTraffic: false, stats: stats({ errors: 50 }) },
      { name: "d", status: "bad" as const, lowTraffic: false, stats: stats() },
    ];
    expect(rows.sort(compareHealth).map((r) => r.name)).toEqual(["d", "b", "c", "a", "quiet"]);
  });
});
