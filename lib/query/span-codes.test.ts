import { describe, expect, it } from "vitest";
import { spanKindName, statusCodeName } from "./span-codes";

describe("span codes", () => {
  it("names OTLP span kinds and status codes", () => {
    expect([0, 1, 2, 3, 4, 5].map(spanKindName)).toEqual(["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"]);
    expect([0, 1, 2].map(statusCodeName)).toEqual(["UNSET", "OK", "ERROR"]);
  });

  it("reads numbers outside the enums as unspecified", () => {
    expect(spanKindName(9)).toBe("UNSPECIFIED");
    expect(statusCodeName(-1)).toBe("UNSET");
  });
});
