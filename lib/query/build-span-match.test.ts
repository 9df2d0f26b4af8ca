import { describe, expect, it } from "vitest";
import { buildSpanMatchConditions } from "./build-span-match";
import { SqlParams } from "./sql-params";

const window = { fromMs: Date.UTC(2025, 10, 24, 15), toMs: Date.UTC(2025, 10, 24, 16) };

describe("buildSpanMatchConditions", () => {
  it("bounds the window on start_time only when nothing else is asked", () => {
    const params = new SqlParams();
    expect(buildSpanMatchConditions({ ...window, status: "any" }, params)).toEqual([
      "s.start_time >= $1::timestamptz",
      "s.start_time < $2::timestamptz",
    ]);
    expect(params.values).toEqual(["2025-11-24T15:00:00.000Z", "2025-11-24T16:00:00.000Z"]);
  });

  it("turns each filter into a parameterised condition, durations into whole nanoseconds", () => {
    const params = new SqlParams();
    const conditions = buildSpanMatchConditions(
      { ...window, service: "checkout", operation: "POST /orders", minDurationMs: 1.5, maxDurationMs: 2000, status: "error", timeout: true },
      params,
    );
    expect(conditions.slice(2)).toEqual([
      "s.service_name = $3::text",
      "s.name = $4::text",
      "s.duration_ns >= $5::bigint",
      "s.duration_ns <= $6::bigint",
      "s.status_code = $7::smallint",
      "s.is_timeout",
    ]);
    expect(params.values.slice(2)).toEqual(["checkout", "POST /orders", "1500000", "2000000000", 2]);
  });

  it("never puts attribute keys or values into the SQL text", () => {
    const params = new SqlParams();
    const hostile = "x' OR 1=1; --";
    const sql = buildSpanMatchConditions({ ...window, attr: [{ key: hostile, value: hostile }], attrExists: [hostile] }, params).join(" AND ");
    expect(sql).not.toContain(hostile);
    expect(params.values.filter((v) => v === hostile)).toHaveLength(3);
  });

  it("sends a numeric value as a number and a true/false value as a boolean text, else null", () => {
    const numeric = new SqlParams();
    buildSpanMatchConditions({ ...window, attr: [{ key: "http.response.status_code", value: "200" }] }, numeric);
    expect(numeric.values.slice(2)).toEqual(["http.response.status_code", "200", "200", null]);
    const bool = new SqlParams();
    buildSpanMatchConditions({ ...window, attr: [{ key: "cache.hit", value: "TRUE" }] }, bool);
    expect(bool.values.slice(2)).toEqual(["cache.hit", "TRUE", null, "true"]);
  });

  it("sends no numeric value for number text beyond a double's range, which PostgreSQL's numeric refuses", () => {
    const numericOf = (value: string) => {
      const params = new SqlParams();
      buildSpanMatchConditions({ ...window, attr: [{ key: "k", value }] }, params);
      return params.values[4];
    };
    for (const absurd of ["1e999999", "-1e999999", "1e-999999", "0e-999999", "0.0000e-99999999", "1".repeat(400), `0.${"0".repeat(2_000)}`]) expect(numericOf(absurd), absurd).toBeNull();
    for (const [text, sent] of [["1e308", "1e308"], ["-2.5e-300", "-2.5e-300"], ["0e-10", "0e-10"], [" 42 ", "42"], ["12345678901234567890123", "12345678901234567890123"]]) {
      expect(numericOf(text!), text).toBe(sent);
    }
  });

  it("filters non-timeouts when timeout is false", () => {
    expect(buildSpanMatchConditions({ ...window, timeout: false }, new SqlParams())).toContain("NOT s.is_timeout");
  });
});
