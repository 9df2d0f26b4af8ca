"use client";

import { Alert, Anchor, Group, Paper, Skeleton, Stack, Table, Text, useComputedColorScheme, useMantineTheme } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { EChart, type EChartEventHandlers } from "@/components/charts/echart";
import { ServiceColorsProvider } from "@/components/traces/service-colors-context";
import { ServiceName } from "@/components/traces/service-name";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { rangeKey } from "@/lib/client/query-keys";
import type { TimeRange } from "@/lib/client/time-range";
import { useTimeRange } from "@/lib/client/use-time-range";
import type { ServiceMapEdge, ServiceMapNode } from "@/lib/schemas/service-map";
import { buildGraphOption } from "@/lib/service-map/build-graph-option";
import { graphHeight, layoutServiceGraph } from "@/lib/service-map/layout-service-graph";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { traceSearchHref } from "@/lib/trace/search/search-params";
import { serviceMapQuery } from "./service-map-query";

/** The traces behind a node: every trace with a span of the service. */
export function nodeTracesHref(node: string, range: TimeRange): string {
  return traceSearchHref("/traces", { from: range.fromMs, to: range.toMs, rel: range.rel, service: node });
}

/**
 * The traces behind an edge. A peer call is a CLIENT span of the caller naming the callee; a
 * span call is a span of the callee in a trace that also passes through the caller.
 */
export function edgeTracesHref(edge: ServiceMapEdge, range: TimeRange): string {
  const window = { from: range.fromMs, to: range.toMs, rel: range.rel };
  return edge.via === "peer"
    ? traceSearchHref("/traces", { ...window, service: edge.source, attr: [`peer.service=${edge.target}`] })
    : traceSearchHref("/traces", { ...window, service: edge.target, touches: edge.source });
}

const percent = (share: number) => `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 1)}%`;
const rate = (perSecond: number) => (perSecond >= 10 ? perSecond.toFixed(0) : perSecond >= 1 ? perSecond.toFixed(1) : perSecond.toFixed(2));

export function ServiceMap() {
  const t = useTranslations("serviceMap");
  const router = useRouter();
  const theme = useMantineTheme();
  const scheme = useComputedColorScheme("light", { getInitialValueInEffect: true });
  const { range } = useTimeRange();
  const key = range ? rangeKey(range) : null;
  const map = useQuery({ ...serviceMapQuery(key ?? { from: 0, to: 1 }), enabled: key !== null, placeholderData: keepPreviousData });

  const describeEdge = useCallback(
    (edge: ServiceMapEdge) => t("edgeLabel", { rate: rate(edge.requestsPerSecond), errors: percent(edge.errorRate), p95: formatDurationMs(edge.p95Ms) }),
    [t],
  );
  const option = useMemo(
    () =>
      map.data
        ? buildGraphOption(
            map.data,
            {
              edge: describeEdge,
              node: (node: ServiceMapNode) => (node.instrumented ? node.name : t("external", { name: node.name })),
              nodeTooltip: (node) => (node.instrumented ? t("nodeTooltip", { name: node.name, requests: node.requests, errors: node.errors }) : t("externalTooltip", { name: node.name })),
              edgeTooltip: (edge) => t("edgeTooltip", { source: edge.source, target: edge.target, calls: edge.calls, errors: edge.errors, label: describeEdge(edge) }),
            },
            {
              text: scheme === "dark" ? theme.colors.dark[0] : theme.colors.gray[8],
              background: scheme === "dark" ? theme.colors.dark[7] : theme.white,
              edge: scheme === "dark" ? theme.colors.dark[2] : theme.colors.gray[5],
              warning: theme.colors.orange[6],
              error: theme.colors.red[6],
            },
          )
        : {},
    [map.data, describeEdge, t, theme, scheme],
  );

  const serviceNames = useMemo(() => map.data?.nodes.map((n) => n.name) ?? [], [map.data]);
  const height = useMemo(() => (map.data ? graphHeight(layoutServiceGraph(map.data.nodes.map((n) => n.name), map.data.edges)) : 480), [map.data]);

  const handlers = useMemo<EChartEventHandlers>(
    () => ({
      click: (params) => {
        if (!range) return;
        const data = params.data as { node?: ServiceMapNode; edge?: ServiceMapEdge } | undefined;
        if (params.dataType === "edge" && data?.edge) router.push(edgeTracesHref(data.edge, range));
        else if (data?.node) router.push(nodeTracesHref(data.node.name, range));
      },
    }),
    [range, router],
  );

  if (!range) return <Skeleton h={520} />;
  if (map.isError) return <QueryErrorAlert title={t("errorTitle")} error={map.error} onRetry={() => void map.refetch()} />;
  const empty = map.data && map.data.nodes.length === 0;
  return (
    <ServiceColorsProvider services={serviceNames}>
      <Stack gap="md">
        <SectionCard title={t("graphTitle")} description={t("graphHint")}>
          {empty ? (
            <Alert variant="light" icon={<IconInfoCircle size={18} />} title={t("emptyTitle")}>
              {t("empty")}
            </Alert>
          ) : (
            <EChart option={option} ariaLabel={t("graphLabel", { services: map.data?.nodes.length ?? 0, calls: map.data?.edges.length ?? 0 })} height={height} loading={map.isPending} onEvents={handlers} />
          )}
        </SectionCard>
        {map.data && map.data.edges.length > 0 && (
          <SectionCard title={t("tableTitle")} description={t("tableHint")}>
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing={6} fz="sm" aria-label={t("tableTitle")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("caller")}</Table.Th>
                    <Table.Th>{t("callee")}</Table.Th>
                    <Table.Th ta="right">{t("rate")}</Table.Th>
                    <Table.Th ta="right">{t("errorRate")}</Table.Th>
                    <Table.Th ta="right">{t("p95")}</Table.Th>
                    <Table.Th ta="right">{t("calls")}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {map.data.edges.map((edge) => (
                    <Table.Tr key={`${edge.source}>${edge.target}`} data-edge={`${edge.source}>${edge.target}`}>
                      <Table.Td>
                        <ServiceName name={edge.source} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <ServiceName name={edge.target} />
                          {edge.via === "peer" && (
                            <Text size="xs" c="dimmed">
                              {t("viaPeer")}
                            </Text>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right">{t("perSecond", { rate: rate(edge.requestsPerSecond) })}</Table.Td>
                      <Table.Td ta="right" c={edge.errors > 0 ? "red" : undefined}>
                        {percent(edge.errorRate)}
                      </Table.Td>
                      <Table.Td ta="right">{formatDurationMs(edge.p95Ms)}</Table.Td>
                      <Table.Td ta="right">{edge.calls.toLocaleString()}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} href={edgeTracesHref(edge, range)} size="sm" prefetch={false}>
                          {t("openTraces")}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </SectionCard>
        )}
        {map.data && map.data.nodes.length > 0 && (
          <Paper p="xs">
            <Text size="xs" c="dimmed">
              {t("legend")}
            </Text>
          </Paper>
        )}
      </Stack>
    </ServiceColorsProvider>
  );
}
