"use client";

import { SimpleGrid } from "@mantine/core";
import { useTranslations } from "next-intl";
import { THIRD_WIDTH_PX, TypicalChartWidth } from "@/components/charts/server-chart-svg";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import type { MetricAgg } from "@/lib/schemas/metrics";
import { DATABASE_LABEL } from "./database-queries";
import { MetricChart } from "./metric-chart";

// The db agent's health metrics of one database (agents/db/health-metrics.ts), one chart each.
const HEALTH_METRICS = [
  { key: "lockWaiting", name: "postgresql.lock.waiting", agg: "max" },
  { key: "lockWaitMax", name: "postgresql.lock.wait.max_duration", agg: "max" },
  { key: "idleInTransaction", name: "postgresql.idle_in_transaction.count", agg: "max" },
  { key: "idleInTransactionMax", name: "postgresql.idle_in_transaction.max_duration", agg: "max" },
  { key: "longestTransaction", name: "postgresql.transaction.max_duration", agg: "max" },
  { key: "deadlocks", name: "postgresql.deadlocks", agg: "sum" },
  { key: "commits", name: "postgresql.commits", agg: "rate" },
  { key: "rollbacks", name: "postgresql.rollbacks", agg: "rate" },
  { key: "cacheHitRatio", name: "postgresql.cache.hit_ratio", agg: "avg" },
  { key: "tempBytes", name: "postgresql.temp.io", agg: "sum" },
  { key: "backends", name: "postgresql.backends", agg: "max" },
  { key: "size", name: "postgresql.db_size", agg: "max" },
] as const satisfies readonly { key: string; name: string; agg: MetricAgg }[];

export function HealthCard({ range, database }: { range: RangeKey; database: string }) {
  const t = useTranslations("database.health");
  return (
    <SectionCard title={t("title")} description={t("description")}>
      <TypicalChartWidth value={THIRD_WIDTH_PX}>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {HEALTH_METRICS.map((metric) => (
            <MetricChart key={metric.key} range={range} title={t(`metrics.${metric.key}`)} request={{ name: metric.name, agg: metric.agg, filter: { [DATABASE_LABEL]: database } }} />
          ))}
        </SimpleGrid>
      </TypicalChartWidth>
    </SectionCard>
  );
}
