"use client";

import { Anchor, Badge, Text } from "@mantine/core";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { JobRun, JobSummary } from "@/lib/jobs/schemas";

const HEALTH_COLOR = { ok: "green", failed: "red", missed: "orange", running: "blue" } as const;

export function JobHealthBadge({ health }: { health: JobSummary["health"] }) {
  const t = useTranslations("jobs.health");
  return (
    <Badge color={HEALTH_COLOR[health]} variant={health === "ok" ? "light" : "filled"} tt="none" data-testid="job-health">
      {t(health)}
    </Badge>
  );
}

/** A run's outcome, linking to its trace; a run known only from the job's metrics has none and says so. */
export function RunOutcome({ run }: { run: JobRun }) {
  const t = useTranslations("jobs.outcome");
  const label = `${t(run.outcome)}${run.attempt > 1 ? ` · ${t("attempt", { attempt: run.attempt })}` : ""}`;
  const color = run.outcome === "failure" ? "red" : undefined;
  if (run.traceId === null) {
    return (
      <Text size="sm" c={color} data-testid="job-run-outcome" title={run.error ?? t("noTrace")}>
        {label}
      </Text>
    );
  }
  const span = run.spanId === null ? "" : `?span=${run.spanId}`;
  return (
    <Anchor component={Link} href={`/traces/${run.traceId}${span}`} size="sm" c={color} data-testid="job-run-link" title={run.error ?? undefined}>
      {label}
    </Anchor>
  );
}

export const formatDuration = (ms: number | null) => (ms === null ? "—" : ms < 1_000 ? `${Math.round(ms)} ms` : `${Number((ms / 1_000).toFixed(1))} s`);
