import { parseArgs } from "node:util";
import type pg from "pg";
import { isTimeoutSpan } from "../../lib/ingest/classify-timeout";
import { decodeTraces, tracesRequestFromProtobuf } from "../../lib/ingest/otlp/decode-traces";
import { prepareSpans, spanEventCopyRows } from "../../lib/ingest/store/prepare-traces";
import { spanCopyRows } from "../../lib/ingest/store/span-copy-rows";
import { buildSpanRollups, foldRollupsToHours } from "../../lib/ingest/store/span-rollups";
import { storePreparedTraces } from "../../lib/ingest/store/store-prepared-traces";
import { storeTraces } from "../../lib/ingest/store/store-traces";
import { resourceId } from "../../lib/ingest/store/upsert-resources";
import { withBenchDatabase } from "./bench-database";
import { cpuMs, step } from "./cpu-step";
import { makeTraceBatch } from "./make-trace-batch";
import { childrenNamed, sampleTrees } from "./process-usage";

// `tsx scripts/bench/profile-ingest-steps.ts [--batches N]`: where the server's CPU goes for one
// OTLP traces request of bench:ingest's shape (500 spans), step by step, each step run alone over
// the same batches in this one thread (user + system CPU of this process), then the store steps
// against an embedded PostgreSQL, whose own CPU is read from /proc. HTTP and Next.js are not in
// here: they are what bench:ingest's server CPU per span leaves once these are taken out.

const { values: args } = parseArgs({ options: { batches: { type: "string", default: "200" } } });
const batches = Number(args.batches);
const log = (line: string) => console.log(`[profile] ${line}`);

async function main() {
  log(`building ${batches} requests of 500 spans`);
  const bodies = Array.from({ length: batches }, () => makeTraceBatch(500));
  const now = new Date();
  const decoded = bodies.map((b) => decodeTraces(b, "protobuf", { now }).records);
  const cpu = new Map<string, number>();

  step("protobuf decode (each item parsed)", bodies, (b) => tracesRequestFromProtobuf(b), cpu);
  step("decode + validate (decodeTraces)", bodies, (b) => decodeTraces(b, "protobuf", { now }), cpu);
  step("  timeout classification", decoded, (spans) => spans.filter(isTimeoutSpan), cpu);
  step("  resource ids", decoded, (spans) => spans.map((s) => resourceId(s.resource)), cpu);
  step("  span COPY text", decoded, (spans) => spanCopyRows(spans, new Map(spans.map((s) => [s.resource, resourceId(s.resource)])), new Set()), cpu);
  step("  event COPY text", decoded, (spans) => spanEventCopyRows(spans), cpu);
  step("  rollups (minute + hour)", decoded, (spans) => foldRollupsToHours(buildSpanRollups(spans, () => false)), cpu);
  step("rows, all (prepareSpans, UTF-8 included)", decoded, (spans) => prepareSpans(spans), cpu);
  const prepared = decoded.map((spans) => prepareSpans(spans));

  await withBenchDatabase({
    prefix: "sightline-profile-",
    log,
    poolMax: 2,
    seed: () => Promise.resolve(null),
    measure: async (pool: pg.Pool) => {
      const postmaster = childrenNamed(process.pid, "postgres")[0];
      const pgCpuMs = () => (postmaster ? (sampleTrees({ pg: postmaster }).pg?.cpuSeconds ?? 0) * 1000 : NaN);
      const store = async (name: string, count: number, write: (i: number) => Promise<unknown>) => {
        await write(0);
        const [client, server] = [cpuMs(), pgCpuMs()];
        for (let i = 1; i < count; i++) await write(i);
        cpu.set(`${name}: this process`, (cpuMs() - client) / (count - 1));
        cpu.set(`${name}: PostgreSQL`, (pgCpuMs() - server) / (count - 1));
      };
      const half = Math.floor(batches / 2);
      await store("store prepared (COPY spans + events, rollup upsert)", half, (i) => storePreparedTraces(pool, { rejected: 0, errors: [], ...prepared[i]! }));
      // Fresh spans again (the first half is stored): the old in-thread path on the other half.
      await store("store in-thread (storeTraces, from decoded records)", batches - half, (i) => storeTraces(pool, decoded[half + i]!));
    },
  });

  log(`CPU per request of 500 spans (ms), mean of ${batches}:`);
  for (const [name, ms] of cpu) console.log(`  ${name.padEnd(62)} ${ms.toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
