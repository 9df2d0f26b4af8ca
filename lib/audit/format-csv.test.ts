import { describe, expect, it } from "vitest";
import { csvField, csvRecord } from "./format-csv";

describe("csvRecord (RFC 4180)", () => {
  it("quotes only fields that need it, doubling quotes; null is empty; records end in CRLF", () => {
    expect(csvRecord(["a", null, "b,c", 'say "hi"', "two\nlines", "cr\r", ""])).toBe('a,,"b,c","say ""hi""","two\nlines","cr\r",\r\n');
    expect(csvField('{"id":7}')).toBe('"{""id"":7}"');
    expect(csvField("****4242")).toBe("****4242");
  });

  it("defuses cells a spreadsheet would run as formulas, leaving numbers alone", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\t=1+1")).toBe("'\t=1+1");
    expect(csvField("-12.5")).toBe("-12.5");
    expect(csvField("+3e5")).toBe("+3e5");
    expect(csvField("- not a number")).toBe("'- not a number");
  });
});
