import "server-only";
import { getPool } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { decodeLogs } from "../otlp/decode-logs";
import { decodeTraces } from "../otlp/decode-traces";
import type { OtlpEncoding } from "../otlp/model";
import { storeLogs } from "../store/store-logs";
import { storePreparedLogs } from "../store/store-prepared-logs";
import { storePreparedMetrics } from "../store/store-prepared-metrics";
import { storePreparedTraces } from "../store/store-prepared-traces";
import { storeTraces } from "../store/store-traces";
import type { IngestWorkerPool } from "./ingest-worker-pool";

// Traces, metrics and logs through the worker pool: the thread decodes, validates and builds the
// COPY text; the event loop gets byte arrays and small lists back and only streams them into
// PostgreSQL. The answers are those of the event loop's path (handle-otlp-export.ts, until a
// thread has started or with SIGHTLINE_INGEST_WORKERS=0): the same partial-success counts and
// messages, the same 400 when nothing is usable.

/** One decoded body, as handle-otlp-export.ts's decoders return it. */
export interface DecodedInWorker {
  rejected: number;
  errors: string[];
  store: () => Promise<unknown>;
}

type DecodeInWorker = (bytes: Uint8Array, encoding: OtlpEncoding, take: (bytes: number) => void) => Promise<DecodedInWorker>;

export function refuseIfAllRejected(accepted: number, rejected: number, errors: string[], noun: string) {
  if (accepted === 0 && rejected > 0) throw new ApiError("bad_request", `all ${rejected} ${noun} were rejected: ${errors.join("; ")}`);
}

/** Traces: a retried request (spans already stored) is decoded again here and stored skipping those. */
export function decodeTracesInWorker(pool: IngestWorkerPool): DecodeInWorker {
  return async (bytes, encoding, take) => {
    const now = new Date();
    const { prepared, body } = await pool.prepareTraces(bytes, encoding, now);
    take(prepared.spanRows.byteLength + prepared.eventRows.byteLength);
    refuseIfAllRejected(prepared.spanCount, prepared.rejected, prepared.errors, "spans");
    const store = async () => {
      if ((await storePreparedTraces(getPool(), prepared)) === "duplicates") await storeTraces(getPool(), decodeTraces(body, encoding, { now }).records);
    };
    return { rejected: prepared.rejected, errors: prepared.errors, store };
  };
}

/** Metrics: the database still decides which points are new (store-prepared-metrics.ts), so there is no fallback. */
export function decodeMetricsInWorker(pool: IngestWorkerPool): DecodeInWorker {
  return async (bytes, encoding, take) => {
    const { prepared } = await pool.prepareMetrics(bytes, encoding, new Date());
    take(prepared.pointRows.byteLength);
    refuseIfAllRejected(prepared.pointCount, prepared.rejected, prepared.errors, "data points");
    return { rejected: prepared.rejected, errors: prepared.errors, store: () => storePreparedMetrics(getPool(), prepared) };
  };
}

/** Logs: a retried request (records already stored) is decoded again here and stored skipping those. */
export function decodeLogsInWorker(pool: IngestWorkerPool): DecodeInWorker {
  return async (bytes, encoding, take) => {
    const now = new Date();
    const { prepared, body } = await pool.prepareLogs(bytes, encoding, now);
    take(prepared.logRows.byteLength);
    refuseIfAllRejected(prepared.logCount, prepared.rejected, prepared.errors, "log records");
    const store = async () => {
      if ((await storePreparedLogs(getPool(), prepared)) === "duplicates") await storeLogs(getPool(), decodeLogs(body, encoding, { now }).records);
    };
    return { rejected: prepared.rejected, errors: prepared.errors, store };
  };
}
