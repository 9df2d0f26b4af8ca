import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { counterPoints, gaugePoints, histogramPoints, seedMetrics } from "@/lib/testing/seed-metrics";
import { queryMetricSeries } from "./query-metric-series";
import { readMetricPoints, readSampledMetricPoints, shouldSample } from "./read-metric-points";

// Long windows read one point per series and step (read-metric-points.ts). For
// cumulative counters and histograms that must give exactly the answer of reading every point;
// this checks it on a day of exports every 10 s, with a process restart in the middle.

const suffix = randomBytes(4).toString("hex");
const names = { requests: `sampled.requests.${suffix}`, duration: `sampled.duration.${suffix}`, pool: `sampled.pool.${suffix}` };
const HOUR = 3_600_000;
const end = Math.floor((Date.now() - HOUR) / HOUR) * HOUR;
const start = end - 24 * HOUR;
const exportsEvery10s = (from: number, to: number) => Array.from({ length: Math.floor((to - from) / 10_000) }, (_, i) => from + i * 10_000);

beforeAll(async () => {
  const before = exportsEvery10s(start - HOUR, start + 12 * HOUR);
  const after = exportsEvery10s(start + 12 * HOUR + 5_000, end);
  // Totals grow by 3-7 a export; the process restarts at +12 h and counts from zero again.
  const requests = [
    ...counterPoints({ name: names.requests, service: `api-${suffix}`, startMs: start - HOUR }, before.map((t, i) => [t, i * 5 + (i % 3)])),
    ...counterPoints({ name: names.requests, service: `api-${suffix}`, startMs: start + 12 * HOUR }, after.map((t, i) => [t, i * 4])),
  ];
  const durations = histogramPoints({ name: names.duration, service: `api-${suffix}`, unit: "ms", startMs: start - HOUR }, [10, 100, 1000], [
    ...[...before, ...after].map((t, i): [number, number[], number] => [t, [i * 2, i * 5 + Math.floor(i / 7), i, Math.floor(i / 10)], i * 300]),
  ]);
  const pool = gaugePoints({ name: names.pool, service: `api-${suffix}` }, [...before, ...after].map((t, i) => [t, 5 + (i % 11)]));
  await seedMetrics(getPool(), [...requests, ...durations, ...pool]);
});

describe("sampled metric reads", () => {
  it("are used for a long window at a step of minutes, not for a short one", () => {
    expect(shouldSample(300_000, 10, start, end)).toBe(true);
    expect(shouldSample(15_000, 10, end - HOUR, end)).toBe(false);
    expect(shouldSample(300_000, 5_000, start, end)).toBe(false);
  });

  it("give one point per series and step: the last one before each step boundary", async () => {
    const { rows } = await getPool().query<{ id: string }>("SELECT id::text AS id FROM metric_series WHERE name = $1", [names.pool]);
    const sampled = await readSampledMetricPoints(getPool(), rows.map((r) => r.id), start, start + HOUR, 600_000);
    const points = [...sampled.values()][0]!;
    expect(points.map((p) => (p.timeMs - start) / 1_000)).toEqual([-10, 590, 1190, 1790, 2390, 2990, 3590]);
  });

  it("give the same counter increases and histogram percentiles as reading every point", async () => {
    for (const [name, agg] of [[names.requests, "sum"], [names.requests, "rate"], [names.duration, "p95"], [names.duration, "p50"]] as const) {
      const input = { name, agg, fromMs: start, toMs: end, stepSeconds: 600 };
      const sampled = await queryMetricSeries(getPool(), input);
      const whole = await queryMetricSeries(getPool(), { ...input, sampling: "off" });
      expect(sampled.series[0]!.points.length).toBe(144);
      expect(sampled.series).toEqual(whole.series);
    }
  });

  it("are the same from the 5-minute samples and from probing every point, late points included", async () => {
    // A step of 7 minutes is no whole number of 5-minute buckets: it probes metric_points. (Before
    // the restart at +12 h: a step holding a restart loses the increase before it when sampled.)
    // A 7-minute step starts before `from` (on the hour): that first, partial step differs.
    for (const stepSeconds of [900, 420]) {
      const input = { name: names.duration, agg: "p95", fromMs: start, toMs: start + 11 * HOUR, stepSeconds } as const;
      const [sampled, whole] = [await queryMetricSeries(getPool(), input), await queryMetricSeries(getPool(), { ...input, sampling: "off" })];
      const wholePoints = stepSeconds === 420 ? whole.series[0]!.points.slice(1) : whole.series[0]!.points;
      expect(stepSeconds === 420 ? sampled.series[0]!.points.slice(1) : sampled.series[0]!.points).toEqual(wholePoints);
      expect(sampled.series[0]!.points).toHaveLength(whole.series[0]!.points.length);
    }
    // A point that arrives late, older than its bucket's last one, leaves the bucket's sample; a
    // later one replaces it.
    const gauge = { name: names.pool, service: `api-${suffix}` };
    const bucket = start + 2 * HOUR;
    await seedMetrics(getPool(), gaugePoints(gauge, [[bucket + 1_000, 99]]));
    await seedMetrics(getPool(), gaugePoints(gauge, [[bucket + 299_000, 42]]));
    const { rows } = await getPool().query<{ id: string }>("SELECT id::text AS id FROM metric_series WHERE name = $1", [names.pool]);
    const sampled = await readSampledMetricPoints(getPool(), rows.map((r) => r.id), bucket, bucket + 300_000, 300_000);
    expect([...sampled.values()][0]!.map((p) => [p.timeMs - bucket, p.value])).toEqual([
      // The export 10 s before the bucket: the (3 h − 10 s) / 10 s-th since start − 1 h.
      [-10_000, 5 + (((3 * HOUR - 10_000) / 10_000) % 11)],
      [299_000, 42],
    ]);
  });

  it("give a gauge's value at the end of each step", async () => {
    const input = { name: names.pool, agg: "max", fromMs: start, toMs: start + HOUR, stepSeconds: 600 } as const;
    const sampled = await queryMetricSeries(getPool(), input);
    const whole = await queryMetricSeries(getPool(), { ...input, sampling: "off" });
    // Every 10-minute step holds all 11 values of the cycle: the maximum read whole is 15; the
    // sample is the last export of each step.
    expect(whole.series[0]!.points.map(([, v]) => v)).toEqual([15, 15, 15, 15, 15, 15]);
    expect(sampled.series[0]!.points.map(([, v]) => v)).toEqual([0, 1, 2, 3, 4, 5].map((i) => 5 + ((360 + 60 * i + 59) % 11)));
  });
});

describe("histogram bounds sent once per series", () => {
  it("give every point its own series' bounds, through whole and sampled reads, beside series without bounds", async () => {
    const name = `bounds.${suffix}`;
    const times = exportsEvery10s(start, start + 2 * HOUR);
    const narrow = histogramPoints({ name, service: `a-${suffix}`, unit: "ms", startMs: start - HOUR }, [1, 2], times.map((t, i): [number, number[], number] => [t, [i, i, i], i]));
    const wide = histogramPoints({ name, service: `b-${suffix}`, unit: "ms", startMs: start - HOUR }, [10, 20, 30], times.map((t, i): [number, number[], number] => [t, [i, i, i, i], i]));
    const gauge = gaugePoints({ name, service: `c-${suffix}` }, times.map((t, i) => [t, i]));
    await seedMetrics(getPool(), [...narrow, ...gauge, ...wide]);
    const { rows } = await getPool().query<{ id: string; service_name: string }>("SELECT id::text AS id, service_name FROM metric_series WHERE name = $1 ORDER BY id", [name]);
    const expected: Record<string, number[] | null> = { [`a-${suffix}`]: [1, 2], [`b-${suffix}`]: [10, 20, 30], [`c-${suffix}`]: null };
    for (const read of [
      () => readMetricPoints(getPool(), rows.map((r) => r.id), start, start + 2 * HOUR),
      () => readSampledMetricPoints(getPool(), rows.map((r) => r.id), start, start + 2 * HOUR, 300_000),
    ]) {
      const bySeries = await read();
      for (const row of rows) {
        const points = bySeries.get(row.id)!;
        expect(points.length).toBeGreaterThan(10);
        expect(new Set(points.map((p) => JSON.stringify(p.explicitBounds)))).toEqual(new Set([JSON.stringify(expected[row.service_name])]));
      }
    }
  });
});
