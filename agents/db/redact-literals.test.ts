import { describe, expect, it } from "vitest";
import { redactLiterals } from "./redact-literals";
import { REDACTION_CASES } from "./testing/redaction-cases";

describe("redactLiterals", () => {
  it.each(REDACTION_CASES)("redacts %#", ({ query, redacted }) => {
    expect(redactLiterals(query)).toBe(redacted);
  });

  it("treats backslashes as escapes in plain strings when standard_conforming_strings is off", () => {
    const query = "UPDATE t SET a = 'it\\'s secret' WHERE b = 'x'";
    expect(redactLiterals(query, { standardConformingStrings: false })).toBe("UPDATE t SET a = ? WHERE b = ?");
    // With the standard reading the same text is two literals around a bare word; the value
    // after the escaped quote is never shown in clear either way.
    expect(redactLiterals(query)).not.toContain("secret'");
  });

  it("never lets a digit run through, wherever the tokens are cut", () => {
    const tricky = ["SELECT '4111' || $$x", "SELECT 4111", "SELECT a FROM t WHERE b IN (4111, 4112)", "SELECT e'4111\\''"];
    for (const query of tricky) expect(redactLiterals(query)).not.toMatch(/\d{3}/);
  });
});
