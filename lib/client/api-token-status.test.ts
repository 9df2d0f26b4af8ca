import { describe, expect, it } from "vitest";
import { apiTokenExpiryChoices, apiTokenStatus, expiresInDaysOf, isApiTokenExpiryChoice } from "./api-token-status";

const now = Date.parse("2026-12-04T12:00:00.000Z");

describe("apiTokenStatus", () => {
  it("is active without expiry or before it", () => {
    expect(apiTokenStatus({ expiresAt: null, revokedAt: null }, now)).toBe("active");
    expect(apiTokenStatus({ expiresAt: "2026-12-04T12:00:00.001Z", revokedAt: null }, now)).toBe("active");
  });

  it("is expired from the expiry instant on, as the server refuses it", () => {
    expect(apiTokenStatus({ expiresAt: "2026-12-04T12:00:00.000Z", revokedAt: null }, now)).toBe("expired");
    expect(apiTokenStatus({ expiresAt: "2026-01-01T00:00:00.000Z", revokedAt: null }, now)).toBe("expired");
  });

  it("says revoked even when the token has also expired", () => {
    expect(apiTokenStatus({ expiresAt: "2026-01-01T00:00:00.000Z", revokedAt: "2025-12-01T00:00:00.000Z" }, now)).toBe("revoked");
    expect(apiTokenStatus({ expiresAt: null, revokedAt: "2026-12-04T11:00:00.000Z" }, now)).toBe("revoked");
  });
});

describe("expiry choices", () => {
  it("turn into the days the API takes, and never into null", () => {
    expect(apiTokenExpiryChoices.map(expiresInDaysOf)).toEqual([30, 90, 365, null]);
  });

  it("refuse values that are not a choice", () => {
    expect(isApiTokenExpiryChoice("90")).toBe(true);
    expect(isApiTokenExpiryChoice("never")).toBe(true);
    expect(isApiTokenExpiryChoice("7")).toBe(false);
    expect(isApiTokenExpiryChoice(null)).toBe(false);
  });
});
