"use client";

import { Stack, Text } from "@mantine/core";
import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { EChart } from "@/components/charts/echart";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { queryLetter } from "@/lib/metrics/series-name";
import type { MetricExemplar } from "@/lib/schemas/metrics";
import { buildMetricLineChart, type AnsweredQuery, type ExemplarSet } from "./metric-chart-option";
import { MetricHeatmapChart } from "./metric-heatmap-chart";
import { metricExemplarsQuery, metricSeriesQuery } from "./metric-queries";
import { exemplarsApply } from "./exemplars-apply";

/** A click on a drawn point: the query and series it belongs to and the bucket it stands for. */
export interface MetricPointClick {
  letter: string;
  spec: MetricQuerySpec;
  labels: Record<string, string>;
  fromMs: number;
  toMs: number;
}

function sameResults<T>(results: T): T {
  return results;
}

export interface MetricQueryChartProps {
  queries: MetricQuerySpec[];
  range: { fromMs: number; toMs: number };
  /** Height of each chart (the line chart, and each heatmap). */
  height?: number;
  /** Letters naming the queries in legends; A, B, … by default. */
  letters?: string[];
  /** A small legend under the chart (a dashboard panel) instead of a full one above it. */
  compactLegend?: boolean;
  /** Draw the exemplars of histogram queries (percentiles, min/max/avg) as points. */
  showExemplars?: boolean;
  onPointClick?: (point: MetricPointClick) => void;
  onExemplarClick?: (exemplar: MetricExemplar) => void;
}

/**
 * Several metric queries over one window: line, area and bar queries on one chart (one request
 * each), each heatmap query as its own chart below (cells need category axes of their own).
 */
export function MetricQueryChart({ queries, range, height = 320, letters, compactLegend = false, showExemplars = false, onPointClick, onExemplarClick }: MetricQueryChartProps) {
  const t = useTranslations("metrics.chart");
  const locale = useLocale();
  const rangeKey = { from: range.fromMs, to: range.toMs };
  const lettered = useMemo(() => queries.map((spec, index) => ({ spec, letter: letters?.[index] ?? queryLetter(index) })), [queries, letters]);
  const lines = useMemo(() => lettered.filter((q) => q.spec.chart !== "heatmap"), [lettered]);
  const heatmaps = lettered.filter((q) => q.spec.chart === "heatmap");

  // `combine` keeps each list's identity until one of its queries changes, so the chart option
  // below is rebuilt (and ECharts redrawn) only when data arrives, not on every render.
  const answers = useQueries({ queries: lines.map((q) => ({ ...metricSeriesQuery(rangeKey, q.spec), placeholderData: keepPreviousData })), combine: sameResults });
  const exemplarAnswers = useQueries({
    queries: lines.map((q, index) => ({ ...metricExemplarsQuery(rangeKey, q.spec), enabled: showExemplars && exemplarsApply(answers[index]?.data) })),
    combine: sameResults,
  });

  const chart = useMemo(() => {
    const answered: AnsweredQuery[] = lines.flatMap((q, index) => {
      const data = answers[index]?.data;
      return data ? [{ ...q, answer: data }] : [];
    });
    const exemplarSets: ExemplarSet[] = lines.flatMap((q, index) => {
      const data = exemplarAnswers[index]?.data;
      return showExemplars && data && exemplarsApply(answers[index]?.data) ? [{ letter: q.letter, exemplars: data.exemplars }] : [];
    });
    return { answered, ...buildMetricLineChart({ queries: answered, exemplars: exemplarSets, range: { fromMs: range.fromMs, toMs: range.toMs }, locale, compactLegend, exemplarsLabel: t("exemplars") }) };
  }, [answers, exemplarAnswers, lines, showExemplars, range.fromMs, range.toMs, locale, compactLegend, t]);
  const answered = chart.answered;

  const failed = lines.flatMap((q, index) => {
    const error = answers[index]?.error;
    return error ? [{ letter: q.letter, error, retry: () => void answers[index]?.refetch() }] : [];
  });
  const pending = answers.some((a) => a.isPending);
  const empty = !pending && answered.length > 0 && answered.every((q) => q.answer.series.length === 0);
  const raised = answered.filter((q) => q.answer.requestedStep != null && q.answer.step > q.answer.requestedStep);
  const ariaLabel = t("ariaLabel", { queries: lines.map((q) => q.spec.label || q.spec.name).join(", ") });

  return (
    <Stack gap="sm">
      {failed.map((f) => (
        <QueryErrorAlert key={f.letter} title={t("failed", { letter: f.letter })} error={f.error} onRetry={f.retry} />
      ))}
      {lines.length > 0 ? (
        <div data-testid="metric-line-chart" data-series-count={chart.drawn.filter((d) => d.kind === "series").length}>
          {empty ? (
            <Text size="sm" c="dimmed">
              {t("noData")}
            </Text>
          ) : null}
          <EChart
            option={chart.option}
            ariaLabel={ariaLabel}
            height={height}
            loading={pending}
            onEvents={{
              click: (params) => {
                const drawn = chart.drawn[params.seriesIndex ?? -1];
                const value = params.value;
                if (!drawn || !Array.isArray(value)) return;
                if (drawn.kind === "exemplars") {
                  const exemplar = drawn.exemplars[params.dataIndex];
                  if (exemplar) onExemplarClick?.(exemplar);
                  return;
                }
                const time = Number(value[0]);
                onPointClick?.({ letter: drawn.letter, spec: drawn.spec, labels: drawn.labels, fromMs: time, toMs: Math.min(time + drawn.stepMs, range.toMs) });
              },
            }}
          />
        </div>
      ) : null}
      {raised.map((q) => (
        <Text key={q.letter} size="xs" c="dimmed">
          {t("stepRaised", { letter: q.letter, step: `${q.answer.step}s`, requested: `${q.answer.requestedStep}s` })}
        </Text>
      ))}
      {heatmaps.map((q) => (
        <MetricHeatmapChart key={q.letter} spec={q.spec} letter={q.letter} range={range} height={height} />
      ))}
      {queries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("noQueries")}
        </Text>
      ) : null}
    </Stack>
  );
}
