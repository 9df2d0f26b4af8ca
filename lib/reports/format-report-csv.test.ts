import { describe, expect, it } from "vitest";
import { guardCell } from "./format-report-csv";

describe("guardCell", () => {
  it("keeps a spreadsheet from evaluating text that starts like a formula", () => {
    expect(guardCell("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(guardCell("+1")).toBe("'+1");
    expect(guardCell("-2")).toBe("'-2");
    expect(guardCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(guardCell("\tcmd")).toBe("'\tcmd");
    expect(guardCell("checkout")).toBe("checkout");
  });

  it("writes numbers, booleans and empties as they are", () => {
    expect(guardCell(-2.5)).toBe("-2.5");
    expect(guardCell(true)).toBe("true");
    expect(guardCell(null)).toBeNull();
  });
});
