// OTLP AnyValue / KeyValue lists → flat JSON-compatible attributes, enforcing OTLP_LIMITS.
// A limit breach throws AttributeLimitError (an ItemRejection) naming the attribute, so the
// decoder rejects the one item that carried it.

import type { AttrValue, Attributes } from "./model";
import { int64ToAttr } from "./int64";
import type { PbAnyValue, PbKeyValue } from "./otlp-messages";
import { ItemRejection, OTLP_LIMITS } from "./validate";

export class AttributeLimitError extends ItemRejection {
  override name = "AttributeLimitError";
}

const { maxAttributeDepth, maxStringValueBytes, maxAttributesPerItem } = OTLP_LIMITS;

export function convertAttributes(list: readonly PbKeyValue[] | null | undefined): Attributes {
  const out: Attributes = {};
  if (!list || list.length === 0) return out;
  if (list.length > maxAttributesPerItem) {
    throw new AttributeLimitError(`${list.length} attributes, limit ${maxAttributesPerItem}`);
  }
  for (const kv of list) {
    checkKey(kv.key);
    setEntry(out, kv.key, convertAnyValue(kv.value, kv.key, 1));
  }
  return out;
}

/**
 * `key` is the top-level attribute the value belongs to (for error messages); `depth` is 1 for
 * a top-level value and grows by one inside each array or kvlist.
 */
export function convertAnyValue(value: PbAnyValue | null | undefined, key: string, depth: number): AttrValue {
  if (value == null) return null;
  if (depth > maxAttributeDepth) {
    throw new AttributeLimitError(`attribute "${key}" is nested deeper than ${maxAttributeDepth} levels`);
  }
  // Ordered by how often each kind occurs in real telemetry.
  if (Object.hasOwn(value, "stringValue")) return checkString(value.stringValue ?? "", key);
  if (Object.hasOwn(value, "intValue") && value.intValue != null) return int64ToAttr(value.intValue);
  if (Object.hasOwn(value, "boolValue")) return value.boolValue === true;
  if (Object.hasOwn(value, "doubleValue")) return finiteOrName(value.doubleValue ?? 0);
  if (Object.hasOwn(value, "arrayValue") && value.arrayValue != null) {
    const values = value.arrayValue.values;
    const out: AttrValue[] = new Array<AttrValue>(values.length);
    for (let i = 0; i < values.length; i++) out[i] = convertAnyValue(values[i], key, depth + 1);
    return out;
  }
  if (Object.hasOwn(value, "kvlistValue") && value.kvlistValue != null) {
    const entries = value.kvlistValue.values;
    if (entries.length > maxAttributesPerItem) {
      throw new AttributeLimitError(`attribute "${key}" has ${entries.length} entries, limit ${maxAttributesPerItem}`);
    }
    const out: Attributes = {};
    for (const kv of entries) {
      checkKey(kv.key);
      setEntry(out, kv.key, convertAnyValue(kv.value, key, depth + 1));
    }
    return out;
  }
  if (Object.hasOwn(value, "bytesValue") && value.bytesValue != null) {
    const bytes = value.bytesValue;
    if (bytes.length > maxStringValueBytes) {
      throw new AttributeLimitError(
        `attribute "${key}" has a ${bytes.length}-byte bytes value, limit ${maxStringValueBytes}`,
      );
    }
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  }
  return null;
}

function checkString(text: string, key: string): string {
  // UTF-8 needs at most three bytes per UTF-16 unit, so short strings skip the measurement.
  if (text.length * 3 <= maxStringValueBytes) return text;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxStringValueBytes) {
    throw new AttributeLimitError(`attribute "${key}" has a ${bytes}-byte string value, limit ${maxStringValueBytes}`);
  }
  return text;
}

function checkKey(key: string): void {
  if (key.length > maxStringValueBytes) {
    throw new AttributeLimitError(`an attribute key is ${key.length} characters long, limit ${maxStringValueBytes}`);
  }
}

// JSON has no NaN or Infinity; proto3 JSON spells them as these strings, so do we.
function finiteOrName(n: number): number | string {
  return Number.isFinite(n) ? n : String(n);
}

// A plain assignment of "__proto__" would replace the object's prototype instead of
// storing an attribute; define it as an own property instead.
function setEntry(target: Attributes, key: string, value: AttrValue): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** convertAttributes, with `context` ("event 2") put in front of any rejection message. */
export function convertAttributesIn(context: string, list: readonly PbKeyValue[] | null | undefined): Attributes {
  try {
    return convertAttributes(list);
  } catch (error) {
    if (error instanceof ItemRejection) throw new ItemRejection(`${context}: ${error.message}`);
    throw error;
  }
}
