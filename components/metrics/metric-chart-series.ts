import type { ChartSeries } from "@/components/charts/time-series-chart";
import { chartUnitOf, type ChartUnit } from "@/lib/client/format-chart-value";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { seriesName } from "@/lib/metrics/series-name";
import type { MetricExemplar, MetricQueryResponse } from "@/lib/schemas/metrics";

// Answered metric queries as the shared time-series chart's series: one per query and group,
// named by letter, aggregation and labels; a histogram's exemplars as points over its lines.
// The chart has one y axis, so it takes the first query's unit; queries in another unit are
// named, so the page can say their values are read against the wrong axis.

export interface AnsweredQuery {
  letter: string;
  spec: MetricQuerySpec;
  answer: MetricQueryResponse;
}

export interface ExemplarSet {
  letter: string;
  exemplars: readonly MetricExemplar[];
}

/** The chart unit of a query's values: a rate is per second whatever it counts. */
export function queryChartUnit(answer: Pick<MetricQueryResponse, "unit" | "agg">): ChartUnit {
  return answer.agg === "rate" ? "perSecond" : chartUnitOf(answer.unit);
}

const unitKey = (unit: ChartUnit) => (typeof unit === "string" ? unit : `text:${unit.text}`);

export function metricChartSeries(
  queries: readonly AnsweredQuery[],
  exemplarSets: readonly ExemplarSet[],
  exemplarsLabel: string,
): { series: ChartSeries[]; unit: ChartUnit; otherUnitLetters: string[] } {
  const unit = queries[0] ? queryChartUnit(queries[0].answer) : "count";
  const series: ChartSeries[] = queries.flatMap(({ letter, spec, answer }) =>
    answer.series.map((one) => ({
      name: seriesName(letter, spec, answer.agg, one.labels),
      points: one.points,
      type: spec.chart === "bar" ? ("bar" as const) : ("line" as const),
      area: spec.chart === "area",
    })),
  );
  for (const { letter, exemplars } of exemplarSets) {
    if (exemplars.length === 0) continue;
    const points = [...exemplars].sort((a, b) => a.timeMs - b.timeMs).map((e): [number, number] => [e.timeMs, e.value]);
    series.push({ name: `${letter}: ${exemplarsLabel}`, points, pointsOnly: true });
  }
  const otherUnitLetters = queries.filter((q) => unitKey(queryChartUnit(q.answer)) !== unitKey(unit)).map((q) => q.letter);
  return { series, unit, otherUnitLetters };
}
