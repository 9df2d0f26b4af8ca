"use client";

import { SimpleGrid, Skeleton, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { HALF_WIDTH_PX, TypicalChartWidth } from "@/components/charts/server-chart-svg";
import { gaugeQuery, metricLabelValuesQuery } from "@/components/forecast/forecast-queries";
import { POOL_MAX_METRIC, PoolSaturation } from "@/components/forecast/pool-saturation";
import { QUEUE_DEPTH_METRIC, QueueSaturation } from "@/components/forecast/queue-saturation";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import { SERVICE_LABEL } from "@/lib/schemas/metrics";

const QUEUE_LABEL = "messaging.destination.name";

/**
 * The client side of the database: each service's connection pool (and the shop's queues) against
 * its limit, with the saturation forecast. Pools are not tied to one monitored database, so every
 * tab shows them all.
 */
export function SaturationCard({ range }: { range: RangeKey }) {
  const t = useTranslations("database.saturation");
  const pools = useQuery({ ...metricLabelValuesQuery(range, POOL_MAX_METRIC, SERVICE_LABEL), placeholderData: keepPreviousData });
  const queues = useQuery({ ...gaugeQuery(range, { name: QUEUE_DEPTH_METRIC, agg: "max", groupBy: [SERVICE_LABEL, QUEUE_LABEL] }), placeholderData: keepPreviousData });
  const poolServices = pools.data?.values ?? [];
  const queueList = (queues.data?.series ?? []).flatMap((s) => {
    const service = s.labels[SERVICE_LABEL];
    const queue = s.labels[QUEUE_LABEL];
    return service && queue ? [{ service, queue }] : [];
  });
  const error = pools.error ?? queues.error;
  return (
    <SectionCard title={t("title")} description={t("description")}>
      {error ? (
        <QueryErrorAlert title={t("failed")} error={error} onRetry={() => void Promise.all([pools.refetch(), queues.refetch()])} />
      ) : pools.isPending || queues.isPending ? (
        <Skeleton h={200} />
      ) : poolServices.length === 0 && queueList.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("none")}
        </Text>
      ) : (
        <TypicalChartWidth value={HALF_WIDTH_PX}>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {poolServices.map((service) => (
              <PoolSaturation key={`pool:${service}`} service={service} range={range} />
            ))}
            {queueList.map(({ service, queue }) => (
              <QueueSaturation key={`queue:${service}:${queue}`} service={service} queue={queue} range={range} />
            ))}
          </SimpleGrid>
        </TypicalChartWidth>
      )}
    </SectionCard>
  );
}
