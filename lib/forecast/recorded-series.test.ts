import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { forecastSaturation, type Point, type SaturationForecast } from "./forecast-saturation";

// Series recorded from a running Sightline with the demo on (lib/forecast/fixtures/record-fixture.ts
// says how): real exports, real bucketing by the query API, real noise. Each fixture is read at
// its recorded end, as the page would have read it then.

interface Fixture {
  what: string;
  source: { toMs: number };
  series: Point[];
  limit: number | Point[];
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const load = (name: string): Fixture => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as Fixture;
const read = (name: string): SaturationForecast => {
  const fixture = load(name);
  return forecastSaturation(fixture.series, fixture.limit, { asOfMs: fixture.source.toMs });
};

describe("forecast on recorded series", () => {
  it("every fixture is covered below", () => {
    const covered = [...quiet, ...climbing.map(([name]) => name), "pool-coupon-full-now.json"].sort();
    expect(readdirSync(dir).filter((name) => name.endsWith(".json")).sort()).toEqual(covered);
  });

  // open-connections.ts opened one idle connection every 20 s (3 a minute), or every 15 s (4 a
  // minute), on top of the demo's own: the rate is known, so the forecast is checked against
  // (limit − last) / rate. (The demo's own connections move too, hence the 25 % allowed.)
  const climbing: [name: string, perMinute: number][] = [
    ["pg-connections-climbing.json", 3],
    ["pg-connections-climbing-fast.json", 4],
  ];
  it.each(climbing)("%s: warns, and the time is the known rate's within a quarter", (name, perMinute) => {
    const fixture = load(name);
    const forecast = read(name);
    if (forecast.kind !== "warning") throw new Error(`expected a warning, got ${JSON.stringify(forecast)}`);
    const last = fixture.series.at(-1)![1];
    const truth = (forecast.limit - last) / perMinute;
    expect(forecast.etaMinutes).toBeGreaterThan(truth * 0.75);
    expect(forecast.etaMinutes).toBeLessThan(truth * 1.25);
    expect(forecast.etaLowerMinutes).toBeLessThanOrEqual(forecast.etaMinutes);
    expect(forecast.etaUpperMinutes ?? Infinity).toBeGreaterThanOrEqual(forecast.etaMinutes);
  });

  // The demo left alone: pools idle between requests, a fault that fills a pool for half a
  // minute and lets go, a queue that drains as fast as it fills; and a climb that stopped
  // seven minutes before it was read. None of it is a climb now.
  const quiet = [
    "pool-order-quiet.json",
    "pool-coupon-quiet.json",
    "pool-payment-quiet.json",
    "pool-inventory-quiet.json",
    "queue-notifications-quiet.json",
    "coupon-pending-after-peak.json",
    "coupon-pending-burst-now.json",
    "pg-connections-levelled.json",
  ];
  it.each(quiet)("%s: says nothing", (name) => {
    expect(read(name).kind).toBe("none");
  });

  // Read while a fault held both of the coupon pool's connections: full now, not "full soon".
  it("pool-coupon-full-now.json: says the pool is at its limit", () => {
    expect(read("pool-coupon-full-now.json")).toMatchObject({ kind: "at-limit", limit: 2, value: 2 });
  });
});
