"use client";

import { Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { SaturationAlert } from "@/components/forecast/saturation-alert";
import { useSaturationForecast } from "@/components/forecast/use-saturation-forecast";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import type { SaturationSubject } from "@/lib/forecast/describe-forecast";
import type { Point } from "@/lib/forecast/forecast-saturation";
import { sumSeries } from "@/lib/forecast/sum-series";
import { connectionsQueries } from "./database-queries";
import { IdleSessions } from "./idle-sessions";

const SERVER: SaturationSubject = { kind: "connections" };

/**
 * Client connections of this database by state and of the whole server, against the server's
 * max_connections, with the saturation forecast of the server's total (max_connections is a
 * limit of the server, not of one database).
 */
export function ConnectionsCard({ range, database }: { range: RangeKey; database: string }) {
  const t = useTranslations("database.connections");
  const queries = connectionsQueries(range, database);
  const byState = useQuery({ ...queries.byState, placeholderData: keepPreviousData });
  const server = useQuery({ ...queries.server, placeholderData: keepPreviousData });
  const max = useQuery({ ...queries.max, placeholderData: keepPreviousData });
  const total = useMemo<Point[] | null>(() => (server.data ? sumSeries(server.data.series.map((s) => s.points)) : null), [server.data]);
  const limit = useMemo<Point[] | null>(() => (max.data ? sumSeries(max.data.series.map((s) => s.points)) : null), [max.data]);
  const view = useSaturationForecast({ series: total, limit, subject: SERVER, range, limitName: t("max") });
  const series = useMemo(
    () => [
      ...(byState.data?.series ?? []).map((s) => ({ name: s.labels.state ?? t("unknownState"), points: s.points })),
      // A mid grey that reads on both themes' backgrounds.
      { name: t("serverTotal"), points: total ?? [], color: "#868e96" },
      ...view.overlay,
    ],
    [byState.data, total, view.overlay, t],
  );
  const error = byState.error ?? server.error ?? max.error;
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
          <>
            <TimeSeriesChart
              series={series}
              range={{ fromMs: range.from, toMs: view.endMs }}
              unit="count"
              height={240}
              ariaLabel={t("title")}
              loading={byState.isPending || server.isPending || max.isPending}
            />
            <SaturationAlert view={view} />
          </>
        )}
        <IdleSessions range={range} database={database} />
      </Stack>
    </SectionCard>
  );
}
