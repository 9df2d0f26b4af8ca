"use client";

import { Anchor, Badge, Group, List, Stack, Table, Text, Tooltip } from "@mantine/core";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useServiceColor } from "@/components/traces/service-colors-context";
import { ServiceName } from "@/components/traces/service-name";
import type { RangeKey } from "@/lib/client/query-keys";
import { traceSearchLink } from "@/lib/client/trace-link";
import type { HealthReason, ServiceHealth } from "@/lib/services/schemas";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { formatPercent, formatRate, servicePageHref, STATUS_COLOR } from "./format";
import { Sparkline } from "./sparkline";
import { useWindowHref } from "@/components/time-range/use-window-href";

const ms = (value: number | null) => (value === null ? "–" : formatDurationMs(value));

/**
 * Services and peers with their RED numbers, worst first, each coloured against its own
 * baseline with the reasons on hover. A row opens the service's page (a peer, which sends no
 * telemetry of its own: the calls to it). `compact` (the overview)
 * leaves out p50/p99 and the timeouts.
 */
export function ServiceHealthTable({ services, range, compact = false }: { services: readonly ServiceHealth[]; range: RangeKey; compact?: boolean }) {
  const t = useTranslations("services");
  const router = useRouter();
  const colorOf = useServiceColor();
  const withWindow = useWindowHref();
  return (
    <Table.ScrollContainer minWidth={compact ? 560 : 900}>
      <Table verticalSpacing={4} fz="sm" highlightOnHover aria-label={t("list.tableLabel")} style={{ whiteSpace: "nowrap" }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("columns.status")}</Table.Th>
            <Table.Th>{t("columns.name")}</Table.Th>
            <Table.Th ta="right">{t("columns.rate")}</Table.Th>
            <Table.Th ta="right">{t("columns.errors")}</Table.Th>
            {!compact && <Table.Th ta="right">{t("columns.timeouts")}</Table.Th>}
            {!compact && <Table.Th ta="right">p50</Table.Th>}
            <Table.Th ta="right">p95</Table.Th>
            {!compact && <Table.Th ta="right">p99</Table.Th>}
            <Table.Th>{t("columns.traffic")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {services.map((row) => {
            const href = row.type === "peer" ? traceSearchLink({ fromMs: range.from, toMs: range.to, attr: [`peer.service=${row.name}`] }) : withWindow(servicePageHref(row.name));
            return (
            <Table.Tr key={`${row.type}:${row.name}`} data-service={row.name} data-status={row.status} style={{ cursor: "pointer" }} onClick={() => router.push(href)}>
              <Table.Td>
                <StatusBadge row={row} />
              </Table.Td>
              <Table.Td maw={260}>
                <Group gap={6} wrap="nowrap">
                  {/* The link makes the row reachable by keyboard; a click anywhere on the row does the same. */}
                  <Anchor component={Link} href={href} prefetch={false} underline="never" c="inherit" miw={0} onClick={(event) => event.stopPropagation()}>
                    <ServiceName name={row.name} />
                  </Anchor>
                  {row.type === "peer" && (
                    <Text size="xs" c="dimmed">
                      {t("list.peer")}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{t("list.perSecond", { rate: formatRate(row.stats.rate) })}</Table.Td>
              <Table.Td ta="right" c={row.stats.errors > 0 ? "red" : undefined}>
                {formatPercent(row.stats.errorRate)}
              </Table.Td>
              {!compact && <Table.Td ta="right">{row.stats.timeouts.toLocaleString()}</Table.Td>}
              {!compact && <Table.Td ta="right">{ms(row.stats.p50)}</Table.Td>}
              <Table.Td ta="right">{ms(row.stats.p95)}</Table.Td>
              {!compact && <Table.Td ta="right">{ms(row.stats.p99)}</Table.Td>}
              <Table.Td>
                <Sparkline values={row.sparkline} color={colorOf(row.name)} ariaLabel={t("list.sparklineLabel", { name: row.name })} />
              </Table.Td>
            </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function StatusBadge({ row }: { row: ServiceHealth }) {
  const t = useTranslations("services");
  const label = t(`status.${row.status}`);
  const lines = row.reasons.map((reason, i) => <List.Item key={i}>{describeReason(reason, t)}</List.Item>);
  const tip = (
    <Stack gap={4} maw={320}>
      {lines.length > 0 ? <List size="xs">{lines}</List> : <Text size="xs">{t("reasons.none")}</Text>}
      {row.lowTraffic && <Text size="xs">{t("reasons.lowTraffic")}</Text>}
    </Stack>
  );
  return (
    <Tooltip label={tip} multiline withArrow>
      <Badge color={STATUS_COLOR[row.status]} variant="light" size="sm" aria-label={`${label}: ${row.reasons.map((r) => describeReason(r, t)).join("; ") || t("reasons.none")}`}>
        {label}
      </Badge>
    </Tooltip>
  );
}

type Translate = ReturnType<typeof useTranslations<"services">>;

/** "Error rate 12.0% vs 1.0% a day earlier" and the like. */
export function describeReason(reason: HealthReason, t: Translate): string {
  const value = (v: number | null) => (v === null ? "–" : reason.metric === "p95" ? formatDurationMs(v) : reason.metric === "rate" ? t("list.perSecond", { rate: formatRate(v) }) : formatPercent(v));
  const metric = t(`reasons.metric.${reason.metric}`);
  return reason.baseline === null
    ? t("reasons.absolute", { metric, current: value(reason.current) })
    : t("reasons.versus", { metric, current: value(reason.current), previous: value(reason.previous), baseline: t(`reasons.baseline.${reason.baseline}`) });
}
