import type { EChartOption } from "@/components/charts/echarts-setup";
import { formatMetricValue } from "@/lib/metrics/format-metric-value";
import { bucketStarts } from "@/lib/query/step-buckets";
import { escapeHtml } from "@/lib/trace/search/build-scatter-option";
import type { MetricHeatmapResponse } from "@/lib/schemas/metrics";

// A histogram metric as a heatmap: time steps across, buckets up, colour = observations. Both
// axes are categories (ECharts draws heatmap cells on category axes); every step of the window
// has a column, so gaps in the data read as gaps, not as a squeezed axis.

export interface HeatmapLabels {
  upTo: (bound: string) => string;
  above: (bound: string) => string;
  observations: string;
}

/** Bucket i's label: "≤ bound", or "> highest finite bound" for the overflow bucket. */
export function bucketLabels(upperBounds: (number | null)[], unit: string, locale: string, labels: HeatmapLabels): string[] {
  return upperBounds.map((bound, index) => {
    if (bound !== null) return labels.upTo(formatMetricValue(bound, unit, locale));
    const below = upperBounds[index - 1];
    return below === null || below === undefined ? labels.above("0") : labels.above(formatMetricValue(below, unit, locale));
  });
}

export function buildHeatmapOption(input: {
  answer: MetricHeatmapResponse;
  range: { fromMs: number; toMs: number };
  locale: string;
  labels: HeatmapLabels;
  timeLabel: (ms: number) => string;
}): { option: EChartOption; times: number[] } {
  const { answer, range, locale, labels } = input;
  const times = bucketStarts(range.fromMs, range.toMs, answer.step * 1_000);
  const column = new Map(times.map((time, index) => [time, index]));
  const yLabels = bucketLabels(answer.upperBounds, answer.unit, locale, labels);
  const data = answer.cells.flatMap(([time, bucket, count]) => {
    const x = column.get(time);
    return x === undefined || count <= 0 ? [] : [[x, bucket, count]];
  });
  const max = data.reduce((m, cell) => Math.max(m, cell[2] ?? 0), 0);
  return {
    times,
    option: {
      tooltip: {
        confine: true,
        formatter: (params: unknown) => {
          const value = (params as { value?: unknown }).value;
          if (!Array.isArray(value)) return "";
          const [x, y, count] = value as [number, number, number];
          return [input.timeLabel(times[x] ?? 0), yLabels[y] ?? "", `${labels.observations}: <b>${count.toLocaleString(locale)}</b>`].map((line, i) => (i === 2 ? line : escapeHtml(line))).join("<br/>");
        },
      },
      grid: { left: 8, right: 16, top: 8, bottom: 44, containLabel: true },
      xAxis: { type: "category", data: times.map(input.timeLabel), splitArea: { show: false }, axisLabel: { hideOverlap: true } },
      yAxis: { type: "category", data: yLabels, splitArea: { show: true }, axisLabel: { hideOverlap: true } },
      visualMap: {
        min: 0,
        max: Math.max(1, max),
        calculable: true,
        orient: "horizontal",
        left: "center",
        bottom: 0,
        itemHeight: 120,
        itemWidth: 10,
        inRange: { color: ["#e7f5ff", "#74c0fc", "#1c7ed6", "#f08c00", "#e03131"] },
      },
      series: [{ type: "heatmap", data, progressive: 2_000, emphasis: { itemStyle: { borderColor: "#333", borderWidth: 1 } } }],
    },
  };
}
