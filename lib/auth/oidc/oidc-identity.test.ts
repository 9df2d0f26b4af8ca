import { describe, expect, it } from "vitest";
import { identityFromClaims, isSubjectOf, oidcSubject } from "./oidc-identity";

const issuer = "https://login.example.com/realms/acme";

describe("identityFromClaims", () => {
  it("keeps the issuer with the subject and lower-cases the e-mail", () => {
    expect(identityFromClaims(issuer, { sub: "u-1", email: " Ana@Example.COM ", email_verified: true, name: "Ana Lima" })).toEqual({
      subject: "https://login.example.com/realms/acme|u-1",
      email: "ana@example.com",
      emailVerified: true,
      name: "Ana Lima",
    });
  });

  it("counts an e-mail as verified only when the provider says so (a string \"true\" included)", () => {
    expect(identityFromClaims(issuer, { sub: "u", email: "a@x.io" }).emailVerified).toBe(false);
    expect(identityFromClaims(issuer, { sub: "u", email: "a@x.io", email_verified: false }).emailVerified).toBe(false);
    expect(identityFromClaims(issuer, { sub: "u", email: "a@x.io", email_verified: "false" }).emailVerified).toBe(false);
    expect(identityFromClaims(issuer, { sub: "u", email: "a@x.io", email_verified: "true" }).emailVerified).toBe(true);
  });

  it("has no e-mail when the provider sent none or an empty one", () => {
    expect(identityFromClaims(issuer, { sub: "u" }).email).toBeNull();
    expect(identityFromClaims(issuer, { sub: "u", email: "  " }).email).toBeNull();
  });

  it("takes a name from name, else given and family name, else the username", () => {
    expect(identityFromClaims(issuer, { sub: "u", given_name: "Ana", family_name: "Lima" }).name).toBe("Ana Lima");
    expect(identityFromClaims(issuer, { sub: "u", preferred_username: "ana.l" }).name).toBe("ana.l");
    expect(identityFromClaims(issuer, { sub: "u" }).name).toBe("");
  });

  it("refuses claims without a subject", () => {
    expect(() => identityFromClaims(issuer, { email: "a@x.io" })).toThrow(/sub/);
  });
});

describe("isSubjectOf", () => {
  it("tells this issuer's subjects from another's, even one whose URL starts the same", () => {
    expect(isSubjectOf(issuer, oidcSubject(issuer, "u-1"))).toBe(true);
    expect(isSubjectOf(issuer, oidcSubject("https://accounts.google.com", "u-1"))).toBe(false);
    expect(isSubjectOf(issuer, oidcSubject(`${issuer}-old`, "u-1"))).toBe(false);
  });
});
