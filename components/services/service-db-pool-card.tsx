"use client";

import { Group, Stack, Text } from "@mantine/core";
import { IconDatabaseOff } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { QueryStates } from "@/components/ui/query-states";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import type { DbPool } from "@/lib/services/schemas";
import { formatDurationMs } from "@/lib/trace/format-duration";
import { servicePartQuery } from "./services-queries";

/** The service's database connection pools: in use, idle and waiting against the maximum. */
export function ServiceDbPoolCard({ service, range }: { service: string; range: RangeKey }) {
  const t = useTranslations("services.dbPool");
  const query = useQuery({ ...servicePartQuery(service, "db-pool", range), placeholderData: keepPreviousData });
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      <QueryStates query={query} loadError={t("failed")} isEmpty={(data) => data.pools.length === 0} empty={{ icon: IconDatabaseOff, text: t("empty") }}>
        {(data) => (
          <Stack gap="md">
            {data.pools.map((pool) => (
              <Pool key={pool.pool} pool={pool} range={range} service={service} />
            ))}
          </Stack>
        )}
      </QueryStates>
    </SectionCard>
  );
}

function Pool({ pool, range, service }: { pool: DbPool; range: RangeKey; service: string }) {
  const t = useTranslations("services.dbPool");
  const n = (value: number | null) => (value === null ? "–" : String(Math.round(value)));
  const { latest } = pool;
  const full = latest.used !== null && latest.max !== null && latest.max > 0 && latest.used >= latest.max;
  return (
    <Stack gap={4}>
      <Group gap="lg">
        {pool.pool && <Text fw={600}>{pool.pool}</Text>}
        <Text size="sm" c={full ? "red" : undefined}>
          {t("inUse", { used: n(latest.used), max: n(latest.max) })}
        </Text>
        <Text size="sm">{t("idle", { idle: n(latest.idle) })}</Text>
        <Text size="sm" c={latest.pending ? "orange" : undefined}>
          {t("waiting", { pending: n(latest.pending) })}
        </Text>
        <Text size="sm">{t("waitP95", { wait: latest.waitP95Ms === null ? "–" : formatDurationMs(latest.waitP95Ms) })}</Text>
      </Group>
      <TimeSeriesChart
        range={{ fromMs: range.from, toMs: range.to }}
        unit="count"
        height={180}
        ariaLabel={t("chartLabel", { service, pool: pool.pool })}
        annotationService={service}
        yMin={0}
        series={[
          { name: t("used"), points: pool.used, area: true, stack: "pool" },
          { name: t("idleSeries"), points: pool.idle, area: true, stack: "pool" },
          { name: t("max"), points: pool.max, dashed: true },
          { name: t("pending"), points: pool.pending },
        ]}
      />
    </Stack>
  );
}
