import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import type { HistogramPointRecord } from "@/lib/ingest/otlp/model";
import type { MetricAgg } from "@/lib/schemas/metrics";
import { histogramPoints, seedMetrics } from "@/lib/testing/seed-metrics";
import { msToNs } from "@/lib/testing/seed-telemetry";
import { aggregateMetricSeries } from "./aggregate-metric-points";
import { mergeUniformHistograms } from "./merge-uniform-histograms";
import { findSeries, MIN_LOOKBACK_MS, queryMetricSeries, seriesLabels } from "./query-metric-series";
import { readSampledMetricPoints } from "./read-metric-points";
import { readSampledHistograms } from "./read-sampled-histograms";

// Percentiles of histograms over long windows are read one row a series (read-sampled-histograms.ts)
// and, when every series has one layout, merged with arrays (merge-uniform-histograms.ts). Both
// must give what aggregateMetricSeries gives over the points read one a row: restarts, counts and
// buckets going down, gaps, series starting in the window, min and max, group-by; and series of
// different or changing bounds must fall back to it.

const suffix = randomBytes(4).toString("hex");
const names = { uniform: `uniform.duration.${suffix}`, mixed: `mixed.duration.${suffix}` };
const HOUR = 3_600_000;
const end = Math.floor((Date.now() - HOUR) / HOUR) * HOUR;
const start = end - 6 * HOUR;
const BOUNDS = [0.1, 0.5, 1];
const minutes = (from: number, to: number) => Array.from({ length: Math.floor((to - from) / 60_000) }, (_, i) => from + i * 60_000);
const identity = (name: string, service: string, route: string, startMs: number) => ({ name, service: `${service}-${suffix}`, unit: "s", attributes: { "http.route": route }, startMs });
const withMinMax = (points: HistogramPointRecord[], min: number, max: number) => points.map((p) => ({ ...p, min, max }));
type Sample = [number, number[], number];

/** Series of one layout, then the same metric's series as a changing layout would add them. */
function uniformSeries(name: string): HistogramPointRecord[] {
  const restartAt = start + 2 * HOUR + 30_000;
  // api /a: restarts at +2 h, known by its new start time alone (every bucket reports more than before).
  const a = [
    ...histogramPoints(identity(name, "api", "/a", start - HOUR), BOUNDS, minutes(start - HOUR, restartAt).map((t, i): Sample => [t, [i * 3, i * 5, i, i % 7], i])),
    ...histogramPoints(identity(name, "api", "/a", restartAt), BOUNDS, minutes(restartAt, end).map((t, i): Sample => [t, [1000 + i, 2000 + i * 2, 400 + i * 4, 10], i])),
  ];
  // api /b: nothing sent from +3 h to +4 h, and from +5 h a bucket lower while the count is not.
  const bTimes = minutes(start - HOUR, end).filter((t) => t < start + 3 * HOUR || t >= start + 4 * HOUR);
  const b = histogramPoints(identity(name, "api", "/b", start - HOUR), BOUNDS, bTimes.map((t, i): Sample => {
    const moved = t >= start + 5 * HOUR ? 2 : 0;
    return [t, [i * 2 + moved, i * 4 - moved, i, i % 2 === 0 ? i : i - 1], i];
  }));
  // web /c: starts within the window (its first point counts whole), with min and max.
  const cStart = start + HOUR + 15_000;
  const c = withMinMax(histogramPoints(identity(name, "web", "/c", cStart), BOUNDS, minutes(cStart, end).map((t, i): Sample => [t, [10 * (i + 1), i * 2, i, i], i])), 0.02, 4);
  // web /d: the count goes down at +2.5 h with the same start time while no bucket does.
  const d = histogramPoints(identity(name, "web", "/d", start - HOUR), BOUNDS, minutes(start - HOUR, end).map((t, i): Sample => [t, [i, i * 3, i, 2], i]))
    .map((p) => (p.timeUnixNano < msToNs(start + 2.5 * HOUR) ? { ...p, count: p.count + 100_000 } : p));
  // web /g: temporality unspecified (each point counts whole), with min and max.
  const g = withMinMax(histogramPoints(identity(name, "web", "/g", start - HOUR), BOUNDS, minutes(start - HOUR, end).map((t, i): Sample => [t, [i % 5, 3, i % 3, 1], i])), 0.05, 2)
    .map((p) => ({ ...p, aggregationTemporality: 0 as const }));
  return [...a, ...b, ...c, ...d, ...g];
}

beforeAll(async () => {
  // The mixed metric: the uniform series plus one of other bounds and one whose bounds change.
  const other = histogramPoints(identity(names.mixed, "api", "/e", start - HOUR), [0.05, 0.2, 1, 5], minutes(start - HOUR, end).map((t, i): Sample => [t, [i, i * 2, i, 1, 0], i]));
  const changing = [
    ...histogramPoints(identity(names.mixed, "web", "/f", start - HOUR), BOUNDS, minutes(start - HOUR, start + 3 * HOUR).map((t, i): Sample => [t, [i, i, i, 0], i])),
    ...histogramPoints(identity(names.mixed, "web", "/f", start - HOUR), [0.1, 0.25, 0.5, 1], minutes(start + 3 * HOUR, end).map((t, i): Sample => [t, [300 + i, i, 300, 300, 0], i])),
  ];
  await seedMetrics(getPool(), [...uniformSeries(names.uniform), ...uniformSeries(names.mixed), ...other, ...changing]);
});

/** The metric query's series, and aggregateMetricSeries' over the same points read one a row. */
async function bothWays(name: string, agg: MetricAgg, groupBy: string[], fromMs: number, toMs: number, stepMs: number) {
  const rows = await findSeries(getPool(), { name });
  const fetchedFromMs = fromMs - Math.max(stepMs, MIN_LOOKBACK_MS);
  const points = await readSampledMetricPoints(getPool(), rows.map((row) => row.id), fetchedFromMs, toMs, stepMs);
  const stored = rows.map((row) => ({ labels: seriesLabels(row), kind: "histogram" as const, cumulative: row.temporality === 2, points: points.get(row.id) ?? [] }));
  const expected = aggregateMetricSeries(stored, { agg, groupBy, fromMs, toMs, stepMs, fetchedFromMs });
  const answer = await queryMetricSeries(getPool(), { name, agg, groupBy, fromMs, toMs, stepSeconds: stepMs / 1_000 });
  expect(answer.step * 1_000).toBe(stepMs);
  return { answer: answer.series, expected };
}

describe("histogram percentiles of long windows", () => {
  const cases: [MetricAgg, string[], number][] = [
    ["p95", ["service.name"], 600_000],
    ["p50", [], 300_000],
    ["p50", ["http.route"], 600_000],
    ["p99", ["http.route"], 600_000],
    ["p95", ["service.name", "http.route"], 420_000], // no sample table divides 7 minutes: probes
    ["p90", ["nothing.such"], 3_600_000],
  ];

  it("are those of the points read one a row, through the one-row-a-series read and the array merge", async () => {
    const rows = await findSeries(getPool(), { name: names.uniform });
    const ids = rows.map((row) => row.id);
    const bySeries = await readSampledHistograms(getPool(), ids, start, end, 600_000);
    const single = await readSampledMetricPoints(getPool(), ids, start, end, 600_000);
    // The same points, but value and sum, which percentiles do not read.
    for (const id of ids) expect(bySeries!.get(id)).toEqual(single.get(id)!.map((p) => ({ ...p, value: null, sum: null })));
    expect(mergeUniformHistograms(rows.map((row) => ({ labels: seriesLabels(row), kind: "histogram", cumulative: true, points: single.get(row.id)! })), { groupBy: [], fromMs: start, toMs: end, stepMs: 600_000, fetchedFromMs: start - 600_000 }, 0.5)).not.toBeNull();
    for (const [agg, groupBy, stepMs] of cases) {
      const { answer, expected } = await bothWays(names.uniform, agg, groupBy, start, end, stepMs);
      expect(answer.flatMap((series) => series.points).length).toBeGreaterThan(5);
      expect(answer).toEqual(expected);
    }
    // A window that starts in the gap of /b and after the restart of /a.
    const { answer, expected } = await bothWays(names.uniform, "p95", ["service.name"], start + 3.5 * HOUR, end - HOUR, 300_000);
    expect(answer).toEqual(expected);
  });

  it("fall back to reading one point a row when a series changes its bounds, and to maps when series differ", async () => {
    const rows = await findSeries(getPool(), { name: names.mixed });
    expect(await readSampledHistograms(getPool(), rows.map((row) => row.id), start, end, 600_000)).toBeNull();
    const steady = rows.filter((row) => row.attributes["http.route"] !== "/f").map((row) => row.id);
    const points = await readSampledHistograms(getPool(), steady, start, end, 600_000);
    const stored = rows.filter((row) => steady.includes(row.id)).map((row) => ({ labels: seriesLabels(row), kind: "histogram" as const, cumulative: true, points: points!.get(row.id)! }));
    expect(mergeUniformHistograms(stored, { groupBy: [], fromMs: start, toMs: end, stepMs: 600_000, fetchedFromMs: start - 600_000 }, 0.5)).toBeNull();
    const duplicateBounds = { labels: {}, kind: "histogram" as const, cumulative: true, points: stored[0]!.points.map((p) => ({ ...p, explicitBounds: [0.1, 0.1, 1] })) };
    expect(mergeUniformHistograms([duplicateBounds], { groupBy: [], fromMs: start, toMs: end, stepMs: 600_000, fetchedFromMs: start - 600_000 }, 0.5)).toBeNull();
    for (const [agg, groupBy, stepMs] of cases) {
      const { answer, expected } = await bothWays(names.mixed, agg, groupBy, start, end, stepMs);
      expect(answer).toEqual(expected);
    }
  });

  it("give the known percentile of one step", async () => {
    // /a's first 10 minutes of the window, sampled: the export at +9 min (the 69th since its start)
    // minus the one at −1 min (the 59th) is [30, 50, 10, 69 % 7 − 59 % 7 = 3]; p50 (rank 46.5 of 93)
    // lies in (0.1, 0.5].
    const input = { name: names.uniform, agg: "p50" as const, filter: [{ key: "http.route", value: "/a" }], fromMs: start, toMs: start + 10 * 60_000, stepSeconds: 600 };
    const answer = await queryMetricSeries(getPool(), input);
    expect(answer.series[0]!.points).toEqual([[start, 0.1 + 0.4 * ((46.5 - 30) / 50)]]);
  });
});
