import { readJobRuns } from "@/lib/jobs/read-job-runs";
import { summariseJob } from "@/lib/jobs/summarise-job";
import type { AlertSource } from "../schemas";
import type { Db, SourceValue } from "./source-value";

// A batch job's health, judged like the jobs page judges it (lib/jobs/summarise-job.ts) over the
// last day of runs: 1 when its last run failed or its next expected run is overdue by more than
// the grace, else 0. No run in a day: no data (a job that never ran here is not "missed").
// With several services running a job of that name and no service given, the worst counts.

type JobSource = Extract<AlertSource, { kind: "job" }>;

const LOOKBACK_MS = 86_400_000;

export async function evaluateJob(db: Db, source: JobSource, nowMs: number): Promise<SourceValue> {
  const { runs } = await readJobRuns(db, { fromMs: nowMs - LOOKBACK_MS, toMs: nowMs + 1 }, { service: source.service, job: source.job });
  const subject = `job ${source.job}${source.service ? ` of ${source.service}` : ""} failed or missed (1 = yes)`;
  if (!runs.length) return { value: null, subject };
  const services = [...new Set(runs.map((run) => run.service))];
  const healths = services.map((service) => summariseJob(service, source.job, runs.filter((run) => run.service === service), nowMs, { graceMs: source.graceSeconds * 1_000 }));
  const bad = healths.find((h) => h.health === "failed" || h.health === "missed");
  return { value: bad ? 1 : 0, subject: bad ? `${subject}: ${bad.health}${bad.lastRun?.error ? ` (${bad.lastRun.error})` : ""}` : subject };
}
