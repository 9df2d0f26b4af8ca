import { describe, expect, it } from "vitest";
import { describeZodError } from "@/lib/http/error-response";
import { auditChangesQuerySchema } from "./audit";
import { findInTraceQuerySchema } from "./trace-compact";
import { logSearchQuerySchema } from "./logs";
import { metricQuerySchema } from "./metrics";
import { redQuerySchema } from "./red";
import { traceIdPathSchema, traceSearchQuerySchema } from "./traces";

function errorOf(result: { success: boolean; error?: unknown }): string {
  expect(result.success).toBe(false);
  return describeZodError(result.error as Parameters<typeof describeZodError>[0]);
}

describe("trace search parameters", () => {
  it("applies defaults and parses times, numbers and repeated filters", () => {
    const parsed = traceSearchQuerySchema.parse({
      service: "checkout",
      minDurationMs: "250",
      attr: ["http.route=/api/orders", "http.response.status_code=500"],
      attrExists: "order.id",
      from: "2025-11-24T15:00:00Z",
      to: "1764000000000",
      timeout: "true",
    });
    expect(parsed).toMatchObject({
      service: "checkout",
      minDurationMs: 250,
      status: "any",
      limit: 20,
      sort: "start",
      timeout: true,
      attr: [{ key: "http.route", value: "/api/orders" }, { key: "http.response.status_code", value: "500" }],
      attrExists: ["order.id"],
      from: Date.UTC(2025, 10, 24, 15),
      to: 1_764_000_000_000,
    });
    expect(traceSearchQuerySchema.parse({}).timeout).toBeUndefined();
  });

  it("names the parameter that is wrong", () => {
    expect(errorOf(traceSearchQuerySchema.safeParse({ from: "yesterday" }))).toMatch(/^from: expected ISO-8601/);
    expect(errorOf(traceSearchQuerySchema.safeParse({ limit: "5000" }))).toMatch(/^limit: /);
    expect(errorOf(traceSearchQuerySchema.safeParse({ status: "broken" }))).toMatch(/^status: /);
    expect(errorOf(traceSearchQuerySchema.safeParse({ attr: "novalue" }))).toMatch(/^attr\.0: expected key=value/);
    expect(errorOf(traceSearchQuerySchema.safeParse({ from: "2000", to: "1000" }))).toBe("from: must be earlier than to");
    expect(errorOf(traceSearchQuerySchema.safeParse({ minDurationMs: "5", maxDurationMs: "1" }))).toBe("minDurationMs: must not exceed maxDurationMs");
    expect(errorOf(traceSearchQuerySchema.safeParse({ service: ["a", "b"] }))).toMatch(/^service: /);
  });

  it("accepts only 32-hex trace ids, lowercased", () => {
    expect(traceIdPathSchema.parse({ traceId: "5B8EFFF798038103D269B633813FC60C" }).traceId).toBe("5b8efff798038103d269b633813fc60c");
    expect(errorOf(traceIdPathSchema.safeParse({ traceId: "xyz" }))).toBe("traceId: must be 32 hexadecimal characters");
  });
});

describe("RED parameters", () => {
  it("reads kinds by name or number and steps with units", () => {
    expect(redQuerySchema.parse({ service: "a", kind: "server", step: "5m" })).toMatchObject({ kind: 2, step: 300 });
    expect(redQuerySchema.parse({ service: "a", kind: "SPAN_KIND_CLIENT" }).kind).toBe(3);
    expect(redQuerySchema.parse({ service: "a", kind: "4" }).kind).toBe(4);
  });

  it("requires a service and refuses unknown kinds and steps", () => {
    expect(errorOf(redQuerySchema.safeParse({}))).toMatch(/^service: /);
    expect(errorOf(redQuerySchema.safeParse({ service: "a", kind: "web" }))).toMatch(/^kind: expected one of/);
    expect(errorOf(redQuerySchema.safeParse({ service: "a", step: "soon" }))).toMatch(/^step: /);
  });
});

describe("metric and log parameters", () => {
  it("reads metric filters, grouping and aggregation", () => {
    expect(metricQuerySchema.parse({ name: "http.server.duration", filter: "http.route=/x", groupBy: ["service.name", "http.route"], agg: "p99" })).toMatchObject({
      filter: [{ key: "http.route", value: "/x" }],
      groupBy: ["service.name", "http.route"],
      agg: "p99",
    });
    expect(errorOf(metricQuerySchema.safeParse({ name: "x", agg: "median" }))).toMatch(/^agg: /);
  });

  it("reads log severities by name or number", () => {
    expect(logSearchQuerySchema.parse({ severity: "warn" }).severity).toBe(13);
    expect(logSearchQuerySchema.parse({ severity: "17" }).severity).toBe(17);
    expect(logSearchQuerySchema.parse({}).limit).toBe(100);
    expect(errorOf(logSearchQuerySchema.safeParse({ severity: "loud" }))).toMatch(/^severity: /);
    expect(errorOf(logSearchQuerySchema.safeParse({ spanId: "abc" }))).toBe("spanId: must be 16 hexadecimal characters");
  });
});

describe("bounds: what the store cannot hold is refused, naming the parameter", () => {
  it("accepts times from the Unix epoch to 2262-04-11T23:47:16.854Z, in either form", () => {
    expect(traceSearchQuerySchema.parse({ from: "0", to: "9223372036854" })).toMatchObject({ from: 0, to: 9_223_372_036_854 });
    expect(traceSearchQuerySchema.parse({ from: "1970-01-01", to: "2262-04-11T23:47:16.854Z" })).toMatchObject({ from: 0, to: 9_223_372_036_854 });
  });

  it("refuses times PostgreSQL, Date or nanosecond bigints cannot hold", () => {
    for (const text of ["9223372036855", "999999999999999", "2262-04-11T23:47:16.855Z", "9999-12-31T23:59:59-23:59", "1969-12-31T23:59:59.999Z", "0001-01-01"]) {
      expect(errorOf(traceSearchQuerySchema.safeParse({ to: text })), text).toMatch(/^to: must be between 1970-01-01T00:00:00\.000Z and 2262-04-11T23:47:16\.854Z/);
    }
    for (const text of ["0000-00-00", "0000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "-5000-01-01"]) {
      expect(errorOf(logSearchQuerySchema.safeParse({ from: text })), text).toMatch(/^from: /);
    }
  });

  it("refuses steps over 366 days and durations past int64 nanoseconds", () => {
    expect(redQuerySchema.parse({ service: "a", step: "52w" }).step).toBe(52 * 604_800);
    expect(redQuerySchema.parse({ service: "a", step: "366d" }).step).toBe(366 * 86_400);
    expect(errorOf(redQuerySchema.safeParse({ service: "a", step: "367d" }))).toBe('step: must be at most 366d, got "367d"');
    expect(errorOf(metricQuerySchema.safeParse({ name: "x", step: "999999999w" }))).toMatch(/^step: must be at most 366d/);
    expect(traceSearchQuerySchema.parse({ maxDurationMs: "9223372036854" }).maxDurationMs).toBe(9_223_372_036_854);
    for (const text of ["9223372036855", "1e308", "12345678901234567890123"]) {
      expect(errorOf(traceSearchQuerySchema.safeParse({ minDurationMs: text })), text).toMatch(/^minDurationMs: must be at most 9223372036854/);
    }
    for (const text of ["NaN", "Infinity", "-5"]) expect(errorOf(traceSearchQuerySchema.safeParse({ maxDurationMs: text })), text).toMatch(/^maxDurationMs: /);
  });

  it("refuses NUL characters in every text parameter, by name", () => {
    const nul = "a\u0000b";
    expect(errorOf(traceSearchQuerySchema.safeParse({ service: nul }))).toBe("service: must not contain NUL (U+0000) characters");
    expect(errorOf(traceSearchQuerySchema.safeParse({ attr: `k=${nul}` }))).toBe("attr.0: must not contain NUL (U+0000) characters");
    expect(errorOf(traceSearchQuerySchema.safeParse({ attrExists: ["ok", nul] }))).toBe("attrExists.1: must not contain NUL (U+0000) characters");
    expect(errorOf(metricQuerySchema.safeParse({ name: "x", filter: `${nul}=v` }))).toMatch(/^filter\.0: must not contain NUL/);
    expect(errorOf(logSearchQuerySchema.safeParse({ q: nul }))).toMatch(/^q: must not contain NUL/);
    expect(errorOf(findInTraceQuerySchema.safeParse({ q: nul }))).toMatch(/^q: must not contain NUL/);
    expect(errorOf(auditChangesQuerySchema.safeParse({ table: nul }))).toMatch(/^table: must not contain NUL/);
  });

  it("refuses a primary key holding NUL or nested past 256 levels, and keeps ordinary ones", () => {
    expect(auditChangesQuerySchema.parse({ pk: '{"id":42}' }).pk).toEqual({ object: { id: 42 } });
    expect(errorOf(auditChangesQuerySchema.safeParse({ pk: '{"id":"\\u0000"}' }))).toBe("pk: must not contain NUL (U+0000) characters");
    expect(errorOf(auditChangesQuerySchema.safeParse({ pk: `{"id":${"[".repeat(300)}${"]".repeat(300)}}` }))).toBe("pk: must not nest deeper than 256 levels");
  });
});
