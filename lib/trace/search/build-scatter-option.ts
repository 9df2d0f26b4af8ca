import type { EChartOption } from "@/components/charts/echarts-setup";
import type { TraceSummary } from "@/lib/schemas/traces";

// The results scatter: one point per trace at (start, duration), errors in their own series
// (and colour) so they stand out and can be toggled in the legend. The brush is a rectangle on
// both axes; releasing it narrows the search (see brush-selection.ts). The window is the
// search's, not the points' extent, so the x axis matches the time picker.

export interface ScatterLabels {
  ok: string;
  errors: string;
  duration: string;
  tooltip: (trace: TraceSummary) => string;
}

export interface ScatterColors {
  ok: string;
  error: string;
}

/** [startMs, durationMs, index into `traces`] */
type Point = [number, number, number];

export function buildScatterOption(traces: readonly TraceSummary[], window: { fromMs: number; toMs: number }, labels: ScatterLabels, colors: ScatterColors): EChartOption {
  const ok: Point[] = [];
  const errors: Point[] = [];
  traces.forEach((trace, index) => {
    const point: Point = [Number(BigInt(trace.startTimeUnixNano) / 1_000_000n), trace.durationMs, index];
    (trace.errorCount > 0 ? errors : ok).push(point);
  });
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 32, bottom: 32 },
    legend: { top: 0, right: 16, data: [labels.ok, labels.errors] },
    xAxis: { type: "time", min: window.fromMs, max: window.toMs },
    yAxis: { type: "value", name: labels.duration, nameGap: 12, min: 0, axisLabel: { formatter: "{value} ms" } },
    tooltip: {
      trigger: "item",
      // Text only: the tooltip formatter's string is inserted as HTML by ECharts, so every
      // value from the data is escaped first.
      formatter: (params: unknown) => {
        const index = ((params as { data?: Point }).data ?? [])[2];
        const trace = index === undefined ? undefined : traces[index];
        return trace ? escapeHtml(labels.tooltip(trace)).replace(/\n/g, "<br/>") : "";
      },
    },
    brush: { toolbox: ["rect", "clear"], xAxisIndex: 0, yAxisIndex: 0, brushMode: "single", throttleType: "debounce", throttleDelay: 300, transformable: false },
    toolbox: { show: false },
    series: [
      { name: labels.ok, type: "scatter", data: ok, symbolSize: 8, itemStyle: { color: colors.ok, opacity: 0.75 } },
      { name: labels.errors, type: "scatter", data: errors, symbolSize: 9, itemStyle: { color: colors.error, opacity: 0.9 } },
    ],
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
