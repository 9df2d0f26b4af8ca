import "server-only";
import { NextResponse } from "next/server";
import type pg from "pg";
import { getPool } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/error-response";
import { ingestAdmission } from "./admission";
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

// One OTLP/HTTP export: authenticate (401, nothing read) → wait for an ingest slot (503 +
// Retry-After when the store is behind) → read and inflate the body within limits (413/415)
// → decode and validate (400 when nothing is usable; partial success otherwise) → store in one
// transaction → answer with the Export*ServiceResponse only after commit. A store failure is
// answered with 503 so the exporter retries: acknowledged data is never lost.

export const MAX_OTLP_BODY_BYTES = 16 * 1024 * 1024;

/** Decodes, validates and stores one body; returns the partial-success tally. */
type Ingest = (bytes: Uint8Array, encoding: OtlpEncoding) => Promise<{ rejected: number; errors: string[] }>;

function ingestWith<R>(decode: (body: Uint8Array, encoding: OtlpEncoding) => DecodeResult<R>, store: (pool: pg.Pool, records: R[]) => Promise<unknown>, noun: string): Ingest {
  return async (bytes, encoding) => {
    const decoded = decode(bytes, encoding);
    if (decoded.records.length === 0 && decoded.rejected > 0) {
      throw new ApiError("bad_request", `all ${decoded.rejected} ${noun} were rejected: ${decoded.errors.join("; ")}`);
    }
    await storeOrUnavailable(() => store(getPool(), decoded.records));
    return decoded;
  };
}

const ingest: Record<OtlpSignal, Ingest> = {
  traces: ingestWith((b, e) => decodeTraces(b, e), storeTraces, "spans"),
  metrics: ingestWith((b, e) => decodeMetrics(b, e), storeMetrics, "data points"),
  logs: ingestWith((b, e) => decodeLogs(b, e), storeLogs, "log records"),
};

export async function handleOtlpExport(request: Request, signal: OtlpSignal): Promise<Response> {
  try {
    await authenticateIngest(request);
    return await ingestAdmission().run(async () => {
      const { bytes, encoding } = await readOtlpBody(request, { maxBytes: MAX_OTLP_BODY_BYTES });
      const { rejected, errors } = await ingest[signal](bytes, encoding);
      const response = encodeExportResponse(signal, encoding, { rejected, errorMessage: errors.join("; ") });
      return new NextResponse(response.body as BodyInit, { status: 200, headers: { "Content-Type": response.contentType } });
    });
  } catch (error) {
    return errorResponse(error);
  }
}

async function storeOrUnavailable(write: () => Promise<unknown>) {
  try {
    await write();
  } catch (error) {
    console.error("[sightline] ingest write failed; the sender will retry:", error);
    throw new ApiError("unavailable", "the store could not take this batch; nothing was written, retry", {
      retryAfterSeconds: 2,
      cause: error,
    });
  }
}
