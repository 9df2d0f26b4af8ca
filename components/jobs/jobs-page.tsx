"use client";

import { Anchor, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { jobsQuery } from "@/components/alerts/alerts-queries";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { formatDuration, JobHealthBadge, RunOutcome } from "./job-badges";

/** /jobs: every batch job seen, failed and missed first: last run and outcome, counts, p95, the next expected run. */
export function JobsPage() {
  const t = useTranslations("jobs.list");
  const timeZone = useBrowserTimeZone();
  const time = (ms: number | null) => (ms === null ? "—" : timeZone ? formatInstant(ms, timeZone) : new Date(ms).toISOString());
  const jobs = useQuery(jobsQuery());
  return (
    <SectionCard title={t("title")} description={t("description")}>
      {jobs.isError ? (
        <QueryErrorAlert title={t("failed")} error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.isPending ? (
        <Skeleton h={200} />
      ) : jobs.data.jobs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover data-testid="jobs-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("job")}</Table.Th>
                <Table.Th>{t("health")}</Table.Th>
                <Table.Th>{t("lastRun")}</Table.Th>
                <Table.Th>{t("lastSuccess")}</Table.Th>
                <Table.Th>{t("counts")}</Table.Th>
                <Table.Th>{t("p95")}</Table.Th>
                <Table.Th>{t("next")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.data.jobs.map((job) => (
                <Table.Tr key={`${job.service}\u0000${job.job}`} data-testid="job-row" data-job={job.job}>
                  <Table.Td>
                    <Anchor component={Link} href={`/jobs/${encodeURIComponent(job.service)}/${encodeURIComponent(job.job)}`} fw={500} size="sm">
                      {job.job}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {job.service}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <JobHealthBadge health={job.health} />
                  </Table.Td>
                  <Table.Td>
                    {job.lastRun ? (
                      <Stack gap={0}>
                        <Text size="sm" data-testid="job-last-run">
                          {time(job.lastRun.startMs)}
                        </Text>
                        <RunOutcome run={job.lastRun} />
                      </Stack>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{time(job.lastSuccessMs)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t("countsValue", { runs: job.runs, failures: job.failures, retries: job.retries })}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {formatDuration(job.p95DurationMs)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{time(job.nextExpectedMs)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
