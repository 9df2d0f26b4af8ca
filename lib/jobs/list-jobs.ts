import type pg from "pg";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { readJobRuns, type StoredJobRun } from "./read-job-runs";
import type { JobDetail, JobSummary } from "./schemas";
import { summariseJob } from "./summarise-job";

// GET /api/v1/jobs and /api/v1/jobs/{service}/{job}: the runs of the window grouped by job and
// judged at the window's end (now for a window ending now), with the alert rules watching each.

const DAY_MS = 86_400_000;
const HEALTH_ORDER = { failed: 0, missed: 1, running: 2, ok: 3 } as const;

type Db = Pick<pg.Pool, "query">;
type Window = { from?: number | undefined; to?: number | undefined };

export async function listJobs(db: Db, query: Window, nowMs: number): Promise<{ jobs: JobSummary[] }> {
  const window = resolveTimeRange(query, nowMs, DAY_MS);
  const [{ runs }, watchers] = await Promise.all([readJobRuns(db, window), readWatchers(db)]);
  const byJob = new Map<string, StoredJobRun[]>();
  for (const run of runs) {
    const key = JSON.stringify([run.service, run.job]);
    const list = byJob.get(key);
    if (list) list.push(run);
    else byJob.set(key, [run]);
  }
  const jobs = [...byJob.values()].map((jobRuns) => {
    const { service, job } = jobRuns[0]!;
    return summariseJob(service, job, jobRuns.map(stripKey), Math.min(nowMs, window.toMs), { alertRuleIds: watchersOf(watchers, service, job) });
  });
  jobs.sort((a, b) => HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] || a.job.localeCompare(b.job) || a.service.localeCompare(b.service));
  return { jobs };
}

export async function getJob(db: Db, service: string, job: string, query: Window & { limit: number }, nowMs: number): Promise<JobDetail> {
  const window = resolveTimeRange(query, nowMs, DAY_MS);
  const [{ runs }, watchers] = await Promise.all([readJobRuns(db, window, { service, job }), readWatchers(db)]);
  const all = runs.map(stripKey);
  const newest = [...all].reverse();
  return {
    job: summariseJob(service, job, all, Math.min(nowMs, window.toMs), { alertRuleIds: watchersOf(watchers, service, job) }),
    runs: newest.slice(0, query.limit),
    truncated: newest.length > query.limit,
  };
}

const stripKey = ({ service: _service, job: _job, ...run }: StoredJobRun) => run;

interface Watcher {
  id: string;
  kind: string;
  job: string | null;
  service: string | null;
}

/** Job rules (by job name, and service when they name one) and absence rules on the job's span. */
async function readWatchers(db: Db): Promise<Watcher[]> {
  const { rows } = await db.query<Watcher>(
    `SELECT id::text, source->>'kind' AS kind, coalesce(source->>'job', source->>'operation') AS job, source->>'service' AS service
       FROM alert_rules WHERE source->>'kind' IN ('job', 'absence')`,
  );
  return rows;
}

function watchersOf(watchers: Watcher[], service: string, job: string): string[] {
  return watchers.filter((w) => w.job === job && (w.service === null || w.service === service)).map((w) => w.id);
}
