// Raw request bytes → a request message, or a 400 saying why the body is unusable as a whole.
// Per-item problems are not decided here; the signal decoders reject those one by one.

import type protobuf from "protobufjs/light.js";
import { ApiError } from "@/lib/http/api-error";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeProtobufRequest<T>(type: protobuf.Type, body: Uint8Array): T {
  // protobufjs takes its faster Buffer reader, and hands out Buffer slices for bytes fields,
  // only when given a Buffer; a view costs nothing.
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  try {
    return type.decode(buffer) as unknown as T;
  } catch (error) {
    throw new ApiError("bad_request", `malformed protobuf ${type.name}: ${messageOf(error)}`, { cause: error });
  }
}

export function parseJsonBody(body: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch (error) {
    throw new ApiError("bad_request", "malformed JSON: the body is not valid UTF-8", { cause: error });
  }
  if (text.trim() === "") throw new ApiError("bad_request", "malformed JSON: the body is empty");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError("bad_request", `malformed JSON: ${messageOf(error)}`, { cause: error });
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
