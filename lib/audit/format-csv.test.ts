import { describe, expect, it } from "vitest";
import { csvField, csvRecord } from "./format-csv";

describe("csvRecord (RFC 4180)", () => {
  it("quotes only fields that need it, doubling quotes; null is empty; records end in CRLF", () => {
    expect(csvRecord(["a", null, "b,c", 'say "hi"', "two\nlines", "cr\r", ""])).toBe('a,,"b,c","say ""hi""","two\nlines","cr\r",\r\n');
    expect(csvField('{"id":7}')).toBe('"{""id"":7}"');
    expect(csvField("****4242")).toBe("****4242");
  });
});
