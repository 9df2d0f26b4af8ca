import { describe, expect, it } from "vitest";
import { SqlParams } from "./sql-params";

describe("SqlParams", () => {
  it("numbers placeholders in the order values are added and keeps the values apart from the text", () => {
    const params = new SqlParams();
    const text = `a = ${params.add("x'; DROP TABLE spans; --")} AND b = ${params.add(5, "bigint")}`;
    expect(text).toBe("a = $1 AND b = $2::bigint");
    expect(params.values).toEqual(["x'; DROP TABLE spans; --", 5]);
  });
});
