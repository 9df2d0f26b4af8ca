"use client";

import { Anchor, Badge, Group, Progress, Table, Text } from "@mantine/core";
import { IconListSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { WhySlowLink } from "@/components/findings/why-slow-link";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import { TruncatedValue } from "@/components/ui/truncated-value";
import type { RangeKey } from "@/lib/client/query-keys";
import { traceSearchLink } from "@/lib/client/trace-link";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { formatPercent, formatRate } from "./format";
import { servicePartQuery } from "./services-queries";

/** The service's operations, most costly first (impact: share of the service's request time). */
export function ServiceOperationsCard({ service, range }: { service: string; range: RangeKey }) {
  const t = useTranslations("services.operations");
  const tl = useTranslations("services.list");
  const tw = useTranslations("findings.whySlow");
  const query = useQuery({ ...servicePartQuery(service, "operations", range), placeholderData: keepPreviousData });
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      <QueryStates query={query} loadError={t("failed")} isEmpty={(data) => data.operations.length === 0} empty={{ icon: IconListSearch, text: t("empty") }}>
        {(data) => (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing={4} fz="sm" aria-label={t("title")} style={{ whiteSpace: "nowrap" }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("name")}</Table.Th>
                  <Table.Th ta="right">{t("rate")}</Table.Th>
                  <Table.Th ta="right">{t("errors")}</Table.Th>
                  <Table.Th ta="right">p95</Table.Th>
                  <Table.Th aria-label={tw("link")} />
                  <Table.Th w={200}>{t("impact")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.operations.map((op) => (
                  <Table.Tr key={`${op.kind}:${op.name}`} data-operation={op.name}>
                    <Table.Td maw={360}>
                      <Group gap={6} wrap="nowrap">
                        <Badge size="xs" variant="light" color="gray" style={{ flex: "none" }}>
                          {op.kind}
                        </Badge>
                        <Anchor component={Link} prefetch={false} href={traceSearchLink({ service, operation: op.name, fromMs: range.from, toMs: range.to, sort: "duration" })} size="sm" miw={0}>
                          <TruncatedValue value={op.name} size="sm" />
                        </Anchor>
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{tl("perSecond", { rate: formatRate(op.rate) })}</Table.Td>
                    <Table.Td ta="right" c={op.errorRate ? "red" : undefined}>
                      {formatPercent(op.errorRate)}
                    </Table.Td>
                    <Table.Td ta="right">{op.p95 === null ? "–" : formatDurationMs(op.p95)}</Table.Td>
                    <Table.Td>{op.kind === "SERVER" || op.kind === "CONSUMER" ? <WhySlowLink service={service} operation={op.name} fromMs={range.from} toMs={range.to} size="xs" /> : null}</Table.Td>
                    <Table.Td>
                      <Group gap={8} wrap="nowrap">
                        <Progress value={Math.min(op.impact, 1) * 100} w={120} size="sm" aria-hidden />
                        <Text size="sm">{formatPercent(op.impact)}</Text>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryStates>
    </SectionCard>
  );
}
