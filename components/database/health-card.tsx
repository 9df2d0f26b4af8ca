"use client";

import { SimpleGrid } from "@mantine/core";
import { useTranslations } from "next-intl";
import { THIRD_WIDTH_PX, TypicalChartWidth } from "@/components/charts/typical-chart-width";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import { healthMetricRequests } from "./database-queries";
import { MetricChart } from "./metric-chart";

export function HealthCard({ range, database }: { range: RangeKey; database: string }) {
  const t = useTranslations("database.health");
  return (
    <SectionCard title={t("title")} description={t("description")}>
      <TypicalChartWidth value={THIRD_WIDTH_PX}>
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {healthMetricRequests(database).map(({ key, request }) => (
            <MetricChart key={key} range={range} title={t(`metrics.${key}`)} request={request} />
          ))}
        </SimpleGrid>
      </TypicalChartWidth>
    </SectionCard>
  );
}
