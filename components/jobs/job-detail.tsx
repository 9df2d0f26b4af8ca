"use client";

import { Alert, Group, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { jobQuery } from "@/components/alerts/alerts-queries";
import { BackLink } from "@/components/ui/back-link";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { formatInstant } from "@/lib/client/time-range";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { formatDuration, JobHealthBadge, RunOutcome } from "./job-badges";

/** /jobs/<service>/<job>: the job's runs, newest first, each linking to its trace. */
export function JobDetail({ service, job }: { service: string; job: string }) {
  const t = useTranslations("jobs.detail");
  const timeZone = useBrowserTimeZone();
  const time = (ms: number | null) => (ms === null ? "—" : timeZone ? formatInstant(ms, timeZone) : new Date(ms).toISOString());
  const detail = useQuery(jobQuery(service, job));
  return (
    <Stack gap="md">
      <BackLink href="/jobs">{t("back")}</BackLink>
      {detail.isError ? (
        <QueryErrorAlert title={t("failed")} error={detail.error} onRetry={() => void detail.refetch()} />
      ) : detail.isPending ? (
        <Skeleton h={300} />
      ) : (
        <SectionCard
          title={t("runs")}
          description={t("summary", { runs: detail.data.job.runs, failures: detail.data.job.failures, retries: detail.data.job.retries, p95: formatDuration(detail.data.job.p95DurationMs) })}
          action={<JobHealthBadge health={detail.data.job.health} />}
        >
          <Stack gap="xs">
            <Group gap="lg">
              <Text size="sm">{t("lastSuccess", { time: time(detail.data.job.lastSuccessMs) })}</Text>
              <Text size="sm">{t("next", { time: time(detail.data.job.nextExpectedMs) })}</Text>
            </Group>
            {detail.data.truncated && (
              <Alert variant="light" p="xs">
                {t("truncated")}
              </Alert>
            )}
            <Table striped data-testid="job-runs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("started")}</Table.Th>
                  <Table.Th>{t("outcome")}</Table.Th>
                  <Table.Th>{t("duration")}</Table.Th>
                  <Table.Th>{t("error")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.data.runs.map((run, i) => (
                  // runs known from metrics have no span id; the list's order is stable for one response
                  <Table.Tr key={run.spanId ?? `metric-${i}`} data-testid="job-run-row">
                    <Table.Td>{time(run.startMs)}</Table.Td>
                    <Table.Td>
                      <RunOutcome run={run} />
                    </Table.Td>
                    <Table.Td ff="monospace">{formatDuration(run.durationMs)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="red" lineClamp={2}>
                        {run.error ?? ""}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </SectionCard>
      )}
    </Stack>
  );
}
