"use client";

import { SimpleGrid, Skeleton, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { HALF_WIDTH_PX, TypicalChartWidth } from "@/components/charts/typical-chart-width";
import { PoolSaturation } from "@/components/forecast/pool-saturation";
import { QueueSaturation } from "@/components/forecast/queue-saturation";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import { queuesIn, saturationListQueries } from "./database-queries";

/**
 * The client side of the database: each service's connection pool (and the shop's queues) against
 * its limit, with the saturation forecast. Pools are not tied to one monitored database, so every
 * tab shows them all.
 */
export function SaturationCard({ range }: { range: RangeKey }) {
  const t = useTranslations("database.saturation");
  const lists = saturationListQueries(range);
  const pools = useQuery({ ...lists.pools, placeholderData: keepPreviousData });
  const queues = useQuery({ ...lists.queues, placeholderData: keepPreviousData });
  const poolServices = pools.data?.values ?? [];
  const queueList = queuesIn(queues.data);
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
