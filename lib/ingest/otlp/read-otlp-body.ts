// An OTLP/HTTP request body → bytes ready to decode, enforcing the size limit on the wire and
// again while inflating, so neither a huge upload nor a gzip bomb is ever held in memory whole,
// and a deadline for the whole body, so a sender that dribbles its bytes is cut off (408)
// instead of holding a connection, memory and (were it admitted) a store slot indefinitely.

import { gunzip } from "node:zlib";
import { ApiError } from "@/lib/http/api-error";
import type { OtlpEncoding } from "./model";

export interface OtlpBody {
  bytes: Uint8Array;
  encoding: OtlpEncoding;
}

const MEDIA_TYPES: Readonly<Record<string, OtlpEncoding>> = {
  "application/x-protobuf": "protobuf",
  "application/json": "json",
};

/**
 * Three times the OpenTelemetry SDKs' default export timeout (10 s): an exporter has given up on
 * a request long before its body could take this long.
 */
export const BODY_READ_DEADLINE_MS = 30_000;

export interface ReadBodyOptions {
  maxBytes: number;
  /** The whole body (headers excluded) must have arrived within this long. */
  deadlineMs?: number;
  /** Told of every chunk held in memory (raw and inflated), to account for it; may throw. */
  take?: (bytes: number) => void;
}

export async function readOtlpBody(request: Request, options: ReadBodyOptions): Promise<OtlpBody> {
  const { maxBytes, deadlineMs = BODY_READ_DEADLINE_MS, take = () => {} } = options;
  const encoding = bodyEncoding(request.headers.get("content-type"));
  const gzipped = isGzipped(request.headers.get("content-encoding"));
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(`request body of ${declared} bytes exceeds the limit of ${maxBytes}`);

  const raw = await readLimited(request.body, { maxBytes, deadlineMs, take, declared });
  if (!(gzipped && raw.length > 0)) return { bytes: raw, encoding };
  const bytes = await gunzipLimited(raw, maxBytes);
  take(bytes.length);
  return { bytes, encoding };
}

function bodyEncoding(contentType: string | null): OtlpEncoding {
  const mediaType = (contentType ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
  const encoding = MEDIA_TYPES[mediaType];
  if (!encoding) {
    throw new ApiError(
      "unsupported_media_type",
      `Content-Type must be application/x-protobuf or application/json, got ${contentType ? `"${contentType}"` : "none"}`,
    );
  }
  return encoding;
}

function isGzipped(contentEncoding: string | null): boolean {
  const codings = (contentEncoding ?? "")
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  if (codings.length === 0) return false;
  // "x-gzip" is the alias RFC 9110 asks recipients to treat as gzip.
  if (codings.length === 1 && (codings[0] === "gzip" || codings[0] === "x-gzip")) return true;
  throw new ApiError(
    "unsupported_media_type",
    `Content-Encoding "${contentEncoding}" is not supported; use gzip or identity`,
  );
}

interface ReadLimits {
  maxBytes: number;
  deadlineMs: number;
  take: (bytes: number) => void;
  declared: number;
}

async function readLimited(body: ReadableStream<Uint8Array> | null, limits: ReadLimits): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const { maxBytes, deadlineMs, take, declared } = limits;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<"expired">((resolve) => (timer = setTimeout(() => resolve("expired"), deadlineMs)));
  try {
    for (;;) {
      const next = await Promise.race([reader.read().catch((error: unknown) => ({ error })), expired]);
      if (next === "expired") {
        void reader.cancel().catch(() => {});
        const of = declared > 0 ? ` of ${declared}` : "";
        throw new ApiError(
          "request_timeout",
          `the request body did not arrive within ${deadlineMs / 1000} s (${total}${of} bytes received); send smaller batches or check the network`,
        );
      }
      if ("error" in next) {
        // The sender went away (or the connection broke) mid-body; there is nothing to store.
        throw new ApiError("bad_request", `the request body ended before it was complete (${total} bytes received)`, { cause: next.error });
      }
      if (next.done) break;
      total += next.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge(`request body exceeds the limit of ${maxBytes} bytes`);
      }
      take(next.value.byteLength);
      chunks.push(next.value);
    }
  } catch (error) {
    void reader.cancel().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (chunks.length !== 1) return Buffer.concat(chunks, total);
  const only = chunks[0] as Uint8Array;
  return Buffer.from(only.buffer, only.byteOffset, only.byteLength);
}

// zlib stops inflating as soon as the output passes maxOutputLength, so memory stays bounded
// by the limit however large the compressed stream claims to expand.
function gunzipLimited(compressed: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    gunzip(compressed, { maxOutputLength: maxBytes }, (error, result) => {
      if (!error) return resolve(result);
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        return reject(tooLarge(`decompressed request body exceeds the limit of ${maxBytes} bytes`));
      }
      reject(new ApiError("bad_request", `corrupt gzip body: ${error.message}`, { cause: error }));
    });
  });
}

function tooLarge(message: string): ApiError {
  return new ApiError("payload_too_large", message);
}
