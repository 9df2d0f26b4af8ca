"use client";

import { Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import type { RangeKey } from "@/lib/client/query-keys";
import type { SaturationSubject } from "@/lib/forecast/describe-forecast";
import type { Point } from "@/lib/forecast/forecast-saturation";
import { sumSeries } from "@/lib/forecast/sum-series";
import { gaugeQuery, type GaugeRequest } from "./forecast-queries";
import { SaturationAlert } from "./saturation-alert";
import { useSaturationForecast } from "./use-saturation-forecast";

/**
 * One gauge against its limit over the window, with the forecast drawn and said when it warns.
 * Several matching series (pools of one service, say) are summed, as are their limits.
 */
export function GaugeSaturation({
  range,
  gauge,
  limit,
  subject,
  title,
  seriesName,
  color,
  height = 200,
}: {
  range: RangeKey;
  gauge: GaugeRequest;
  limit: GaugeRequest;
  subject: SaturationSubject;
  title: string;
  seriesName: string;
  color?: string;
  height?: number;
}) {
  const t = useTranslations("forecast");
  const value = useQuery({ ...gaugeQuery(range, gauge), placeholderData: keepPreviousData });
  const max = useQuery({ ...gaugeQuery(range, limit), placeholderData: keepPreviousData });
  const points = useMemo<Point[] | null>(() => (value.data ? sumSeries(value.data.series.map((s) => s.points)) : null), [value.data]);
  const limitPoints = useMemo<Point[] | null>(() => (max.data ? sumSeries(max.data.series.map((s) => s.points)) : null), [max.data]);
  const view = useSaturationForecast({ series: points, limit: limitPoints, subject, range });
  const error = value.error ?? max.error;
  const loading = value.isPending || max.isPending;
  return (
    <Stack gap={6} component="section" aria-label={title} aria-busy={loading}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {error ? (
        <QueryErrorAlert title={t("failed")} error={error} onRetry={() => void Promise.all([value.refetch(), max.refetch()])} />
      ) : points !== null && points.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("noData", { name: gauge.name })}
        </Text>
      ) : (
        <>
          <TimeSeriesChart
            series={[{ name: seriesName, points: points ?? [], color }, ...view.overlay]}
            range={{ fromMs: range.from, toMs: view.endMs }}
            unit="count"
            height={height}
            ariaLabel={title}
            loading={loading}
          />
          <SaturationAlert view={view} />
        </>
      )}
    </Stack>
  );
}
