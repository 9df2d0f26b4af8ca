// An OTLP/HTTP request body → bytes ready to decode, enforcing the size limit on the wire and
// again while inflating, so neither a huge upload nor a gzip bomb is ever held in memory whole.

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

export async function readOtlpBody(request: Request, { maxBytes }: { maxBytes: number }): Promise<OtlpBody> {
  const encoding = bodyEncoding(request.headers.get("content-type"));
  const gzipped = isGzipped(request.headers.get("content-encoding"));
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(`request body of ${declared} bytes exceeds the limit of ${maxBytes}`);

  const raw = await readLimited(request.body, maxBytes);
  const bytes = gzipped && raw.length > 0 ? await gunzipLimited(raw, maxBytes) : raw;
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

async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(`request body exceeds the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
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
