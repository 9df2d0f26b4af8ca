import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures/test";
import { e2eIngestKey } from "../playwright.config";
import { sendMetrics, type MetricSamples } from "./fixtures/otlp-metrics";

// Saturation forecast on the Database page, fed through the real OTLP ingest: one service's
// pool climbs steadily toward its maximum (the page must say when it fills), another's wanders
// at a steady level below it (the page must say nothing). The db agent's connection gauges are
// sent the way the agent sends them, so the database gets its tab and the server's connections
// climb toward max_connections too.

test.use({ locale: "en-US", timezoneId: "UTC", colorScheme: "light" });

const suffix = randomBytes(3).toString("hex");
const database = `fc_${suffix}`;
const rising = `rising-${suffix}`;
const flat = `flat-${suffix}`;
const SAMPLE_MS = 15_000;
const MINUTES = 20;

/** One sample every 15 s over the last 20 minutes, the newest now; `value` by minutes before now. */
function samples(value: (minutesAgo: number, i: number) => number): [number, number][] {
  const now = Date.now();
  const count = (MINUTES * 60_000) / SAMPLE_MS;
  return Array.from({ length: count + 1 }, (_, i) => {
    const timeMs = now - (count - i) * SAMPLE_MS;
    return [timeMs, value((now - timeMs) / 60_000, i)];
  });
}

function pool(service: string, used: [number, number][], max: number): MetricSamples[] {
  const attributes = { "db.client.connection.pool.name": `${service}-pool` };
  return [
    { service, name: "db.client.connection.count", unit: "{connection}", kind: "upDown", attributes: { ...attributes, "db.client.connection.state": "used" }, samples: used },
    { service, name: "db.client.connection.max", unit: "{connection}", kind: "upDown", attributes, samples: used.map(([t]) => [t, max]) },
  ];
}

test.describe("saturation forecast", { tag: "@forecast" }, () => {
  test.beforeAll(async ({ baseURL }) => {
    // 14 in use now, 0.6 more a minute (whole connections, as a pool counts them, and a request
    // more or less from one sample to the next): 20 in ~10 min.
    const jitter = [0, 1, -1, 0, 1, 0, -1];
    const climbing = samples((ago, i) => Math.round(14 - 0.6 * ago + jitter[i % jitter.length]!));
    // 3 in use give or take one, the whole time, under a maximum of 4.
    const steady = samples((_ago, i) => 3 - ((i * 7) % 3 === 0 ? 1 : 0));
    const agent = "sightline-db-agent";
    await sendMetrics(baseURL!, e2eIngestKey, [
      ...pool(rising, climbing, 20),
      ...pool(flat, steady, 4),
      { service: agent, name: "postgresql.backends", unit: "1", kind: "upDown", attributes: { "db.namespace": database }, samples: samples(() => 5) },
      // The server's connections: 40 now, 2 more a minute, against max_connections 60: full in ~10 min.
      { service: agent, name: "postgresql.connection.count", unit: "{connections}", kind: "gauge", attributes: { "db.namespace": database, state: "active" }, samples: samples((ago) => Math.round(40 - 2 * ago)) },
      { service: agent, name: "postgresql.connection.max", unit: "{connections}", kind: "gauge", samples: samples(() => 60) },
    ]);
  });

  test("says when a climbing pool fills, and nothing for a steady one", async ({ page }) => {
    // The page makes two dozen metric queries; on a loaded machine each can take seconds.
    test.setTimeout(180_000);
    const slow = { timeout: 45_000 };
    await page.goto(`/database?db=${database}`);
    await expect(page.getByRole("tab", { name: database })).toHaveAttribute("aria-selected", "true", slow);

    const climbing = page.getByRole("region", { name: `${rising}: connections in use` });
    const warning = climbing.getByRole("alert");
    await expect(warning).toContainText(`At this rate the ${rising} service's pool is full in ~`, slow);
    const eta = Number(/full in ~(\d+) min/.exec((await warning.textContent()) ?? "")?.[1]);
    expect(eta).toBeGreaterThanOrEqual(7);
    expect(eta).toBeLessThanOrEqual(13);
    await expect(warning).toContainText(/\(between \d+ min and \d+ min\)/);
    await expect(climbing.getByRole("img", { name: `${rising}: connections in use` })).toBeVisible(slow);

    const steady = page.getByRole("region", { name: `${flat}: connections in use` });
    await expect(steady.getByRole("img", { name: `${flat}: connections in use` })).toBeVisible(slow);
    await expect(steady).toHaveAttribute("aria-busy", "false", slow); // its samples are in: no warning is not "not yet"
    await expect(steady.getByRole("alert")).toHaveCount(0);

    const connections = page.getByRole("region", { name: "Connections by state" });
    await expect(connections.getByRole("alert")).toContainText("At this rate the server's connection capacity (max_connections) is full in ~", slow);
    await page.screenshot({ path: test.info().outputPath("forecast-light-en.png"), fullPage: true });
  });
});
