import { move, transferableSymbol, valueSymbol } from "piscina";
import { ApiError, type ErrorCode } from "@/lib/http/api-error";
import type { OtlpEncoding } from "../otlp/model";
import { prepareLogs, type PreparedLogs } from "../store/prepare-logs";
import { prepareMetrics, type PreparedMetrics } from "../store/prepare-metrics";
import { prepareTraces, type PreparedTraces } from "../store/prepare-traces";

// The tasks an ingest worker thread runs (loaded by ingest-worker.mjs), one per signal: one
// request body in, its prepared rows out. The body arrives as a transferred ArrayBuffer and goes
// back the same way (the caller needs it again only if the store finds duplicates), and the
// COPY text travels as transferred buffers too, so crossing threads copies only the small lists.
// An ApiError (the body is unusable as a whole: 400) cannot cross a thread as itself, so it
// comes back as its code and message; anything else is a defect and rejects the task.

export interface PrepareTask {
  body: ArrayBuffer;
  encoding: OtlpEncoding;
  nowMs: number;
}

export type PrepareOutcome<P> = { ok: true; prepared: P; body: ArrayBuffer } | { ok: false; code: ErrorCode; message: string; body: ArrayBuffer };

/** What each signal's task returns, by the name of its export in ingest-worker.mjs. */
export interface PreparedBySignal {
  prepareTraces: PreparedTraces;
  prepareMetrics: PreparedMetrics;
  prepareLogs: PreparedLogs;
}

function runPrepare<P>(task: PrepareTask, prepare: (body: Uint8Array, encoding: OtlpEncoding, now: Date) => P, rows: (prepared: P) => Uint8Array[]) {
  let outcome: PrepareOutcome<P>;
  try {
    outcome = { ok: true, prepared: prepare(new Uint8Array(task.body), task.encoding, new Date(task.nowMs)), body: task.body };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    outcome = { ok: false, code: error.code, message: error.message, body: task.body };
  }
  const buffers = new Set<ArrayBuffer>([task.body]);
  if (outcome.ok) for (const bytes of rows(outcome.prepared)) buffers.add(bytes.buffer as ArrayBuffer);
  return move({ [transferableSymbol]: [...buffers], [valueSymbol]: outcome });
}

export const prepareTracesTask = (task: PrepareTask) => runPrepare(task, prepareTraces, (p) => [p.spanRows, p.eventRows]);
export const prepareMetricsTask = (task: PrepareTask) => runPrepare(task, prepareMetrics, (p) => [p.pointRows]);
export const prepareLogsTask = (task: PrepareTask) => runPrepare(task, prepareLogs, (p) => [p.logRows]);
