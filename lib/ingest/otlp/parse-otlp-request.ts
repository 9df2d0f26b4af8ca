// Raw request bytes → a request message, or a 400 saying why the body is unusable as a whole.
// Per-item problems are not decided here; the signal decoders reject those one by one. A
// protobuf request is decoded with the shallow types (otlp-shallow-root.ts), then each item
// with decodeProtobufItem, so a bad item is refused alone whatever the encoding.

import protobuf from "protobufjs/light.js";
import { ApiError } from "@/lib/http/api-error";
import { InvalidItem, type Item } from "./otlp-messages";

/**
 * How deep messages may nest below an item (span, log record, data point, resource, scope):
 * protobufjs' own limit while decoding and converting, and the JSON check's.
 */
export const MAX_MESSAGE_DEPTH = protobuf.util.recursionLimit;

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

/** One item's bytes → its message, or an InvalidItem saying why not. */
export function decodeProtobufItem<T>(type: protobuf.Type, bytes: Uint8Array): Item<T> {
  try {
    return type.decode(bytes) as unknown as T;
  } catch (error) {
    return new InvalidItem(itemErrorMessage(error, "malformed protobuf"));
  }
}

/** Why an item could not be read; the same words for both encodings when it nests too deeply. */
export function itemErrorMessage(error: unknown, prefix: string): string {
  const message = messageOf(error);
  if (message === "max depth exceeded" || (error instanceof RangeError && message.includes("call stack"))) {
    return `nested deeper than ${MAX_MESSAGE_DEPTH} messages`;
  }
  return `${prefix}: ${message}`;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
