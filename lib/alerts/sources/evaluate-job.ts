import { readJobRuns } from "@/lib/jobs/read-job-runs";
import { summariseJob } from "@/lib/jobs/summarise-job";
import type { AlertSource } from "../schemas";
import type { Db, SourceValue } from "./source-value";

// A batch job's health, judged like the jobs page judges it (lib/jobs/summarise-job.ts) over the
// last day of runs, or the last 8 days when the day holds fewer than two (a nightly job needs
// two runs for its interval, else it could never be "missed"): 1 when its last run failed or its
// next expected run is overdue by more than the grace, else 0. No run at all: no data.
// With several services running a job of that name and no service given, the worst counts.

type JobSource = Extract<AlertSource, { kind: "job" }>;

const DAY_MS = 86_400_000;
const LONG_LOOKBACK_MS = 8 * DAY_MS;

export async function evaluateJob(db: Db, source: JobSource, nowMs: number): Promise<SourceValue> {
  const read = (lookBackMs: number) => readJobRuns(db, { fromMs: nowMs - lookBackMs, toMs: nowMs + 1 }, { service: source.service, job: source.job });
  let { runs } = await read(DAY_MS);
  if (runs.length < 2) ({ runs } = await read(LONG_LOOKBACK_MS));
  const subject = `job ${source.job}${source.service ? ` of ${source.service}` : ""} failed or missed (1 = yes)`;
  if (!runs.length) return { value: null, subject };
  const services = [...new Set(runs.map((run) => run.service))];
  const healths = services.map((service) => summariseJob(service, source.job, runs.filter((run) => run.service === service), nowMs, { graceMs: source.graceSeconds * 1_000 }));
  const bad = healths.find((h) => h.health === "failed" || h.health === "missed");
  return { value: bad ? 1 : 0, subject: bad ? `${subject}: ${bad.health}${bad.lastRun?.error ? ` (${bad.lastRun.error})` : ""}` : subject };
}
