"use client";

import { Anchor, Group, Skeleton, Stack, Text } from "@mantine/core";
import { IconDatabaseOff } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DATABASE_LABEL, databaseHealthQueries } from "@/components/database/database-queries";
import { formatPercent } from "@/components/services/format";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import { rangeKey, type RangeKey } from "@/lib/client/query-keys";
import { useTimeRange } from "@/lib/client/use-time-range";
import type { MetricQueryResponse } from "@/lib/schemas/metrics";

// One line per database the db agent monitors (agents/db/health-metrics.ts): connections
// against the server's max_connections, deadlocks in the window, and the cache hit ratio.

const latestBy = (response: MetricQueryResponse | undefined) =>
  new Map((response?.series ?? []).map((series) => [series.labels[DATABASE_LABEL] ?? "", series.points.at(-1)?.[1] ?? null]));
const totalBy = (response: MetricQueryResponse | undefined) =>
  new Map((response?.series ?? []).map((series) => [series.labels[DATABASE_LABEL] ?? "", series.points.reduce((sum, [, value]) => sum + value, 0)]));

export function DatabaseHealthCard() {
  const t = useTranslations("overview.databases");
  const { range } = useTimeRange();
  return <SectionCard title={t("title")} description={t("hint")}>{range ? <DatabaseLines range={rangeKey(range)} /> : <Skeleton h={60} />}</SectionCard>;
}

function DatabaseLines({ range }: { range: RangeKey }) {
  const t = useTranslations("overview.databases");
  const queries = databaseHealthQueries(range);
  const backends = useQuery({ ...queries.backends, placeholderData: keepPreviousData });
  const max = useQuery({ ...queries.max, placeholderData: keepPreviousData });
  const deadlocks = useQuery({ ...queries.deadlocks, placeholderData: keepPreviousData });
  const cache = useQuery({ ...queries.cache, placeholderData: keepPreviousData });
  const results = [backends, max, deadlocks, cache];
  const failed = results.find((q) => q.isError);
  if (failed?.error) return <QueryErrorAlert title={t("failed")} error={failed.error} onRetry={() => results.forEach((q) => void q.refetch())} />;
  if (results.some((q) => q.isPending)) return <Skeleton h={60} />;
  const connections = latestBy(backends.data);
  const names = [...connections.keys()].filter(Boolean).sort();
  if (names.length === 0) {
    return (
      <Group gap="xs" c="dimmed">
        <IconDatabaseOff size={18} />
        <Text size="sm">{t("empty")}</Text>
      </Group>
    );
  }
  const maxConnections = max.data?.series[0]?.points.at(-1)?.[1] ?? null;
  const deadlockCounts = totalBy(deadlocks.data);
  const hitRatios = latestBy(cache.data);
  const n = (value: number | null | undefined) => (value === null || value === undefined ? "–" : String(Math.round(value)));
  return (
    <Stack gap={6}>
      {names.map((name) => {
        const used = connections.get(name) ?? null;
        const crowded = used !== null && maxConnections !== null && used >= 0.8 * maxConnections;
        const locked = (deadlockCounts.get(name) ?? 0) > 0;
        const hit = hitRatios.get(name) ?? null;
        return (
          <Group key={name} gap="lg" wrap="wrap" data-database={name}>
            <Anchor component={Link} href={`/database?db=${encodeURIComponent(name)}`} prefetch={false} fw={600} size="sm">
              {name}
            </Anchor>
            <Text size="sm" c={crowded ? "red" : undefined}>
              {t("connections", { used: n(used), max: n(maxConnections) })}
            </Text>
            <Text size="sm" c={locked ? "red" : "dimmed"}>
              {t("deadlocks", { count: Math.round(deadlockCounts.get(name) ?? 0) })}
            </Text>
            <Text size="sm" c={hit !== null && hit < 0.9 ? "orange" : "dimmed"}>
              {t("cacheHit", { ratio: formatPercent(hit) })}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
