import { move, transferableSymbol, valueSymbol } from "piscina";
import { ApiError, type ErrorCode } from "@/lib/http/api-error";
import type { OtlpEncoding } from "../otlp/model";
import { prepareTraces, type PreparedTraces } from "../store/prepare-traces";

// The task an ingest worker thread runs (loaded by ingest-worker.mjs): one traces request body
// in, its prepared rows out. The body arrives as a transferred ArrayBuffer and goes back the
// same way (the caller needs it again only if the store finds duplicates), and the COPY text
// travels as transferred buffers too, so crossing threads copies only the small lists.
// An ApiError (the body is unusable as a whole: 400) cannot cross a thread as itself, so it
// comes back as its code and message; anything else is a defect and rejects the task.

export interface PrepareTracesTask {
  body: ArrayBuffer;
  encoding: OtlpEncoding;
  nowMs: number;
}

export type PrepareTracesOutcome =
  | { ok: true; prepared: PreparedTraces; body: ArrayBuffer }
  | { ok: false; code: ErrorCode; message: string; body: ArrayBuffer };

export default function prepareTracesTask(task: PrepareTracesTask) {
  let outcome: PrepareTracesOutcome;
  try {
    outcome = { ok: true, prepared: prepareTraces(new Uint8Array(task.body), task.encoding, new Date(task.nowMs)), body: task.body };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    outcome = { ok: false, code: error.code, message: error.message, body: task.body };
  }
  const buffers = new Set<ArrayBuffer>([task.body]);
  if (outcome.ok) for (const rows of [outcome.prepared.spanRows, outcome.prepared.eventRows]) buffers.add(rows.buffer as ArrayBuffer);
  return move({ [transferableSymbol]: [...buffers], [valueSymbol]: outcome });
}
