"use client";

import { Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { EChart } from "@/components/charts/echart";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import { DATABASE_LABEL, databaseMetricQuery } from "./database-queries";
import { metricLineOption } from "./metric-chart";

/** Client connections of this database by state, against the server's max_connections. */
export function ConnectionsCard({ range, database }: { range: RangeKey; database: string }) {
  const t = useTranslations("database.connections");
  const byState = useQuery({
    ...databaseMetricQuery(range, { name: "postgresql.connection.count", agg: "max", filter: { [DATABASE_LABEL]: database }, groupBy: ["state"] }),
    placeholderData: keepPreviousData,
  });
  // max_connections is a server setting: the agent sends it without a database label.
  const max = useQuery({ ...databaseMetricQuery(range, { name: "postgresql.connection.max", agg: "max" }), placeholderData: keepPreviousData });
  const option = useMemo(
    () =>
      byState.data && max.data
        ? metricLineOption(range, [
            { data: byState.data, name: (labels) => labels.state ?? t("unknownState") },
            { data: max.data, name: () => t("max"), dashed: true },
          ])
        : {},
    [byState.data, max.data, range, t],
  );
  const error = byState.error ?? max.error;
  return (
    <SectionCard title={t("title")} description={t("description")}>
      <Stack>
        {error ? (
          <QueryErrorAlert title={t("failed")} error={error} />
        ) : byState.data && byState.data.series.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("none")}
          </Text>
        ) : (
          <EChart option={option} ariaLabel={t("title")} height={240} loading={byState.isPending || max.isPending} />
        )}
        <Text size="sm" c="dimmed">
          {t("idleSessionsMissing")}
        </Text>
      </Stack>
    </SectionCard>
  );
}
