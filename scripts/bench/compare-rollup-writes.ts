import { parseArgs } from "node:util";
import type pg from "pg";
import { ensurePartitions } from "../../lib/db/ensure-partitions";
import { isTimeoutSpan } from "../../lib/ingest/classify-timeout";
import { decodeTraces } from "../../lib/ingest/otlp/decode-traces";
import { copyRows } from "../../lib/ingest/store/copy-rows";
import { pgText } from "../../lib/ingest/store/pg-safe";
import { copyText } from "../../lib/ingest/store/span-copy-rows";
import { buildSpanRollups, foldRollupsToHours, type RollupRow } from "../../lib/ingest/store/span-rollups";
import { ROLLUP_MERGE, upsertRollupRows } from "../../lib/ingest/store/upsert-span-rollups";
import { withBenchDatabase } from "./bench-database";
import { makeTraceBatch } from "./make-trace-batch";
import { sampleTrees } from "./process-usage";

// `tsx scripts/bench/compare-rollup-writes.ts [--requests N] [--rounds R]`: the client and
// PostgreSQL CPU of writing one request's span rollups (minute and hour rows of a 500-span
// request of bench:ingest's shape, one transaction a request) in four ways:
//   unnest     today's upsertRollupRows: one INSERT … SELECT FROM unnest(…) ON CONFLICT a table
//   unnest-1   the same two upserts as one statement (two INSERTs in one WITH)
//   copy       COPY of both levels into a temporary table, then one upsert a table from it
//   copy-1     the same COPY, then both upserts as one statement
// The COPY text is built beforehand (an ingest worker would build it), and its cost is printed
// apart. Client CPU is this process's; PostgreSQL's is its backend's (/proc/<pid>/stat). The
// ways take turns in rounds, so a change of the machine's load falls on all of them.

const { values: args } = parseArgs({ options: { requests: { type: "string", default: "400" }, rounds: { type: "string", default: "4" } } });
const requests = Number(args.requests);
const rounds = Number(args.rounds);
const log = (line: string) => console.log(`[rollups] ${line}`);

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const STAGING = "span_rollups_in";
const COLUMNS = "level, start_ms, service_name, operation, kind, count, errors, timeouts, sum_ns, max_ns, histogram";

function rollupCopyText(minutes: RollupRow[], hours: RollupRow[]): Uint8Array {
  let out = "";
  for (const [level, rows] of [[0, minutes], [1, hours]] as const) {
    for (const r of rows) {
      out += [level, r.startMs, copyText(pgText(r.serviceName)), copyText(pgText(r.operation)), r.kind, r.count, r.errors, r.timeouts, r.durationSumNs, r.durationMaxNs, `{${r.histogram.join(",")}}`].join("\t") + "\n";
    }
  }
  return new TextEncoder().encode(out);
}

// Rows go in the order they were COPied (sorted by key, as buildSpanRollups sorts them).
const upsertFromStaging = (table: string, timeColumn: string, level: number) =>
  `INSERT INTO ${table} AS r (${timeColumn}, service_name, operation, kind, count, errors, timeouts, duration_sum_ns, duration_max_ns, histogram)
   SELECT to_timestamp(u.start_ms / 1000.0), u.service_name, u.operation, u.kind, u.count, u.errors, u.timeouts, u.sum_ns, u.max_ns, u.histogram
     FROM ${STAGING} u WHERE u.level = ${level}
   ON CONFLICT (${timeColumn}, service_name, operation, kind) DO UPDATE SET ${ROLLUP_MERGE}`;

const upsertFromArrays = (table: string, timeColumn: string, first: number) =>
  `INSERT INTO ${table} AS r (${timeColumn}, service_name, operation, kind, count, errors, timeouts, duration_sum_ns, duration_max_ns, histogram)
   SELECT to_timestamp(u.start_ms / 1000.0), u.service_name, u.operation, u.kind, u.count, u.errors, u.timeouts, u.sum_ns, u.max_ns, u.histogram::bigint[]
     FROM unnest(${Array.from({ length: 10 }, (_, i) => `$${first + i}::${["bigint", "text", "text", "smallint", "bigint", "bigint", "bigint", "bigint", "bigint", "text"][i]}[]`).join(", ")})
       AS u(start_ms, service_name, operation, kind, count, errors, timeouts, sum_ns, max_ns, histogram)
   ON CONFLICT (${timeColumn}, service_name, operation, kind) DO UPDATE SET ${ROLLUP_MERGE}`;

const arrays = (rows: RollupRow[]) => [
  rows.map((r) => r.startMs),
  rows.map((r) => pgText(r.serviceName)),
  rows.map((r) => pgText(r.operation)),
  rows.map((r) => r.kind),
  rows.map((r) => r.count),
  rows.map((r) => r.errors),
  rows.map((r) => r.timeouts),
  rows.map((r) => r.durationSumNs.toString()),
  rows.map((r) => r.durationMaxNs.toString()),
  rows.map((r) => `{${r.histogram.join(",")}}`),
];

interface Request {
  minutes: RollupRow[];
  hours: RollupRow[];
  text: Uint8Array;
}

type Way = (client: pg.PoolClient, request: Request) => Promise<void>;

const ways: Record<string, Way> = {
  unnest: async (client, { minutes, hours }) => {
    await upsertRollupRows(client, "span_rollups_1m", "minute", minutes);
    await upsertRollupRows(client, "span_rollups_1h", "hour", hours);
  },
  "unnest-1": async (client, { minutes, hours }) => {
    await client.query(`WITH m AS (${upsertFromArrays("span_rollups_1m", "minute", 1)}) ${upsertFromArrays("span_rollups_1h", "hour", 11)}`, [...arrays(minutes), ...arrays(hours)]);
  },
  copy: async (client, { text }) => {
    await copyRows(client, `COPY ${STAGING} (${COLUMNS}) FROM STDIN`, text);
    await client.query(upsertFromStaging("span_rollups_1m", "minute", 0));
    await client.query(upsertFromStaging("span_rollups_1h", "hour", 1));
  },
  "copy-1": async (client, { text }) => {
    await copyRows(client, `COPY ${STAGING} (${COLUMNS}) FROM STDIN`, text);
    await client.query(`WITH m AS (${upsertFromStaging("span_rollups_1m", "minute", 0)}) ${upsertFromStaging("span_rollups_1h", "hour", 1)}`);
  },
};

async function main() {
  log(`building ${requests} requests of 500 spans`);
  const now = Date.now();
  const built = Array.from({ length: requests }, () => {
    const spans = decodeTraces(makeTraceBatch(500, now), "protobuf").records;
    const timeouts = new Set(spans.filter(isTimeoutSpan));
    const minutes = buildSpanRollups(spans, (s) => timeouts.has(s));
    return { minutes, hours: foldRollupsToHours(minutes) };
  });
  const textStarted = cpuMs();
  const all: Request[] = built.map((r) => ({ ...r, text: rollupCopyText(r.minutes, r.hours) }));
  const textMs = (cpuMs() - textStarted) / requests;
  const rowsPerRequest = all.reduce((n, r) => n + r.minutes.length + r.hours.length, 0) / requests;

  await withBenchDatabase({
    prefix: "sightline-rollups-",
    log,
    poolMax: 1,
    seed: () => Promise.resolve(null),
    measure: async (pool) => {
      // Partitions first: the pool has one connection, which the loop below then holds.
      const day = new Date(now).toISOString().slice(0, 10);
      for (const table of ["span_rollups_1m", "span_rollups_1h"] as const) await ensurePartitions(pool, table, [day]);
      const client = await pool.connect();
      try {
        const backend = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
        const serverMs = () => (sampleTrees({ b: backend }).b?.cpuSeconds ?? NaN) * 1000;
        await client.query(`CREATE TEMPORARY TABLE ${STAGING} (level smallint, start_ms bigint, service_name text, operation text, kind smallint, count bigint,
                              errors bigint, timeouts bigint, sum_ns bigint, max_ns bigint, histogram bigint[]) ON COMMIT DELETE ROWS`);
        const totals = new Map<string, { client: number; server: number; n: number }>();
        for (let round = 0; round < rounds; round++) {
          for (const [name, write] of Object.entries(ways)) {
            const transaction = async (request: Request) => {
              await client.query("BEGIN");
              await write(client, request);
              await client.query("COMMIT");
            };
            for (const request of all.slice(0, 10)) await transaction(request); // warm up
            const [c, s] = [cpuMs(), serverMs()];
            for (const request of all) await transaction(request);
            const total = totals.get(name) ?? { client: 0, server: 0, n: 0 };
            totals.set(name, { client: total.client + cpuMs() - c, server: total.server + serverMs() - s, n: total.n + all.length });
          }
          log(`round ${round + 1} of ${rounds} done`);
        }
        log(`${rowsPerRequest.toFixed(1)} rollup rows a request (minutes + hours); building the COPY text: ${textMs.toFixed(3)} ms a request (in a worker)`);
        log("CPU ms per request (transaction included), mean over all rounds:");
        console.log(`  ${"way".padEnd(10)} ${"client".padStart(8)} ${"PostgreSQL".padStart(11)} ${"sum".padStart(8)}`);
        for (const [name, t] of totals) console.log(`  ${name.padEnd(10)} ${(t.client / t.n).toFixed(3).padStart(8)} ${(t.server / t.n).toFixed(3).padStart(11)} ${((t.client + t.server) / t.n).toFixed(3).padStart(8)}`);
      } finally {
        client.release();
      }
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
