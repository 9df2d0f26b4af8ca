import { z } from "zod";
import { hasNoNul, limitParam, NUL_MESSAGE, refineTimeRange, timeRangeShape } from "@/lib/schemas/common";

// Batch jobs (issue 17): a run is a root span carrying `job.name` (the demo's expire-unpaid-orders
// and restock-inventory do), or, for a service that reports runs only as metrics, an increase of
// the counter `*.batch_job.runs{job.name,outcome}` (durations from `*.batch_job.duration`; see
// derive-metric-job-runs.ts). A job seen as both is read from its spans. Retries are runs of the
// same job whose span carries `job.attempt` > 1 (or `job.retry` = true) within one expected interval.
//   GET /api/v1/jobs?from&to                 (every job seen in the window)
//   GET /api/v1/jobs/{service}/{job}?from&to  (one job's runs, newest first)
//
// The next expected run is the last run's start plus the median interval between runs in the
// window; a job is `missed` when now is past that plus its grace (default 2 minutes).

const ms = z.number().describe("Unix milliseconds");
const text = (max: number) => z.string().min(1, "must not be empty").max(max, `must be at most ${max} characters`).refine(hasNoNul, NUL_MESSAGE);

export const JOB_OUTCOMES = ["success", "failure"] as const;
export const JOB_HEALTH = ["ok", "failed", "missed", "running"] as const;

export const jobRunSchema = z.object({
  traceId: z.string().nullable().describe("the run's trace; null for a run known only from the job's metrics"),
  spanId: z.string().nullable(),
  startMs: ms.describe("for a run known only from metrics: when it ended (the counter's point, runs of one interval spread over it) less its duration"),
  durationMs: z.number().nullable().describe("null when unknown (a metrics-only run without a duration histogram)"),
  outcome: z.enum(JOB_OUTCOMES),
  attempt: z.number().int().describe("1 for a first attempt"),
  error: z.string().nullable().describe("the exception or status message of a failed run"),
});
export type JobRun = z.infer<typeof jobRunSchema>;

export const jobSummarySchema = z.object({
  service: z.string(),
  job: z.string(),
  health: z.enum(JOB_HEALTH),
  lastRun: jobRunSchema.nullable(),
  lastSuccessMs: ms.nullable(),
  runs: z.number().int(),
  failures: z.number().int(),
  retries: z.number().int(),
  p95DurationMs: z.number().nullable(),
  medianIntervalMs: z.number().nullable(),
  nextExpectedMs: ms.nullable(),
  alertRuleIds: z.array(z.uuid()).describe("alert rules that watch this job (job or absence rules)"),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;
export const jobListSchema = z.object({ jobs: z.array(jobSummarySchema).describe("failed and missed first, then by name") });
export const jobDetailSchema = z.object({ job: jobSummarySchema, runs: z.array(jobRunSchema), truncated: z.boolean() });

export const jobsQuerySchema = z
  .object({ ...timeRangeShape })
  .superRefine(refineTimeRange)
  .describe("Jobs seen in the window (default: the last 24 hours); health is judged at the window's end.");
export const jobPathSchema = z.object({ service: text(255), job: text(255) });
export const jobDetailQuerySchema = z
  .object({ ...timeRangeShape, limit: limitParam(200, 1_000) })
  .superRefine(refineTimeRange)
  .describe("One job's runs in the window (default: the last 24 hours), newest first.");
export type JobDetail = z.infer<typeof jobDetailSchema>;
