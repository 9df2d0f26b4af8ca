import { existsSync, readdirSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

// `tsx scripts/bench/summarize-cpu-profiles.ts DIR [--top N]`: where the server's CPU went in a
// `bench:ingest --cpu-prof DIR` run. Reads every V8 CPU profile in DIR (one a thread of each
// server process), keeps the samples taken while the senders were sending (DIR/window.json),
// and puts each sample in one category by its stack: the innermost frame from a library or from
// our code decides (the production bundles of `next build` are minified, so their frames are
// mapped back to sources with the .map beside them); frames of Node's own modules (streams,
// events, sockets) decide only when nothing else is on the stack, so a COPY stream's write
// counts as pg, not as "streams". Prints, a thread at a time and for all, milliseconds, the
// share of busy time and µs a span.

const { values: args, positionals } = parseArgs({ options: { top: { type: "string", default: "12" } }, allowPositionals: true });
const dir = positionals[0];
if (!dir) throw new Error("usage: tsx scripts/bench/summarize-cpu-profiles.ts DIR [--top N]");

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface Profile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

// Innermost match wins. Order matters only among patterns that can match the same source.
const STRONG: [RegExp, string][] = [
  [/lib\/ingest\/otlp\/read-otlp-body/, "body reading"],
  [/lib\/ingest\/auth\/|lib\/auth\//, "auth"],
  [/lib\/ingest\/store\/(store-prepared-traces|upsert-|store-traces)|lib\/db\/|node_modules\/(pg|pg-protocol|pg-pool|pg-copy-streams|pg-types|pg-int8|postgres-array|postgres-date|postgres-interval|postgres-bytea|pgpass|pg-connection-string)\//, "pg driver + COPY streaming"],
  [/lib\/ingest\/otlp\/encode-export-response|lib\/ingest\/(handle-otlp-export|admission|body-budget|store-or-refuse)|lib\/http\//, "ingest glue (handler, limits, answer)"],
  [/lib\/ingest\/otlp\/|node_modules\/protobufjs\/|node_modules\/@protobufjs\//, "decode + validate"],
  [/lib\/ingest\/store\/|lib\/ingest\/classify-timeout|lib\/utc-day/, "row building"],
  [/lib\/ingest\/worker\/|node_modules\/piscina\//, "thread hand-off (piscina)"],
  [/node_modules\/(@prisma|prisma)\/|lib\/generated\//, "Prisma"],
  [/lib\/(consistency|alerts)\//, "start script loops (consistency, alerts)"],
  [/node_modules\/(tsx|esbuild|get-tsconfig)\//, "module loading (tsx)"],
  [/node_modules\/(next|react|react-dom|next-intl|@swc\/helpers|scheduler)\/|\.next\/server\//, "Next.js request handling/routing"],
  [/scripts\/|lib\//, "other Sightline code"],
  [/node_modules\//, "other libraries"],
];
const WEAK: [RegExp, string][] = [
  [/node:internal\/webstreams/, "web streams (request body)"],
  [/node:internal\/worker|node:worker_threads/, "thread hand-off (piscina)"],
  [/node:_http|node:http|node:net|node:internal\/http|node:internal\/stream_base|node:internal\/streams|node:stream|node:events|node:internal\/process\/task_queues|node:internal\/timers|node:timers|node:internal\/async_hooks|node:async_hooks|node:buffer|node:internal\/url/, "HTTP, sockets and streams (Node)"],
  [/node:internal\/modules|node:internal\/vm/, "module loading (tsx)"],
  [/^node:/, "other Node internals"],
];

const maps = new Map<string, SourceMap | null>();
function sourceOf(frame: CallFrame): string {
  const url = frame.url;
  if (!url || url.startsWith("node:")) return url;
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (!file.includes(`${path.sep}.next${path.sep}`)) return file;
  let map = maps.get(file);
  if (map === undefined) {
    map = existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")) as never) : null;
    maps.set(file, map);
  }
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  return entry && "originalSource" in entry && entry.originalSource ? `${file} → ${entry.originalSource}` : file;
}

function categorize(stack: CallFrame[], sources: (f: CallFrame) => string): string {
  const leaf = stack[0]!;
  if (leaf.functionName === "(garbage collector)") return "GC";
  if (leaf.functionName === "(program)") return "V8 / native, unattributed";
  // Builtins (no url) on top of the stack: JSON's own work is worth its own line.
  for (const frame of stack) {
    if (frame.url) break;
    if (frame.functionName === "stringify" || frame.functionName === "parse") return "JSON (stringify / parse)";
  }
  for (const rules of [STRONG, WEAK]) {
    for (const frame of stack) {
      const source = sources(frame);
      if (!source) continue;
      const original = source.includes(" → ") ? source.split(" → ")[1]! : source;
      const rule = rules.find(([pattern]) => pattern.test(original));
      if (rule) return rule[1];
    }
  }
  return "the rest";
}

interface ThreadSummary {
  label: string;
  busyMs: number;
  byCategory: Map<string, number>;
  bySelf: Map<string, number>;
}

function summarize(file: string, window: { startUs: number; endUs: number } | undefined): ThreadSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sourceCache = new Map<CallFrame, string>();
  const sources = (frame: CallFrame) => {
    let source = sourceCache.get(frame);
    if (source === undefined) sourceCache.set(frame, (source = sourceOf(frame)));
    return source;
  };
  const categoryOf = new Map<number, string>();
  const byCategory = new Map<string, number>();
  const bySelf = new Map<string, number>();
  let busyMs = 0;
  let nextServer = false;
  let startScript = false;
  for (const node of profile.nodes) {
    if (/node_modules\/next\/dist\/server/.test(node.callFrame.url)) nextServer = true;
    if (/scripts\/start\.ts/.test(node.callFrame.url)) startScript = true;
  }
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (window && (t < window.startUs || t > window.endUs)) continue;
    const id = profile.samples[i]!;
    const leaf = byId.get(id)!;
    // A decode thread waiting for its next task sits in Atomics.wait (through the preload's wrapper): idle, not work.
    if (leaf.callFrame.functionName === "(idle)" || /Atomics\.wait|^wait$/.test(leaf.callFrame.functionName)) continue;
    let category = categoryOf.get(id);
    if (category === undefined) {
      const stack: CallFrame[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
      category = categorize(stack, sources);
      categoryOf.set(id, category);
    }
    busyMs += ms;
    byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
    const self = `${leaf.callFrame.functionName || "(anonymous)"} ${path.basename(sources(leaf.callFrame).split("→").pop()!.trim()) || leaf.callFrame.url}`;
    bySelf.set(self, (bySelf.get(self) ?? 0) + ms);
  }
  const [, pid, tid] = /\.(\d+)\.(\d+)\.\d+\.cpuprofile$/.exec(file) ?? [];
  const what = nextServer ? "Next.js server" : startScript ? "npm start's script" : "process";
  const label = `${what} ${pid} ${tid === "0" ? "event loop" : `thread ${tid}`}`;
  return { label, busyMs, byCategory, bySelf };
}

function printTable(title: string, summaries: ThreadSummary[], spans: number | undefined, seconds: number | undefined) {
  const busy = summaries.reduce((s, x) => s + x.busyMs, 0);
  const total = new Map<string, number>();
  for (const s of summaries) for (const [c, ms] of s.byCategory) total.set(c, (total.get(c) ?? 0) + ms);
  const cores = seconds ? ` = ${(busy / 1000 / seconds).toFixed(2)} cores` : "";
  console.log(`\n${title}: ${(busy / 1000).toFixed(1)} s busy${cores}${spans ? `, ${((busy * 1000) / spans).toFixed(1)} µs a span` : ""}`);
  console.log(`| category | ms | share | µs a span |\n|---|---:|---:|---:|`);
  for (const [category, ms] of [...total.entries()].sort((a, b) => b[1] - a[1])) {
    console.log(`| ${category} | ${ms.toFixed(0)} | ${((100 * ms) / busy).toFixed(1)}% | ${spans ? ((ms * 1000) / spans).toFixed(1) : "?"} |`);
  }
}

const windowFile = path.join(dir, "window.json");
const window = existsSync(windowFile) ? (JSON.parse(readFileSync(windowFile, "utf8")) as { startUs: number; endUs: number; acceptedSpans: number }) : undefined;
const seconds = window ? (window.endUs - window.startUs) / 1e6 : undefined;
if (window) console.log(`window: ${seconds!.toFixed(1)} s of sending, ${window.acceptedSpans} spans accepted`);
else console.log("no window.json: every sample counts");
const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(dir, f));
const summaries = files.map((f) => summarize(f, window)).filter((s) => s.busyMs > 0);
for (const s of summaries) {
  printTable(s.label, [s], window?.acceptedSpans, seconds);
  console.log(`top self time: ${[...s.bySelf.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top)).map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join(" · ")}`);
}
printTable("all server threads", summaries, window?.acceptedSpans, seconds);
