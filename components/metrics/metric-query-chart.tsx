"use client";

import { Stack, Text } from "@mantine/core";
import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { TimeSeriesChart, type TimeWindow } from "@/components/charts/time-series-chart";
import { QueryErrorAlert } from "@/components/ui/query-error-alert";
import { traceSearchLink } from "@/lib/client/trace-link";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { metricTraceLink } from "@/lib/metrics/metric-trace-link";
import { queryLetter } from "@/lib/metrics/series-name";
import { exemplarsApply } from "./exemplars-apply";
import { metricChartSeries, type AnsweredQuery, type ExemplarSet } from "./metric-chart-series";
import { MetricHeatmapChart } from "./metric-heatmap-chart";
import { metricExemplarsQuery, metricSeriesQuery } from "./metric-queries";

export interface MetricQueryChartProps {
  queries: readonly MetricQuerySpec[];
  range: TimeWindow;
  /** Height of each chart (the line chart, and each heatmap). */
  height?: number;
  /** Letters naming the queries in legends; A, B, … by default. */
  letters?: readonly string[];
  /** Draw the exemplars of histogram queries (percentiles, min/max/avg) as points, and offer their traces on a click. */
  showExemplars?: boolean;
  /** A click (or a drag) on the chart opens the traces of that window (default on). */
  traceLinks?: boolean;
  /** Whose annotations to draw besides the global ones (see TimeSeriesChart). */
  annotationService?: string | null;
}

// `combine` keeps each list's identity until one of its queries changes, so the series below
// are rebuilt (and the chart redrawn) only when data arrives, not on every render.
function sameResults<T>(results: T): T {
  return results;
}

/**
 * Several metric queries over one window: line, area and bar queries on the app's one
 * time-series chart (one request each), each heatmap query as its own chart below (cells need
 * category axes of their own). A dashboard panel embeds it as it is.
 */
export function MetricQueryChart({ queries, range, height = 320, letters, showExemplars = false, traceLinks = true, annotationService }: MetricQueryChartProps) {
  const t = useTranslations("metrics.chart");
  const rangeKey = { from: range.fromMs, to: range.toMs };
  const lettered = useMemo(() => queries.map((spec, index) => ({ spec, letter: letters?.[index] ?? queryLetter(index) })), [queries, letters]);
  const lines = useMemo(() => lettered.filter((q) => q.spec.chart !== "heatmap"), [lettered]);
  const heatmaps = lettered.filter((q) => q.spec.chart === "heatmap");

  const answers = useQueries({ queries: lines.map((q) => ({ ...metricSeriesQuery(rangeKey, q.spec), placeholderData: keepPreviousData })), combine: sameResults });
  const exemplarAnswers = useQueries({
    queries: lines.map((q, index) => ({ ...metricExemplarsQuery(rangeKey, q.spec), enabled: showExemplars && exemplarsApply(answers[index]?.data) })),
    combine: sameResults,
  });

  const drawn = useMemo(() => {
    const answered: AnsweredQuery[] = lines.flatMap((q, index) => {
      const data = answers[index]?.data;
      return data ? [{ ...q, answer: data }] : [];
    });
    const exemplarSets: ExemplarSet[] = lines.flatMap((q, index) => {
      const data = exemplarAnswers[index]?.data;
      return showExemplars && data && exemplarsApply(answers[index]?.data) ? [{ letter: q.letter, exemplars: data.exemplars }] : [];
    });
    return { answered, exemplarSets, ...metricChartSeries(answered, exemplarSets, t("exemplars")) };
  }, [answers, exemplarAnswers, lines, showExemplars, t]);

  const traceLink = useCallback(
    (window: TimeWindow) => {
      const linked = drawn.answered.map(({ spec, answer }) => ({
        spec,
        type: answer.type,
        unit: answer.unit,
        seriesLabels: answer.series.filter((s) => s.points.some(([time]) => time >= window.fromMs - answer.step * 1_000 && time < window.toMs)).map((s) => s.labels),
      }));
      return traceSearchLink(metricTraceLink(window, linked, drawn.exemplarSets.flatMap((set) => set.exemplars)));
    },
    [drawn],
  );

  const failed = lines.flatMap((q, index) => {
    const error = answers[index]?.error;
    return error ? [{ letter: q.letter, error, retry: () => void answers[index]?.refetch() }] : [];
  });
  const pending = answers.some((a) => a.isPending);
  const empty = !pending && drawn.answered.length > 0 && drawn.answered.every((q) => q.answer.series.length === 0);
  const raised = drawn.answered.filter((q) => q.answer.requestedStep != null && q.answer.step > q.answer.requestedStep);
  const ariaLabel = t("ariaLabel", { queries: lines.map((q) => q.spec.label || q.spec.name).join(", ") });
  const stepMs = drawn.answered[0] ? drawn.answered[0].answer.step * 1_000 : undefined;

  return (
    <Stack gap="sm">
      {failed.map((f) => (
        <QueryErrorAlert key={f.letter} title={t("failed", { letter: f.letter })} error={f.error} onRetry={f.retry} />
      ))}
      {lines.length > 0 ? (
        <div data-testid="metric-line-chart" data-series-count={drawn.series.length} data-loaded={!pending}>
          {empty ? (
            <Text size="sm" c="dimmed">
              {t("noData")}
            </Text>
          ) : null}
          <TimeSeriesChart
            series={drawn.series}
            range={range}
            unit={drawn.unit}
            height={height}
            ariaLabel={ariaLabel}
            loading={pending}
            stepMs={stepMs}
            traceLink={traceLinks ? traceLink : undefined}
            annotationService={annotationService}
          />
        </div>
      ) : null}
      {drawn.otherUnitLetters.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t("otherUnit", { letters: drawn.otherUnitLetters.join(", ") })}
        </Text>
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
