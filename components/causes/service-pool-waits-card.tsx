"use client";

import { Anchor, Group, Stack, Table, Text } from "@mantine/core";
import { IconPlugConnected } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import { useBrowserTimeZone } from "@/lib/client/use-browser-time-zone";
import { formatInstant } from "@/lib/client/time-range";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { poolWaitsQuery } from "./causes-queries";
import { PoolHolders } from "./pool-holders";

const WAITS_SHOWN = 5;

/** The service page's "Pool waits": how often and how long requests waited for a connection in the window, and who held the pool meanwhile. */
export function ServicePoolWaitsCard({ service, range }: { service: string; range: RangeKey }) {
  const t = useTranslations("causes.service");
  const timeZone = useBrowserTimeZone();
  const query = useQuery({ ...poolWaitsQuery(service, range), placeholderData: keepPreviousData });
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      <QueryStates query={query} loadError={t("failed")} isEmpty={(data) => data.waits === 0} empty={{ icon: IconPlugConnected, text: t("empty") }}>
        {(data) => (
          <Stack gap="sm" data-testid="service-pool-waits">
            <Text size="sm" fw={600}>
              {t("summary", { waits: data.waits, timedOut: data.timedOut, total: formatDurationMs(data.totalWaitMs), max: formatDurationMs(data.maxWaitMs ?? 0), min: formatDurationMs(data.minWaitMs) })}
            </Text>
            <Text size="sm">{t("heldBy")}</Text>
            <PoolHolders holders={data.holders} poolMax={data.longest[0]?.poolMax ?? null} />
            <Table fz="xs" verticalSpacing={3} aria-label={t("longest")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("when")}</Table.Th>
                  <Table.Th>{t("request")}</Table.Th>
                  <Table.Th ta="right">{t("waited")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.longest.slice(0, WAITS_SHOWN).map((wait) => (
                  <Table.Tr key={wait.spanId}>
                    <Table.Td ff="monospace">{timeZone ? formatInstant(wait.startMs, timeZone) : ""}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Anchor component={Link} href={`/traces/${wait.traceId}?span=${wait.spanId}`} size="xs" prefetch={false}>
                          {wait.request ? `${wait.request.name} (${wait.request.service})` : wait.traceId.slice(0, 8)}
                        </Anchor>
                        {wait.timedOut && (
                          <Text span size="xs" c="red">
                            {t("timedOut")}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{formatDurationMs(wait.durationMs)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </QueryStates>
    </SectionCard>
  );
}
