import { parseArgs } from "node:util";
import type pg from "pg";
import { decodeLogs } from "../../lib/ingest/otlp/decode-logs";
import { decodeMetrics } from "../../lib/ingest/otlp/decode-metrics";
import { otlpTypes } from "../../lib/ingest/otlp/otlp-root";
import { prepareLogs } from "../../lib/ingest/store/prepare-logs";
import { prepareMetrics } from "../../lib/ingest/store/prepare-metrics";
import { storeLogs } from "../../lib/ingest/store/store-logs";
import { storeMetrics } from "../../lib/ingest/store/store-metrics";
import { storePreparedLogs } from "../../lib/ingest/store/store-prepared-logs";
import { storePreparedMetrics } from "../../lib/ingest/store/store-prepared-metrics";
import { withBenchDatabase } from "./bench-database";
import { cpuMs, step } from "./cpu-step";
import { sampleTrees } from "./process-usage";

// `tsx scripts/bench/profile-metrics-logs.ts [--requests N]`: the CPU one OTLP metrics request
// (500 data points: 25 metrics × 20 label sets, sums, gauges and histograms, every series seen
// before, as from a steady exporter) and one logs request (500 records, 8 attributes and a text
// body each) cost the server's event loop, before (decode + store from records, as the event loop
// did) and after issue 15 (only the store of rows an ingest worker prepared), with the worker's
// share apart and PostgreSQL's CPU (its backends, /proc) for each store. Each step runs alone in
// this one thread over the same requests.

const { values: args } = parseArgs({ options: { requests: { type: "string", default: "200" } } });
const requests = Number(args.requests);
const log = (line: string) => console.log(`[profile] ${line}`);

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const resource = { attributes: [str("service.name", "order"), str("service.version", "2.8.1"), str("host.name", "order-7f9c")] };

function metricsRequest(timeMs: number): Uint8Array {
  const time = String(BigInt(timeMs) * 1_000_000n);
  const start = String(BigInt(timeMs - 600_000) * 1_000_000n);
  const labels = (i: number) => [str("http.route", `/orders/${i % 5}`), str("http.request.method", i % 2 ? "GET" : "POST"), str("http.response.status_code", String(200 + (i % 4)))];
  const metrics = Array.from({ length: 25 }, (_, m) => {
    const points = Array.from({ length: 20 }, (_, i) => ({ attributes: labels(i), startTimeUnixNano: start, timeUnixNano: time }));
    if (m % 3 === 0) return { name: `app.requests.${m}`, unit: "{request}", sum: { aggregationTemporality: 2, isMonotonic: true, dataPoints: points.map((p, i) => ({ ...p, asInt: 1000 + i })) } };
    if (m % 3 === 1) return { name: `app.in_flight.${m}`, gauge: { dataPoints: points.map((p, i) => ({ ...p, asDouble: i / 3 })) } };
    return {
      name: `app.duration.${m}`,
      unit: "ms",
      histogram: { aggregationTemporality: 2, dataPoints: points.map((p, i) => ({ ...p, count: 40, sum: 1234.5 + i, min: 1, max: 250, bucketCounts: [5, 10, 15, 5, 3, 2, 0], explicitBounds: [5, 10, 25, 50, 100, 250] })) },
    };
  });
  const type = otlpTypes.metricsRequest;
  return type.encode(type.fromObject({ resourceMetrics: [{ resource, scopeMetrics: [{ scope: { name: "app-metrics" }, metrics }] }] })).finish();
}

function logsRequest(timeMs: number, n: number): Uint8Array {
  const logRecords = Array.from({ length: 500 }, (_, i) => ({
    timeUnixNano: String(BigInt(timeMs) * 1_000_000n + BigInt(i)),
    observedTimeUnixNano: String(BigInt(timeMs) * 1_000_000n + BigInt(i) + 1000n),
    severityNumber: i % 10 ? 9 : 17,
    severityText: i % 10 ? "INFO" : "ERROR",
    body: { stringValue: `order ${n}-${i} reserved 3 items for customer c-${i % 97} in 12 ms` },
    attributes: [str("order.id", `o-${n}-${i}`), str("customer.id", `c-${i % 97}`), str("http.route", "/orders"), str("thread.name", `worker-${i % 8}`), str("code.function", "reserve"), str("code.namespace", "shop.orders"), str("deployment.environment.name", "production"), str("log.logger", "orders")],
  }));
  const type = otlpTypes.logsRequest;
  return type.encode(type.fromObject({ resourceLogs: [{ resource, scopeLogs: [{ scope: { name: "app-logs" }, logRecords }] }] })).finish();
}

async function main() {
  const now = Date.now();
  // Each request its own time (so every point and record is new), all on one day's partition.
  const times = Array.from({ length: 2 * requests + 2 }, (_, i) => now - 60_000 + i);
  log(`building ${times.length} metrics and logs requests`);
  const metrics = times.map((t) => metricsRequest(t));
  const logs = times.map((t, i) => logsRequest(t, i));
  const cpu = new Map<string, number>();
  const at = new Date(now);

  step("metrics: decode + validate (decodeMetrics)", metrics, (b) => decodeMetrics(b, "protobuf", { now: at }), cpu);
  step("metrics: decode + rows (prepareMetrics, in the worker)", metrics, (b) => prepareMetrics(b, "protobuf", at), cpu);
  step("logs: decode + validate (decodeLogs)", logs, (b) => decodeLogs(b, "protobuf", { now: at }), cpu);
  step("logs: decode + rows (prepareLogs, in the worker)", logs, (b) => prepareLogs(b, "protobuf", at), cpu);
  const decodedMetrics = metrics.map((b) => decodeMetrics(b, "protobuf", { now: at }).records);
  const preparedMetrics = metrics.map((b) => prepareMetrics(b, "protobuf", at));
  const decodedLogs = logs.map((b) => decodeLogs(b, "protobuf", { now: at }).records);
  const preparedLogs = logs.map((b) => prepareLogs(b, "protobuf", at));

  await withBenchDatabase({
    prefix: "sightline-profile-",
    log,
    poolMax: 1,
    seed: () => Promise.resolve(null),
    measure: async (pool: pg.Pool) => {
      const backend = async () => (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      const pgCpuMs = (pid: number) => (sampleTrees({ b: pid }).b?.cpuSeconds ?? NaN) * 1000;
      // One connection (poolMax 1), so one backend does every store; the first request of each
      // way makes the series, resources and staging table and is not counted.
      const store = async (name: string, from: number, write: (i: number) => Promise<unknown>) => {
        await write(from);
        const pid = await backend();
        const [client, server] = [cpuMs(), pgCpuMs(pid)];
        for (let i = from + 1; i <= from + requests; i++) await write(i);
        cpu.set(`${name}: event loop`, (cpuMs() - client) / requests);
        cpu.set(`${name}: PostgreSQL`, (pgCpuMs(pid) - server) / requests);
      };
      await store("metrics before: storeMetrics from records", 0, (i) => storeMetrics(pool, decodedMetrics[i]!));
      await store("metrics after: storePreparedMetrics (COPY via staging)", requests + 1, (i) => storePreparedMetrics(pool, preparedMetrics[i]!));
      await store("logs before: storeLogs from records", 0, (i) => storeLogs(pool, decodedLogs[i]!));
      await store("logs after: storePreparedLogs (COPY)", requests + 1, (i) => storePreparedLogs(pool, preparedLogs[i]!));
    },
  });

  log(`CPU per request of 500 data points / 500 log records (ms), mean of ${requests}:`);
  for (const [name, ms] of cpu) console.log(`  ${name.padEnd(66)} ${ms.toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
