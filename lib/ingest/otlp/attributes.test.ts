import { describe, expect, it } from "vitest";
import { AttributeLimitError, convertAnyValue, convertAttributes } from "./attributes";
import type { PbAnyValue, PbKeyValue } from "./otlp-messages";
import { otlpTypes } from "./otlp-root";

// Attributes as protobufjs hands them over after decoding real bytes, so the oneof handling
// (unset members answer with prototype defaults) is exercised as in production.
function decoded(attributes: unknown[]): PbKeyValue[] {
  const type = otlpTypes.span;
  const bytes = type.encode(type.fromObject({ attributes })).finish();
  return (type.decode(bytes) as unknown as { attributes: PbKeyValue[] }).attributes;
}

describe("convertAttributes", () => {
  it("maps every AnyValue kind to plain JSON data", () => {
    const attributes = convertAttributes(
      decoded([
        { key: "s", value: { stringValue: "text" } },
        { key: "empty.string", value: { stringValue: "" } },
        { key: "b", value: { boolValue: false } },
        { key: "i", value: { intValue: "-42" } },
        { key: "i.big", value: { intValue: "9223372036854775807" } },
        { key: "d", value: { doubleValue: 0.5 } },
        { key: "d.zero", value: { doubleValue: 0 } },
        { key: "d.nan", value: { doubleValue: Number.NaN } },
        { key: "bytes", value: { bytesValue: Buffer.from([1, 2, 3]) } },
        { key: "a", value: { arrayValue: { values: [{ stringValue: "x" }, { intValue: 1 }, {}] } } },
        {
          key: "kv",
          value: { kvlistValue: { values: [{ key: "inner", value: { kvlistValue: { values: [{ key: "n", value: { boolValue: true } }] } } }] } },
        },
        { key: "unset", value: {} },
        { key: "missing" },
      ]),
    );
    expect(attributes).toEqual({
      s: "text",
      "empty.string": "",
      b: false,
      i: -42,
      "i.big": "9223372036854775807",
      d: 0.5,
      "d.zero": 0,
      "d.nan": "NaN",
      bytes: "AQID",
      a: ["x", 1, null],
      kv: { inner: { n: true } },
      unset: null,
      missing: null,
    });
  });

  it("keeps the last of duplicated keys", () => {
    expect(convertAttributes(decoded([{ key: "k", value: { intValue: 1 } }, { key: "k", value: { intValue: 2 } }]))).toEqual({ k: 2 });
  });

  it("stores a __proto__ key as data without touching the prototype", () => {
    const attributes = convertAttributes(decoded([{ key: "__proto__", value: { stringValue: "x" } }]));
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.keys(attributes)).toEqual(["__proto__"]);
    expect(JSON.stringify(attributes)).toBe('{"__proto__":"x"}');
  });

  it("names the attribute whose nested value is too large", () => {
    const list = decoded([
      { key: "ok", value: { stringValue: "v" } },
      { key: "payload", value: { arrayValue: { values: [{ bytesValue: Buffer.alloc(70_000) }] } } },
    ]);
    expect(() => convertAttributes(list)).toThrow(AttributeLimitError);
    expect(() => convertAttributes(list)).toThrow('attribute "payload" has a 70000-byte bytes value, limit 65536');
  });

  it("converts a log body the same way, with its own depth budget", () => {
    const body = { kvlistValue: { values: [{ key: "msg", value: { stringValue: "hi" } }] } };
    const type = otlpTypes.logRecord;
    const log = type.decode(type.encode(type.fromObject({ body })).finish()) as unknown as { body: PbAnyValue };
    expect(convertAnyValue(log.body, "body", 1)).toEqual({ msg: "hi" });
    expect(convertAnyValue(null, "body", 1)).toBeNull();
  });
});
