"use client";

import { Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { EChart } from "@/components/charts/echart";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { buildHeatmapOption } from "./heatmap-option";
import { metricHeatmapQuery } from "./metric-queries";

/** Observations of one histogram query per bucket and step. */
export function MetricHeatmapChart({ spec, letter, range, height }: { spec: MetricQuerySpec; letter: string; range: { fromMs: number; toMs: number }; height: number }) {
  const t = useTranslations("metrics.chart");
  const locale = useLocale();
  const answer = useQuery({ ...metricHeatmapQuery({ from: range.fromMs, to: range.toMs }, spec), placeholderData: keepPreviousData });
  const built = useMemo(() => {
    if (!answer.data) return null;
    const long = range.toMs - range.fromMs > 86_400_000;
    const timeFormat = new Intl.DateTimeFormat(locale, long ? { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    return buildHeatmapOption({
      answer: answer.data,
      range,
      locale,
      timeLabel: (ms) => timeFormat.format(ms),
      labels: { upTo: (bound) => t("upTo", { bound }), above: (bound) => t("above", { bound }), observations: t("observations") },
    });
  }, [answer.data, range, locale, t]);
  const ariaLabel = t("heatmapAriaLabel", { name: spec.label || spec.name });

  if (answer.error) return <QueryErrorAlert title={t("failed", { letter })} error={answer.error} onRetry={() => void answer.refetch()} />;
  if (answer.data && answer.data.type !== null && answer.data.upperBounds.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("heatmapNeedsHistogram", { letter })}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid={`metric-heatmap-${letter}`}>
      {answer.data && answer.data.cells.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("noData")}
        </Text>
      ) : null}
      <EChart option={built?.option ?? {}} ariaLabel={ariaLabel} height={height} loading={answer.isPending} />
    </Stack>
  );
}
