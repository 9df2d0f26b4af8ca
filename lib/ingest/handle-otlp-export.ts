import "server-only";
import { NextResponse } from "next/server";
import type pg from "pg";
import { getPool } from "@/lib/db/client";
import { env } from "@/lib/server-env";
import { ApiError } from "@/lib/http/api-error";
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
import { storePreparedTraces } from "./store/store-prepared-traces";
import { storeTraces } from "./store/store-traces";
import { storeOrRefuse } from "./store-or-refuse";
import { decodeLogsInWorker, decodeMetricsInWorker } from "./worker/decode-in-worker";
import { defaultIngestWorkers, type IngestWorkerPool, ingestWorkerPool } from "./worker/ingest-worker-pool";

// One OTLP/HTTP export: authenticate (401, nothing read) → read and inflate the body within
// limits (413/415) and a deadline (408), its bytes counted against the body budget (503 +
// Retry-After when too many bodies are in flight) → decode and validate (400 when nothing is
// usable; partial success otherwise) → only now wait for a store slot (503 + Retry-After when
// the store is behind), so a slow upload never holds one → store in one transaction → answer
// with the Export*ServiceResponse only after commit. A store failure is answered with 503 so
// the exporter retries: acknowledged data is never lost. Traces are decoded and turned into COPY
// rows by worker threads (worker/ingest-worker-pool.ts, 503 when they are behind) once they
// have started, unless SIGHTLINE_INGEST_WORKERS=0; metrics and logs are decoded here.

export const MAX_OTLP_BODY_BYTES = 16 * 1024 * 1024;

type Decoded = { rejected: number; errors: string[]; store: () => Promise<unknown> };

/** Decodes and validates one body; `store` then writes what was accepted. `take` accounts memory held. */
type Decode = (bytes: Uint8Array, encoding: OtlpEncoding, take: (bytes: number) => void) => Decoded | Promise<Decoded>;

function refuseIfAllRejected(accepted: number, rejected: number, errors: string[], noun: string) {
  if (accepted === 0 && rejected > 0) throw new ApiError("bad_request", `all ${rejected} ${noun} were rejected: ${errors.join("; ")}`);
}

function decodeWith<R>(decode: (body: Uint8Array, encoding: OtlpEncoding) => DecodeResult<R>, store: (pool: pg.Pool, records: R[]) => Promise<unknown>, noun: string): Decode {
  return (bytes, encoding) => {
    const decoded = decode(bytes, encoding);
    refuseIfAllRejected(decoded.records.length, decoded.rejected, decoded.errors, noun);
    return { rejected: decoded.rejected, errors: decoded.errors, store: () => store(getPool(), decoded.records) };
  };
}

/** Traces through the worker pool: the event loop gets COPY text back and only streams it. */
function decodeTracesInWorker(pool: IngestWorkerPool): Decode {
  return async (bytes, encoding, take) => {
    const now = new Date();
    const { prepared, body } = await pool.prepareTraces(bytes, encoding, now);
    take(prepared.spanRows.byteLength + prepared.eventRows.byteLength);
    refuseIfAllRejected(prepared.spanCount, prepared.rejected, prepared.errors, "spans");
    const store = async () => {
      // A retried request (spans already stored): decoded again here, stored skipping those.
      if ((await storePreparedTraces(getPool(), prepared)) === "duplicates") await storeTraces(getPool(), decodeTraces(body, encoding, { now }).records);
    };
    return { rejected: prepared.rejected, errors: prepared.errors, store };
  };
}

const tracesPool = () => ingestWorkerPool(env.SIGHTLINE_INGEST_WORKERS ?? defaultIngestWorkers());

const decoders: Record<OtlpSignal, () => Decode> = {
  traces: () => {
    const pool = tracesPool();
    return pool?.ready ? decodeTracesInWorker(pool) : decodeWith((b, e) => decodeTraces(b, e), storeTraces, "spans");
  },
  metrics: () => {
    const pool = tracesPool();
    return pool?.ready ? decodeMetricsInWorker(pool) : decodeWith((b, e) => decodeMetrics(b, e), storeMetrics, "data points");
  },
  logs: () => {
    const pool = tracesPool();
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
    if (signal === "traces") tracesPool()?.refuseIfFull();
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
