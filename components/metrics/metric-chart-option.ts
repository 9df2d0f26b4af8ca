import type { EChartOption } from "@/components/charts/echarts-setup";
import { formatMetricValue } from "@/lib/metrics/format-metric-value";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { seriesName } from "@/lib/metrics/series-name";
import type { MetricExemplar, MetricQueryResponse } from "@/lib/schemas/metrics";

// The ECharts option of several metric queries on one time axis (pure: tested without a
// browser). Queries with different units get their own y axis (at most two; the rest share the
// first), and each drawn series keeps a record of where it came from, so a click on a point can
// be turned into "the traces of this series in this bucket".

export interface AnsweredQuery {
  letter: string;
  spec: MetricQuerySpec;
  answer: MetricQueryResponse;
}

export interface ExemplarSet {
  letter: string;
  exemplars: MetricExemplar[];
}

/** What a drawn series stands for: a query's series (by its labels) or a query's exemplars. */
export type DrawnSeries = { kind: "series"; letter: string; spec: MetricQuerySpec; labels: Record<string, string>; stepMs: number } | { kind: "exemplars"; letter: string; exemplars: MetricExemplar[] };

export interface MetricLineChart {
  option: EChartOption;
  drawn: DrawnSeries[];
}

/** The unit a query's values are in: a rate is per second of its metric's unit. */
export function valueUnit(answer: Pick<MetricQueryResponse, "unit" | "agg">): { unit: string; perSecond: boolean } {
  return { unit: answer.unit, perSecond: answer.agg === "rate" };
}

const axisKey = (answer: Pick<MetricQueryResponse, "unit" | "agg">) => `${answer.unit}${answer.agg === "rate" ? "/s" : ""}`;

export function buildMetricLineChart(input: {
  queries: AnsweredQuery[];
  exemplars?: ExemplarSet[];
  range: { fromMs: number; toMs: number };
  locale: string;
  compactLegend?: boolean;
  exemplarsLabel: string;
}): MetricLineChart {
  const { queries, range, locale } = input;
  const axes: { key: string; unit: string; perSecond: boolean }[] = [];
  const axisOf = (answer: MetricQueryResponse): number => {
    const key = axisKey(answer);
    const found = axes.findIndex((axis) => axis.key === key);
    if (found >= 0) return found;
    if (axes.length >= 2) return 0;
    axes.push({ key, ...valueUnit(answer) });
    return axes.length - 1;
  };

  const drawn: DrawnSeries[] = [];
  const series: NonNullable<EChartOption["series"]> = [];
  for (const { letter, spec, answer } of queries) {
    const yAxisIndex = axisOf(answer);
    for (const one of answer.series) {
      drawn.push({ kind: "series", letter, spec, labels: one.labels, stepMs: answer.step * 1_000 });
      const name = seriesName(letter, spec, answer.agg, one.labels);
      const common = { name, yAxisIndex, data: one.points, emphasis: { focus: "series" as const } };
      if (spec.chart === "bar") series.push({ ...common, type: "bar", barMaxWidth: 12 });
      else series.push({ ...common, type: "line", showSymbol: one.points.length <= 60, symbolSize: 5, areaStyle: spec.chart === "area" ? { opacity: 0.25 } : undefined });
    }
  }
  for (const { letter, exemplars } of input.exemplars ?? []) {
    const query = queries.find((q) => q.letter === letter);
    if (!query || exemplars.length === 0) continue;
    drawn.push({ kind: "exemplars", letter, exemplars });
    series.push({
      type: "scatter",
      name: `${letter} · ${input.exemplarsLabel}`,
      yAxisIndex: axisOf(query.answer),
      symbol: "diamond",
      symbolSize: 9,
      itemStyle: { borderColor: "#fff", borderWidth: 1 },
      data: exemplars.map((e) => [e.timeMs, e.value]),
      z: 5,
    });
  }

  const format = (value: number, axisIndex: number) => {
    const axis = axes[axisIndex] ?? axes[0];
    return axis ? formatMetricValue(value, axis.unit, locale, { perSecond: axis.perSecond }) : String(value);
  };
  const seriesAxis = series.map((s) => ("yAxisIndex" in s && typeof s.yAxisIndex === "number" ? s.yAxisIndex : 0));

  return {
    drawn,
    option: {
      tooltip: {
        trigger: "axis",
        confine: true,
        valueFormatter: undefined,
        formatter: (params: unknown) => axisTooltip(params, (value, index) => format(value, seriesAxis[index] ?? 0), locale),
      },
      legend: input.compactLegend ? { type: "scroll", bottom: 0, textStyle: { fontSize: 11 }, itemHeight: 8, itemWidth: 14 } : { type: "scroll", top: 0 },
      grid: { left: 8, right: 16, top: input.compactLegend ? 12 : 40, bottom: input.compactLegend ? 28 : 8, containLabel: true },
      xAxis: { type: "time", min: range.fromMs, max: range.toMs },
      yAxis: (axes.length ? axes : [{ key: "", unit: "", perSecond: false }]).map((_, index) => ({
        type: "value" as const,
        position: index === 0 ? ("left" as const) : ("right" as const),
        splitLine: { show: index === 0 },
        axisLabel: { formatter: (value: number) => format(value, index), hideOverlap: true },
      })),
      series,
    },
  };
}

interface TooltipParam {
  seriesIndex?: number;
  seriesName?: string;
  marker?: unknown;
  value?: unknown;
  axisValue?: unknown;
}

/** "time" then one line per series, values formatted by their axis' unit; text only (names are user data). */
function axisTooltip(params: unknown, format: (value: number, seriesIndex: number) => string, locale: string): string {
  const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
  const first = list[0];
  const time = typeof first?.axisValue === "number" ? new Date(first.axisValue).toLocaleString(locale) : "";
  const lines = list.flatMap((p) => {
    const value: unknown = Array.isArray(p.value) ? (p.value as unknown[])[1] : p.value;
    if (typeof value !== "number") return [];
    return [`${typeof p.marker === "string" ? p.marker : ""}${escapeHtml(p.seriesName ?? "")}: <b>${escapeHtml(format(value, p.seriesIndex ?? 0))}</b>`];
  });
  return [escapeHtml(time), ...lines].join("<br/>");
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
