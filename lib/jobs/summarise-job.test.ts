import { describe, expect, it } from "vitest";
import type { JobRun } from "./schemas";
import { summariseJob } from "./summarise-job";

const run = (startMs: number, extra: Partial<JobRun> = {}): JobRun => ({ traceId: "t", spanId: "s", startMs, durationMs: 100, outcome: "success", attempt: 1, error: null, ...extra });

describe("summariseJob", () => {
  it("expects the next run one median interval after the last, ignoring retries' bursts", () => {
    const runs = [run(0), run(60_000), run(61_000, { attempt: 2 }), run(120_000), run(180_000)];
    const summary = summariseJob("order", "expire", runs, 200_000);
    expect(summary).toMatchObject({ health: "ok", runs: 5, retries: 1, medianIntervalMs: 60_000, nextExpectedMs: 240_000, lastSuccessMs: 180_000 });
  });

  it("is missed past the expected run plus the grace, failed when the last run failed", () => {
    const runs = [run(0), run(60_000), run(120_000)];
    expect(summariseJob("order", "expire", runs, 180_000 + 120_000).health).toBe("ok");
    expect(summariseJob("order", "expire", runs, 180_000 + 120_001).health).toBe("missed");
    expect(summariseJob("order", "expire", runs, 180_000 + 30_001, { graceMs: 30_000 }).health).toBe("missed");
    const failed = summariseJob("order", "expire", [...runs, run(180_000, { outcome: "failure", error: "boom" })], 190_000);
    expect(failed).toMatchObject({ health: "failed", failures: 1, lastSuccessMs: 120_000, lastRun: { error: "boom" } });
  });

  it("cannot tell the next run from a single run", () => {
    expect(summariseJob("order", "expire", [run(0)], 10 * 60_000)).toMatchObject({ health: "ok", medianIntervalMs: null, nextExpectedMs: null });
  });
});
