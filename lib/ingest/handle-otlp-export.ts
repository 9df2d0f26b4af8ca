import "server-only";
import { NextResponse } from "next/server";
import type pg from "pg";
import { getPool } from "@/lib/db/client";
import { env } from "@/lib/server-env";
import { errorResponse } from "@/lib/http/error-response";
import { ingestAdmission } from "./admission";
import { ingestBodyBudget } from "./body-budget";
import { authenticateIngest } from "./auth/authenticate-ingest";
import { decodeLogs } from "./otlp/decode-logs";
import { decodeMetrics } from "./otlp/decode-metrics";
import { decodeTraces } from "./otlp/decode-traces";
import { encodeExportResponse } from "./otlp/encode-export-response";
import type { DecodeResult, OtlpEncoding, OtlpSignal } from "./otlp/model";
import { readOtlpBody } from "./otlp/read-otlp-body";
import { storeLogs } from "./store/store-logs";
import { storeMetrics } from "./store/store-metrics";
import { storeTraces } from "./store/store-traces";
import { storeOrRefuse } from "./store-or-refuse";
import { decodeLogsInWorker, decodeMetricsInWorker, decodeTracesInWorker, refuseIfAllRejected, type DecodedInWorker as Decoded } from "./worker/decode-in-worker";
import { defaultIngestWorkers, ingestWorkerPool } from "./worker/ingest-worker-pool";

// One OTLP/HTTP export: authenticate (401, nothing read) → read and inflate the body within
// limits (413/415) and a deadline (408), its bytes counted against the body budget (503 +
// Retry-After when too many bodies are in flight) → decode and validate (400 when nothing is
// usable; partial success otherwise) → only now wait for a store slot (503 + Retry-After when
// the store is behind), so a slow upload never holds one → store in one transaction → answer
// with the Export*ServiceResponse only after commit. A store failure is answered with 503 so
// the exporter retries: acknowledged data is never lost. Every signal is decoded and turned into
// COPY rows by worker threads (worker/decode-in-worker.ts; 503 when they are behind) once they
// have started, unless SIGHTLINE_INGEST_WORKERS=0; until then, here.

export const MAX_OTLP_BODY_BYTES = 16 * 1024 * 1024;

/** Decodes and validates one body; `store` then writes what was accepted. `take` accounts memory held. */
type Decode = (bytes: Uint8Array, encoding: OtlpEncoding, take: (bytes: number) => void) => Decoded | Promise<Decoded>;

function decodeWith<R>(decode: (body: Uint8Array, encoding: OtlpEncoding) => DecodeResult<R>, store: (pool: pg.Pool, records: R[]) => Promise<unknown>, noun: string): Decode {
  return (bytes, encoding) => {
    const decoded = decode(bytes, encoding);
    refuseIfAllRejected(decoded.records.length, decoded.rejected, decoded.errors, noun);
    return { rejected: decoded.rejected, errors: decoded.errors, store: () => store(getPool(), decoded.records) };
  };
}

const workerPool = () => ingestWorkerPool(env.SIGHTLINE_INGEST_WORKERS ?? defaultIngestWorkers());

const decoders: Record<OtlpSignal, () => Decode> = {
  traces: () => {
    const pool = workerPool();
    return pool?.ready ? decodeTracesInWorker(pool) : decodeWith((b, e) => decodeTraces(b, e), storeTraces, "spans");
  },
  metrics: () => {
    const pool = workerPool();
    return pool?.ready ? decodeMetricsInWorker(pool) : decodeWith((b, e) => decodeMetrics(b, e), storeMetrics, "data points");
  },
  logs: () => {
    const pool = workerPool();
    return pool?.ready ? decodeLogsInWorker(pool) : decodeWith((b, e) => decodeLogs(b, e), storeLogs, "log records");
  },
};

export interface OtlpExportOptions {
  /** Overrides BODY_READ_DEADLINE_MS (tests use a short one). */
  bodyDeadlineMs?: number;
}

export async function handleOtlpExport(request: Request, signal: OtlpSignal, options: OtlpExportOptions = {}): Promise<Response> {
  try {
    await authenticateIngest(request);
    const admission = ingestAdmission();
    admission.refuseIfFull();
    workerPool()?.refuseIfFull();
    return await ingestBodyBudget().run(async (take) => {
      const { bytes, encoding } = await readOtlpBody(request, { maxBytes: MAX_OTLP_BODY_BYTES, deadlineMs: options.bodyDeadlineMs, take });
      const { rejected, errors, store } = await decoders[signal]()(bytes, encoding, take);
      await admission.run(() => storeOrRefuse(store));
      const response = encodeExportResponse(signal, encoding, { rejected, errorMessage: errors.join("; ") });
      return new NextResponse(response.body as BodyInit, { status: 200, headers: { "Content-Type": response.contentType } });
    });
  } catch (error) {
    return errorResponse(error);
  }
}
