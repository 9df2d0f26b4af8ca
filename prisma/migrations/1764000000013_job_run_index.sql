-- Batch-job runs (issue 17, lib/jobs/read-job-runs.ts): root spans carrying `job.name` are a tiny
-- share of all spans (the demo: 2 a minute among thousands). Without this partial index the jobs
-- list and the job alert source walked every span of their window to find them.

-- Up Migration
CREATE INDEX spans_job_roots_time_idx ON spans (start_time) WHERE parent_span_id IS NULL AND attributes ? 'job.name';

-- Down Migration
DROP INDEX IF EXISTS spans_job_roots_time_idx;
