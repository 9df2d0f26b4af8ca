"use client";

import { SimpleGrid, Stack, Text, useMantineTheme } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { THIRD_WIDTH_PX, TypicalChartWidth } from "@/components/charts/typical-chart-width";
import { TimeSeriesChart, type ChartMarker, type ChartSeries, type TimeWindow } from "@/components/charts/time-series-chart";
import { SectionCard } from "@/components/ui/section-card";
import type { RangeKey } from "@/lib/client/query-keys";
import { traceSearchLink } from "@/lib/client/trace-link";
import type { RedPoint } from "@/lib/schemas/red";
import { DAY_MS, serviceRedQueries } from "./services-queries";

const BASELINES = [
  { key: "day", shiftMs: DAY_MS },
  { key: "week", shiftMs: 7 * DAY_MS },
] as const;

type Metric = "rate" | "errorRate" | "timeoutRate" | "p50" | "p95" | "p99";

/**
 * Rate, errors (and timeouts) and latency of the service's requests, with the same window a day
 * and a week earlier drawn faintly behind, and the version changes as markers. A click on a
 * point opens the requests of that bucket: slowest first from the latency chart, failing ones
 * from the error chart.
 */
export function ServiceRedCharts({ service, kind, range, markers }: { service: string; kind: string | null; range: RangeKey; markers: readonly ChartMarker[] }) {
  const t = useTranslations("services.red");
  const theme = useMantineTheme();
  const queries = serviceRedQueries(service, range, kind);
  const current = useQuery({ ...queries.current, placeholderData: keepPreviousData });
  const day = useQuery({ ...queries.day, placeholderData: keepPreviousData });
  const week = useQuery({ ...queries.week, placeholderData: keepPreviousData });
  const window = useMemo(() => ({ fromMs: range.from, toMs: range.to }), [range]);

  const series = useMemo(() => {
    const line = (points: RedPoint[] | undefined, metric: Metric, shiftMs = 0) => (points ?? []).map((p) => [p.time + shiftMs, p[metric]] as [number, number | null]);
    const baselines = (metric: Metric): ChartSeries[] =>
      BASELINES.map(({ key, shiftMs }, i) => ({ name: t(`baseline.${key}`), points: line([day.data, week.data][i]?.points, metric, shiftMs), faint: true, dashed: key === "week" }));
    const points = current.data?.points;
    return {
      rate: [{ name: t("rate"), points: line(points, "rate"), area: true }, ...baselines("rate")],
      errors: [{ name: t("errors"), points: line(points, "errorRate") }, { name: t("timeouts"), points: line(points, "timeoutRate"), dashed: true }, ...baselines("errorRate")],
      latency: [
        { name: "p50", points: line(points, "p50"), color: theme.colors.teal[6] },
        { name: "p95", points: line(points, "p95"), color: theme.colors.orange[6] },
        { name: "p99", points: line(points, "p99"), color: theme.colors.red[7] },
        ...baselines("p95"),
      ],
    } satisfies Record<string, ChartSeries[]>;
  }, [current.data, day.data, week.data, t, theme]);

  const link = (options: { sort?: "duration"; status?: "error" }) => (bucket: TimeWindow) => traceSearchLink({ service, fromMs: bucket.fromMs, toMs: bucket.toMs, ...options });
  const stepMs = current.data ? current.data.step * 1_000 : undefined;
  const common = { range: window, height: 220, loading: current.isPending, markers, stepMs, annotationService: service };
  return (
    <SectionCard title={t("title")} description={t("hint")}>
      <Stack gap="xs">
        {current.isError && (
          <Text size="sm" c="red">
            {t("failed")}
          </Text>
        )}
        <TypicalChartWidth value={THIRD_WIDTH_PX}>
          <SimpleGrid cols={{ base: 1, lg: 3 }}>
            <TimeSeriesChart {...common} series={series.rate} unit="perSecond" ariaLabel={t("rateLabel", { service })} traceLink={link({})} />
            <TimeSeriesChart {...common} series={series.errors} unit="ratio" ariaLabel={t("errorsLabel", { service })} traceLink={link({ status: "error" })} yMin={0} />
            <TimeSeriesChart {...common} series={series.latency} unit="ms" ariaLabel={t("latencyLabel", { service })} traceLink={link({ sort: "duration" })} />
          </SimpleGrid>
        </TypicalChartWidth>
      </Stack>
    </SectionCard>
  );
}
