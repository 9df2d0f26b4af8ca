import { describe, expect, it } from "vitest";
import { csvRecord, csvRecords } from "./format-csv";

const field = (value: string | null) => csvRecord([value]).slice(0, -2);

describe("csvRecord (RFC 4180)", () => {
  it("quotes only fields that need it, doubling quotes; null is empty; records end in CRLF", () => {
    expect(csvRecord(["a", null, "b,c", 'say "hi"', "two\nlines", "cr\r", ""])).toBe('a,,"b,c","say ""hi""","two\nlines","cr\r",\r\n');
    expect(field('{"id":7}')).toBe('"{""id"":7}"');
    expect(field("****4242")).toBe("****4242");
    expect(csvRecords([["a", "1"], ["b", null]])).toBe("a,1\r\nb,\r\n");
  });

  it("defuses cells a spreadsheet would run as formulas, leaving numbers alone", () => {
    expect(field('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(field("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(field("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(field("\t=1+1")).toBe("'\t=1+1");
    expect(field("\r=1+1")).toBe("\"'\r=1+1\"");
    expect(field("\uFF1D1+1")).toBe("'\uFF1D1+1"); // full-width =
    expect(field("- not a number")).toBe("'- not a number");
    // Text that is exactly a number's stays as written; other number-like text gets the apostrophe (harmless).
    expect(field("-12.5")).toBe("-12.5");
    expect(field("42")).toBe("42");
    expect(field("-0012")).toBe("'-0012");
    expect(field("007")).toBe("007");
  });
});
