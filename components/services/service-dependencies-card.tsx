"use client";

import { Anchor, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowsExchange } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ServiceName } from "@/components/traces/service-name";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import type { DependencyEdge } from "@/lib/services/schemas";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { formatPercent, formatRate, servicePageHref } from "./format";
import { servicePartQuery } from "./services-queries";
import { useWindowHref } from "@/components/time-range/use-window-href";

/** Who calls the service and what it calls, each with the calls' rate, errors and p95. */
export function ServiceDependenciesCard({ service, range }: { service: string; range: RangeKey }) {
  const t = useTranslations("services.dependencies");
  const query = useQuery({ ...servicePartQuery(service, "dependencies", range), placeholderData: keepPreviousData });
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      <QueryStates
        query={query}
        loadError={t("failed")}
        isEmpty={(data) => data.upstream.length === 0 && data.downstream.length === 0}
        empty={{ icon: IconArrowsExchange, text: t("empty") }}
      >
        {(data) => (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Edges title={t("upstream")} edges={data.upstream} />
            <Edges title={t("downstream")} edges={data.downstream} />
          </SimpleGrid>
        )}
      </QueryStates>
    </SectionCard>
  );
}

function Edges({ title, edges }: { title: string; edges: readonly DependencyEdge[] }) {
  const t = useTranslations("services.dependencies");
  const tl = useTranslations("services.list");
  const withWindow = useWindowHref();
  return (
    <Stack gap={4}>
      <Title order={3} size="h6">
        {title}
      </Title>
      {edges.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("none")}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" aria-label={title} style={{ whiteSpace: "nowrap" }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("service")}</Table.Th>
              <Table.Th ta="right">{t("rate")}</Table.Th>
              <Table.Th ta="right">{t("errors")}</Table.Th>
              <Table.Th ta="right">p95</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {edges.map((edge) => (
              <Table.Tr key={edge.service}>
                <Table.Td maw={220}>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} prefetch={false} href={withWindow(servicePageHref(edge.service))} underline="never" miw={0}>
                      <ServiceName name={edge.service} />
                    </Anchor>
                    {edge.type === "peer" && (
                      <Text size="xs" c="dimmed">
                        {tl("peer")}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{tl("perSecond", { rate: formatRate(edge.rate) })}</Table.Td>
                <Table.Td ta="right" c={edge.errorRate ? "red" : undefined}>
                  {formatPercent(edge.errorRate)}
                </Table.Td>
                <Table.Td ta="right">{edge.p95 === null ? "–" : formatDurationMs(edge.p95)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
