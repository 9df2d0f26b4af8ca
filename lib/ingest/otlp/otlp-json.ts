// OTLP/JSON → the same message shapes protobuf decoding yields, so one converter serves both.
// Field mapping (lowerCamelCase names, 64-bit ints as strings or numbers, enums as integers
// or names, base64 bytes) is protobufjs `fromObject`'s, after check-otlp-json.ts has refused
// what `fromObject` would silently coerce. What OTLP/JSON does differently — trace and span ids
// in hex, not base64 — is translated here first. Each item (span, data point, log record) and
// each resource, scope and metric is converted on its own, so a bad one refuses only the items
// it covers.

import type protobuf from "protobufjs/light.js";
import { ApiError } from "@/lib/http/api-error";
import { checkOtlpJson, JsonTypeError } from "./check-otlp-json";
import { hexToBytes } from "./ids";
import { InvalidItem, type Item } from "./otlp-messages";
import { itemErrorMessage } from "./parse-otlp-request";

export type JsonObject = Record<string, unknown>;

/** Which fields of an item hold hex ids: its own, and those of objects in its lists. */
export interface HexIdFields {
  fields: readonly string[];
  lists?: Readonly<Record<string, readonly string[]>>;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function jsonObject(value: unknown, where: string): JsonObject {
  if (value == null) return {};
  if (!isJsonObject(value)) throw new ApiError("bad_request", `malformed JSON: ${where} must be an object`);
  return value;
}

/** A repeated field: absent or null is empty, anything but an array is a malformed request. */
export function jsonList(parent: JsonObject, key: string, where: string): unknown[] {
  const value = parent[key];
  if (value == null) return [];
  if (!Array.isArray(value)) throw new ApiError("bad_request", `malformed JSON: ${jsonPath(where, key)} must be an array`);
  return value;
}

export function jsonString(parent: JsonObject, key: string, where: string): string {
  const value = parent[key];
  if (value == null) return "";
  if (typeof value !== "string") throw new ApiError("bad_request", `malformed JSON: ${jsonPath(where, key)} must be a string`);
  return value;
}

/** "resourceSpans[0]" + "scopeSpans" → "resourceSpans[0].scopeSpans"; the root path is "". */
export function jsonPath(where: string, key: string): string {
  return where === "" ? key : `${where}.${key}`;
}

/** A message above the items (resource, scope, metric identity); malformed refuses its items. */
export function jsonMessage<T>(type: protobuf.Type, value: unknown): Item<T> | null {
  if (value == null) return null;
  return jsonItem<T>(type, value, { fields: [] });
}

/** One item; anything wrong with it becomes an InvalidItem carrying the reason. */
export function jsonItem<T>(type: protobuf.Type, value: unknown, ids: HexIdFields): Item<T> {
  if (!isJsonObject(value)) return new InvalidItem("must be a JSON object");
  try {
    const copy = withBinaryIds(value, ids.fields, "");
    for (const [list, fields] of Object.entries(ids.lists ?? {})) {
      const elements = copy[list];
      if (!Array.isArray(elements)) continue;
      copy[list] = elements.map((element: unknown, i) =>
        isJsonObject(element) ? withBinaryIds(element, fields, `${list}[${i}].`) : element,
      );
    }
    checkOtlpJson(type, copy);
    return type.fromObject(copy) as unknown as T;
  } catch (error) {
    if (error instanceof HexIdError || error instanceof JsonTypeError) return new InvalidItem(error.message);
    return new InvalidItem(itemErrorMessage(error, "malformed JSON"));
  }
}

class HexIdError extends Error {}

/** A shallow copy of `object` with its hex id fields replaced by bytes. */
function withBinaryIds(object: JsonObject, fields: readonly string[], prefix: string): JsonObject {
  const copy: JsonObject = { ...object };
  for (const field of fields) {
    const value = object[field];
    if (value == null) continue;
    const bytes = typeof value === "string" ? hexToBytes(value) : null;
    if (bytes === null) {
      const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value;
      throw new HexIdError(`${prefix}${field} must be a hex string, got ${shown}`);
    }
    copy[field] = bytes;
  }
  return copy;
}
