"use client";

import { Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { EChart } from "@/components/charts/echart";
import type { EChartOption } from "@/components/charts/echarts-setup";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import type { RangeKey } from "@/lib/client/query-keys";
import type { MetricQueryResponse } from "@/lib/schemas/metrics";
import { databaseMetricQuery, type MetricRequest } from "./database-queries";

/** Lines over the window, one per series; `seriesName` names each from its labels. */
export function metricLineOption(range: RangeKey, answers: { data: MetricQueryResponse; name: (labels: Record<string, string>) => string; dashed?: boolean }[]): EChartOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: "time", min: range.from, max: range.to },
    yAxis: { type: "value" },
    series: answers.flatMap(({ data, name, dashed }) =>
      data.series.map((series) => ({
        type: "line" as const,
        name: name(series.labels),
        showSymbol: false,
        lineStyle: dashed ? { type: "dashed" as const } : undefined,
        data: series.points,
      })),
    ),
  };
}

/** One agent metric charted; says so plainly when the agent has sent none in the window. */
export function MetricChart({ range, request, title, height = 180 }: { range: RangeKey; request: MetricRequest; title: string; height?: number }) {
  const t = useTranslations("database");
  const answer = useQuery({ ...databaseMetricQuery(range, request), placeholderData: keepPreviousData });
  const option = useMemo(() => (answer.data ? metricLineOption(range, [{ data: answer.data, name: () => title }]) : {}), [answer.data, range, title]);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {title} {answer.data?.unit && answer.data.unit !== "1" ? <Text span c="dimmed" size="xs">({answer.data.unit})</Text> : null}
      </Text>
      {answer.error ? (
        <QueryErrorAlert title={t("metricFailed", { name: request.name })} error={answer.error} onRetry={() => void answer.refetch()} />
      ) : answer.data && answer.data.series.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("noMetric", { name: request.name })}
        </Text>
      ) : (
        <EChart option={option} ariaLabel={title} height={height} loading={answer.isPending} />
      )}
    </Stack>
  );
}
