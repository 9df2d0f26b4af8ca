import type { Annotation } from "@/lib/annotations/schemas";
import { formatChartValue, type ChartUnit } from "@/lib/client/format-chart-value";
import { truncateText } from "@/lib/client/truncate-text";
import type { EChartOption } from "./echarts-setup";
import type { TimePoint, TimeWindow } from "./time-series-model";

// The ECharts option of the app's time-series chart: the series as lines, areas or bars on a
// time axis fixed to the page's window, markers (e.g. version changes) and annotations as
// vertical lines or shaded windows, values formatted by unit. Series names and annotation texts
// are drawn on the canvas or escaped by ECharts' default tooltip: never HTML.

export interface ChartSeries {
  name: string;
  points: readonly TimePoint[];
  color?: string | undefined;
  /** A comparison drawn thin and grey (e.g. the same window a day earlier). */
  faint?: boolean | undefined;
  dashed?: boolean | undefined;
  type?: "line" | "bar" | undefined;
  area?: boolean | undefined;
  /** Series with the same stack name are stacked. */
  stack?: string | undefined;
  /** Points only, no line (e.g. a histogram's exemplars over its percentile lines). */
  pointsOnly?: boolean | undefined;
}

export interface ChartMarker {
  timeMs: number;
  label: string;
}

export interface TimeSeriesOptionInput {
  series: readonly ChartSeries[];
  range: TimeWindow;
  unit: ChartUnit;
  locale: string;
  markers: readonly ChartMarker[];
  annotations: readonly Annotation[];
  /** Arms the horizontal brush (drag to choose a window). */
  brush: boolean;
  /** `incident`: the shade of incidents' windows (annotations with an incidentId). */
  colors: { marker: string; annotation: string; faint: string; incident: string };
  /** Fixed y-axis bounds, e.g. 0..1 for a share. */
  yMin?: number | undefined;
  yMax?: number | undefined;
}

/** The series that carries markers and annotations: no data, not in the legend or tooltip. */
export const MARKS_SERIES = "sightline:marks";

export function buildTimeSeriesOption(input: TimeSeriesOptionInput): EChartOption {
  const { unit, locale, colors } = input;
  const format = (value: unknown) => formatChartValue(typeof value === "number" ? value : null, unit, locale);
  const visible = input.series.map((series) => ({
    type: series.type ?? "line",
    name: series.name,
    data: series.points.map(([time, value]) => [time, value]),
    showSymbol: series.pointsOnly ?? false,
    symbol: series.pointsOnly ? "diamond" : undefined,
    symbolSize: series.pointsOnly ? 9 : undefined,
    connectNulls: false,
    stack: series.stack,
    z: series.faint ? 1 : 2,
    color: series.faint ? colors.faint : series.color,
    lineStyle: { width: series.pointsOnly ? 0 : series.faint ? 1 : 1.75, opacity: series.faint ? 0.8 : 1, type: series.dashed || series.faint ? ("dashed" as const) : ("solid" as const) },
    areaStyle: series.area ? { opacity: 0.25 } : undefined,
    barMaxWidth: 16,
    emphasis: { focus: "series" as const },
  }));

  const points = input.annotations.filter((a) => a.endTimeMs === null);
  const windows = input.annotations.filter((a) => a.endTimeMs !== null);
  const marks = {
    type: "line" as const,
    name: MARKS_SERIES,
    data: [] as number[][],
    silent: true,
    tooltip: { show: false },
    markLine: {
      symbol: ["none", "none"],
      animation: false,
      data: [
        ...input.markers.map((marker) => ({
          xAxis: marker.timeMs,
          lineStyle: { color: colors.marker, type: "dashed" as const, width: 1 },
          label: { formatter: truncateText(marker.label, 24), position: "insideEndTop" as const, color: colors.marker, fontSize: 10 },
        })),
        ...points.map((annotation) => ({
          xAxis: annotation.timeMs,
          lineStyle: { color: colors.annotation, type: "solid" as const, width: 1.5 },
          label: { formatter: truncateText(annotation.text, 32), position: "insideEndTop" as const, color: colors.annotation, fontSize: 10 },
        })),
      ],
    },
    markArea: {
      silent: true,
      data: windows.map((annotation) => [
        {
          xAxis: Math.max(annotation.timeMs, input.range.fromMs),
          itemStyle: { color: annotation.incidentId ? colors.incident : colors.annotation, opacity: 0.1 },
          label: { formatter: truncateText(annotation.text, 32), position: "insideTop" as const, color: annotation.incidentId ? colors.incident : colors.annotation, fontSize: 10 },
        },
        { xAxis: Math.min(annotation.endTimeMs ?? annotation.timeMs, input.range.toMs) },
      ]) as never,
    },
  };

  return {
    animation: false,
    tooltip: { trigger: "axis", valueFormatter: format, confine: true },
    legend: { type: "scroll", top: 0, data: input.series.map((series) => series.name) },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "time", min: input.range.fromMs, max: input.range.toMs, axisLabel: { hideOverlap: true } },
    yAxis: { type: "value", min: input.yMin, max: input.yMax, axisLabel: { formatter: (value: number) => format(value) } },
    brush: input.brush ? { xAxisIndex: 0, brushType: "lineX", brushMode: "single", transformable: false, brushStyle: { color: "rgba(120,140,180,0.15)", borderColor: "rgba(120,140,180,0.6)" } } : undefined,
    toolbox: { show: false },
    series: [...visible, marks],
  };
}
