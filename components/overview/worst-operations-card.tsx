"use client";

import { Anchor, SimpleGrid, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { IconMoodCheck } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatPercent } from "@/components/services/format";
import { recentPartOf, worstOperationsQuery } from "@/components/services/services-queries";
import { ServiceName } from "@/components/traces/service-name";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { TruncatedValue } from "@/components/ui/truncated-value";
import { rangeKey, type RangeKey } from "@/lib/client/query-keys";
import { traceSearchLink } from "@/lib/client/trace-link";
import { useTimeRange } from "@/lib/client/use-time-range";
import type { WorstOperationsResponse } from "@/lib/services/schemas";
import { formatDurationMs } from "@/lib/trace/format-duration";

/** The endpoints hurting in the last 15 minutes of the window: slowest by p95 and most failing. */
export function WorstOperationsCard() {
  const t = useTranslations("overview.worst");
  const { range } = useTimeRange();
  const key = range ? recentPartOf(rangeKey(range)) : null;
  const query = useQuery({ ...worstOperationsQuery(key ?? { from: 0, to: 1 }), enabled: key !== null, placeholderData: keepPreviousData });
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      {key === null ? (
        <Skeleton h={160} />
      ) : (
        <QueryStates query={query} loadError={t("failed")} isEmpty={(data) => data.slowest.length === 0 && data.failing.length === 0} empty={{ icon: IconMoodCheck, text: t("none") }}>
          {(data) => (
            <SimpleGrid cols={1}>
              <Operations title={t("slowest")} rows={data.slowest} range={key} value={(row) => (row.p95 === null ? "–" : formatDurationMs(row.p95))} sort="duration" />
              <Operations title={t("failing")} rows={data.failing} range={key} value={(row) => formatPercent(row.errorRate)} status="error" />
            </SimpleGrid>
          )}
        </QueryStates>
      )}
    </SectionCard>
  );
}

type Row = WorstOperationsResponse["slowest"][number];

function Operations(props: { title: string; rows: readonly Row[]; range: RangeKey; value: (row: Row) => string; sort?: "duration"; status?: "error" }) {
  const t = useTranslations("overview.worst");
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {props.title}
      </Title>
      {props.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("none")}
        </Text>
      ) : (
        <Table verticalSpacing={3} fz="sm" aria-label={props.title}>
          <Table.Tbody>
            {props.rows.map((row) => (
              <Table.Tr key={`${row.service}:${row.operation}`}>
                <Table.Td maw={140}>
                  <ServiceName name={row.service} size="xs" />
                </Table.Td>
                <Table.Td maw={220}>
                  <Anchor
                    component={Link}
                    prefetch={false}
                    size="sm"
                    href={traceSearchLink({ service: row.service, operation: row.operation, fromMs: props.range.from, toMs: props.range.to, sort: props.sort, status: props.status })}
                  >
                    <TruncatedValue value={row.operation} size="sm" />
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right" fw={600} style={{ whiteSpace: "nowrap" }}>
                  {props.value(row)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
