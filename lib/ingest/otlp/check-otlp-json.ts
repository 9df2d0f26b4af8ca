// Checks an OTLP/JSON value against its message type by the proto3 JSON mapping before
// protobufjs `fromObject` converts it, because `fromObject` converts anything: "abc" as an int
// becomes 0, a 23-digit int wraps, an object as a string becomes "[object Object]", "yes" as a
// bool becomes true. What this accepts, `fromObject` converts faithfully:
// - string: a JSON string; bool: true or false;
// - 32-bit ints: an integer number or decimal string within the type's range;
// - 64-bit ints: the same (decimal string preferred, as OTLP/JSON writes them);
// - float/double: a number, a numeric string, or "NaN", "Infinity", "-Infinity";
// - bytes: base64 (standard or URL-safe), or bytes already decoded from a hex id;
// - enum: a known value name or an int32; message: an object; repeated: an array;
// - null anywhere means "not set"; unknown keys are ignored (OTLP asks receivers to);
// - at most one member of a oneof; messages nested at most MAX_MESSAGE_DEPTH deep.

import protobuf from "protobufjs/light.js";
import { MAX_MESSAGE_DEPTH } from "./parse-otlp-request";

export class JsonTypeError extends Error {
  override name = "JsonTypeError";
}

/**
 * A problem found deep in an item. The path to it is collected on the way out (each level adds
 * its key as the error passes), so the walk builds no path strings while all is well.
 */
class Problem extends Error {
  readonly path: (string | number)[] = [];

  /** `bare`: the message stands alone, without the path (the depth limit's, shared with protobuf). */
  constructor(readonly problem: string, readonly bare = false) {
    super(problem);
  }

  describe(): string {
    if (this.bare) return this.problem;
    const path = this.path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
    return `${path || "the item"} ${this.problem}`;
  }
}

const INT_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  fixed32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
};

const DECIMAL = /^-?\d{1,20}$/;
const NUMERIC = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]*|[A-Za-z0-9\-_]*)={0,2}$/;
const FLOAT_NAMES = new Set(["NaN", "Infinity", "-Infinity"]);

/** Throws JsonTypeError naming the first field (as a path from the item) that breaks the mapping. */
export function checkOtlpJson(type: protobuf.Type, value: unknown): void {
  try {
    checkMessage(type, value, 0);
  } catch (error) {
    if (error instanceof Problem) throw new JsonTypeError(error.describe());
    throw error;
  }
}

/** What checking one field needs, computed once per message type (this runs per attribute). */
interface FieldCheck {
  field: protobuf.Field;
  repeated: boolean;
  message?: protobuf.Type;
  enumType?: protobuf.Enum;
  range?: readonly [bigint, bigint];
  oneof?: string;
}

const checksByType = new WeakMap<protobuf.Type, Map<string, FieldCheck>>();

function checksOf(type: protobuf.Type): Map<string, FieldCheck> {
  let checks = checksByType.get(type);
  if (!checks) {
    checks = new Map();
    for (const field of type.fieldsArray) {
      const resolved = field.resolve().resolvedType;
      checks.set(field.name, {
        field,
        repeated: field.repeated || field.map,
        message: resolved instanceof protobuf.Type ? resolved : undefined,
        enumType: resolved instanceof protobuf.Enum ? resolved : undefined,
        range: INT_RANGES[field.type],
        oneof: field.partOf?.name,
      });
    }
    checksByType.set(type, checks);
  }
  return checks;
}

function checkMessage(type: protobuf.Type, value: unknown, depth: number): void {
  if (depth > MAX_MESSAGE_DEPTH) throw new Problem(`nested deeper than ${MAX_MESSAGE_DEPTH} messages`, true);
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    throw new Problem(`must be an object, got ${describe(value)}`);
  }
  const object = value as Record<string, unknown>;
  const checks = checksOf(type);
  let oneofsSet: Map<string, string> | undefined;
  // The object's own keys, not the type's fields: items carry few of the fields they could.
  for (const key in object) {
    const check = checks.get(key);
    const fieldValue = object[key];
    if (!check || fieldValue == null || !Object.hasOwn(object, key)) continue;
    if (check.oneof) {
      oneofsSet ??= new Map();
      const other = oneofsSet.get(check.oneof);
      if (other) throw new Problem(`sets ${other} and ${key}; only one may be set`);
      oneofsSet.set(check.oneof, key);
    }
    try {
      if (!check.repeated) {
        checkField(check, fieldValue, depth);
        continue;
      }
      if (check.field.map || !Array.isArray(fieldValue)) throw new Problem(`must be an array, got ${describe(fieldValue)}`);
      for (let i = 0; i < fieldValue.length; i++) {
        try {
          const element: unknown = fieldValue[i];
          if (element === null) throw new Problem("must not be null");
          checkField(check, element, depth);
        } catch (error) {
          if (error instanceof Problem) error.path.unshift(i);
          throw error;
        }
      }
    } catch (error) {
      if (error instanceof Problem) error.path.unshift(key);
      throw error;
    }
  }
}

function checkField(check: FieldCheck, value: unknown, depth: number): void {
  if (check.message) return checkMessage(check.message, value, depth + 1);
  if (check.enumType) {
    if (typeof value === "string" && Object.hasOwn(check.enumType.values, value)) return;
    if (typeof value === "number" && Number.isInteger(value) && inRange(value, INT_RANGES.int32!)) return;
    throw new Problem(`must be a ${check.enumType.name} name or number, got ${describe(value)}`);
  }
  const type = check.field.type;
  const range = check.range;
  if (range) {
    if (typeof value === "number" && Number.isInteger(value) && inRange(value, range)) return;
    if (typeof value === "string" && DECIMAL.test(value) && inRange(value, range)) return;
    throw new Problem(`must be a ${type} (an integer from ${range[0]} to ${range[1]}), got ${describe(value)}`);
  }
  switch (type) {
    case "string":
      if (typeof value === "string") return;
      break;
    case "bool":
      if (typeof value === "boolean") return;
      break;
    case "double":
    case "float":
      if (typeof value === "number" || (typeof value === "string" && (FLOAT_NAMES.has(value) || NUMERIC.test(value)))) return;
      break;
    case "bytes":
      if (value instanceof Uint8Array || (typeof value === "string" && value.length % 4 !== 1 && BASE64.test(value))) return;
      break;
  }
  throw new Problem(`must be a ${type === "bytes" ? "base64 string" : type}, got ${describe(value)}`);
}

function inRange(value: number | string, [min, max]: readonly [bigint, bigint]): boolean {
  // Safe integers compare as numbers (the common case, no BigInt); a JSON number past 2^53 has
  // already lost digits and is judged by its magnitude.
  if (typeof value === "number" && Number.isSafeInteger(value)) return value >= Number(min) && value <= Number(max);
  const n = typeof value === "number" ? BigInt(value) : BigInt(value);
  return n >= min && n <= max;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "an array";
  return value === null ? "null" : typeof value === "object" ? "an object" : typeof value;
}
