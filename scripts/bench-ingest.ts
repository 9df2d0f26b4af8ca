import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeTraceBatch } from "./bench/make-trace-batch";
import { childrenNamed, sampleTrees, watchTrees } from "./bench/process-usage";
import { startBenchServer } from "./bench/start-bench-server";
import { TraceBatchPool } from "./bench/trace-batch-pool";

// `npm run bench:ingest`: several concurrent OTLP/HTTP protobuf senders (500 spans a request,
// ~15 attributes a span) against a running Sightline for a fixed time. Prints accepted spans/s,
// request latency p50/p99, throttled requests (retried, as an exporter would), lost spans
// (acknowledged but not stored: must be 0), and — in the same run, on the same database — the
// rate at which plain COPY loads the same span rows into the same table, as a ratio.
// Senders run in this process on the same 2 cores as the server and its database. While sending,
// the CPU (user + system, from /proc/<pid>/stat) of the server's process tree, of PostgreSQL's
// and of the senders is measured, with the peak RSS of the server (`--senders 32` shows how it
// sheds an overload: throttled requests, and memory that stays bounded).
// Requests are copies of a few pre-encoded batches with fresh ids and times (bench/trace-batch-pool.ts),
// so the senders take little of the cores the server needs; `--encode-each` builds every request
// with protobufjs instead, as before December 2026. `--cpu-prof DIR` has every thread of the
// server's processes write a V8 CPU profile to DIR when sending ends, with the sending window in
// DIR/window.json: `tsx scripts/bench/summarize-cpu-profiles.ts DIR` splits them by category.

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "30" },
    senders: { type: "string", default: "4" },
    "spans-per-request": { type: "string", default: "500" },
    "encode-each": { type: "boolean", default: false },
    templates: { type: "string", default: "32" },
    "cpu-prof": { type: "string" },
  },
});
const seconds = Number(args.seconds);
const senders = Number(args.senders);
const spansPerRequest = Number(args["spans-per-request"]);
const encodeEach = args["encode-each"];
const profileDir = args["cpu-prof"] ? path.resolve(args["cpu-prof"]) : undefined;
const log = (line: string) => console.log(`[bench:ingest] ${line}`);

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function main() {
  let nextBody = () => makeTraceBatch(spansPerRequest);
  if (encodeEach) log("senders: every request encoded with protobufjs (--encode-each)");
  else {
    const pool = new TraceBatchPool(Number(args.templates), spansPerRequest);
    log(`senders: copies of ${pool.size} pre-encoded requests with fresh ids and times (checked: ${pool.checkPatching()})`);
    nextBody = () => pool.take();
  }
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    log(`server CPU profiles go to ${profileDir}`);
  }
  const preload = path.resolve("scripts/bench/cpu-profile-preload.cjs");
  const profileEnv = profileDir ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${preload}`.trim(), SIGHTLINE_BENCH_CPU_PROF_DIR: profileDir } : undefined;
  const server = await startBenchServer(log, { waitForWarmUp: true, ...(profileEnv ? { serverEnv: profileEnv } : {}) });
  try {
    const endpoint = `${server.url}/api/otlp/v1/traces`;
    const headers = { "Content-Type": "application/x-protobuf", Authorization: `Bearer ${server.ingestKey}` };
    const send = async (body: Uint8Array) => {
      const started = performance.now();
      const response = await fetch(endpoint, { method: "POST", body: body as BodyInit, headers });
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - started, retryAfter: Number(response.headers.get("retry-after") ?? 1) };
    };

    log(`warming up`);
    for (let i = 0; i < 4; i++) await send(makeTraceBatch(spansPerRequest));
    const db = new pg.Client({ connectionString: server.databaseUrl });
    db.on("error", (error) => log(`benchmark's database connection failed: ${error.message}`));
    await db.connect();
    const before = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM spans")).rows[0]!.n);

    log(`sending for ${seconds}s with ${senders} senders, ${spansPerRequest} spans a request`);
    const postmaster = childrenNamed(process.pid, "postgres")[0];
    const usage = watchTrees({ ...(server.pid ? { server: server.pid } : {}), ...(postmaster ? { postgres: postmaster } : {}) });
    const sendersCpu = process.cpuUsage();
    const latencies: number[] = [];
    let acceptedSpans = 0;
    let throttled = 0;
    let failed = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    const startedUs = process.hrtime.bigint() / 1000n; // the clock of V8's CPU profiles
    await Promise.all(
      Array.from({ length: senders }, async () => {
        while (performance.now() < deadline) {
          const body = nextBody();
          for (;;) {
            const result = await send(body);
            latencies.push(result.ms);
            if (result.status === 200) {
              acceptedSpans += spansPerRequest;
              break;
            }
            if (result.status === 429 || result.status === 503) {
              throttled++;
              await new Promise((resolve) => setTimeout(resolve, result.retryAfter * 1000));
              continue; // an exporter retries the same batch
            }
            failed++;
            break;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const endedUs = process.hrtime.bigint() / 1000n;
    const used = usage.stop();
    if (profileDir) {
      writeFileSync(path.join(profileDir, "window.json"), JSON.stringify({ startUs: Number(startedUs), endUs: Number(endedUs), acceptedSpans }));
      writeFileSync(path.join(profileDir, "stop"), ""); // every profiled thread writes its profile (bench/cpu-profile-preload.cjs)
      await send(new Uint8Array(0)); // an empty request (no spans) wakes the decode threads to write theirs
    }
    const sendersCpuSeconds = (() => {
      const { user, system } = process.cpuUsage(sendersCpu);
      return (user + system) / 1e6;
    })();
    const load = os.loadavg();
    const stored = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM spans")).rows[0]!.n) - before;
    latencies.sort((a, b) => a - b);
    const ingestRate = acceptedSpans / elapsed;

    const { rate: copyRate, pgMicrosPerRow: copyPgMicrosPerRow } = await measureCopy(db, stored);
    await db.end();

    log("results");
    console.log(`  accepted spans/s      ${ingestRate.toFixed(0)} (${acceptedSpans} spans in ${elapsed.toFixed(1)} s)`);
    console.log(`  request p50 / p99     ${percentile(latencies, 0.5).toFixed(0)} ms / ${percentile(latencies, 0.99).toFixed(0)} ms (${latencies.length} requests)`);
    console.log(`  throttled (retried)   ${throttled}`);
    console.log(`  failed requests       ${failed}`);
    console.log(`  lost spans            ${acceptedSpans - stored} (acknowledged ${acceptedSpans}, stored ${stored})`);
    console.log(`  plain COPY rows/s     ${copyRate.toFixed(0)} (same span rows, same table)`);
    console.log(`  ingest / COPY         ${((100 * ingestRate) / copyRate).toFixed(0)}%`);
    // CPU per span holds still when other work shares the machine; spans/s does not.
    const perSpan = (seconds: number | undefined) => (seconds === undefined ? "?" : ((seconds * 1e6) / acceptedSpans).toFixed(0));
    const cores = (name: string) => (used[name] ? `${used[name].cores.toFixed(2)} cores, ${perSpan(used[name].cpuSeconds)} µs a span` : "not found");
    console.log(`  server CPU            ${cores("server")} (user+sys over the run, worker threads included)`);
    console.log(`  PostgreSQL CPU        ${cores("postgres")}; plain COPY: ${copyPgMicrosPerRow.toFixed(0)} µs a row`);
    console.log(`  senders CPU           ${(sendersCpuSeconds / elapsed).toFixed(2)} cores, ${perSpan(sendersCpuSeconds)} µs a span (this process)`);
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    const members = (used.server?.members ?? []).filter((m) => m.peakRssBytes > 0).map((m) => `${m.command}: ${mib(m.rssAtTreePeakBytes)} MiB at the peak, own peak ${mib(m.peakRssBytes)}`);
    console.log(`  server peak RSS       ${mib(used.server?.peakRssBytes ?? 0)} MiB, ${mib(used.server?.startRssBytes ?? 0)} MiB when sending began (${members.join("; ")})`);
    console.log(`  senders               ${encodeEach ? "each request encoded with protobufjs (--encode-each)" : "pre-encoded requests, ids and times patched"}`);
    console.log(`  load average          ${load.map((l) => l.toFixed(2)).join(" ")} (1/5/15 min, at the end; ${os.cpus().length} cores)`);
  } finally {
    await server.stop();
  }
}

/**
 * Reads back the spans just ingested and loads them again with COPY into the same table,
 * shifted one day (tomorrow's partition exists ahead of time) so their keys stay unique.
 */
/**
 * Plain COPY of `rows` stored spans (shifted a day) into the same table, and the CPU its backend
 * spent on it (that one process's, read from /proc: PostgreSQL's whole tree loses the CPU of the
 * server's connections as they close, which made the difference of two tree samples negative).
 */
async function measureCopy(db: pg.Client, rows: number): Promise<{ rate: number; pgMicrosPerRow: number }> {
  const backend = Number((await db.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid);
  const backendCpu = () => sampleTrees({ copy: backend }).copy?.cpuSeconds ?? NaN;
  const columns = "start_time, trace_id, span_id, parent_span_id, trace_state, flags, service_name, name, kind, start_ns, duration_ns, status_code, status_message, is_timeout, attributes, resource_id, scope_name, scope_version, links, dropped_attributes_count, dropped_events_count, dropped_links_count";
  // Sent in slabs of about 1 MiB: one CopyData message of the whole table would pass PostgreSQL's
  // 1 GB message limit at ~1.5 M spans ("protocol synchronization was lost").
  const slabs: Buffer[] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const out = db.query(copyTo(`COPY (SELECT start_time + interval '1 day', ${columns.split(", ").slice(1).join(", ")} FROM spans ORDER BY start_time LIMIT ${rows}) TO STDOUT`));
  for await (const chunk of out) {
    pending.push(chunk as Buffer);
    pendingBytes += (chunk as Buffer).length;
    if (pendingBytes < 2 ** 20) continue;
    slabs.push(Buffer.concat(pending));
    pending = [];
    pendingBytes = 0;
  }
  if (pending.length) slabs.push(Buffer.concat(pending));
  const cpuBefore = backendCpu();
  const started = performance.now();
  await pipeline(Readable.from(slabs), db.query(copyFrom(`COPY spans (${columns}) FROM STDIN`)));
  const rate = rows / ((performance.now() - started) / 1000);
  return { rate, pgMicrosPerRow: ((backendCpu() - cpuBefore) * 1e6) / rows };
}

main().catch((error: unknown) => {
  console.error(`[bench:ingest] failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
