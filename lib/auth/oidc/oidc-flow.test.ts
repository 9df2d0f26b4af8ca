import { describe, expect, it } from "vitest";
import { safeNextPath } from "../page-access";
import { decodeOidcFlow, encodeOidcFlow, oidcFlowCookieOptions, redirectWithinSite, signInPagePath, type OidcFlow } from "./oidc-flow";

const flow: OidcFlow = {
  verifier: "v".repeat(43),
  state: "state-1",
  nonce: "nonce-1",
  next: "/traces?service=checkout",
  redirectUri: "https://obs.example.com/api/auth/oidc/callback",
};

describe("safeNextPath", () => {
  it("keeps a path on this site, query and hash included", () => {
    expect(safeNextPath("/traces?service=checkout&from=1#span-2")).toBe("/traces?service=checkout&from=1#span-2");
    expect(safeNextPath("/")).toBe("/");
  });

  it("turns anything that could leave the site into /", () => {
    for (const next of ["//evil.example/x", "/\\evil.example", "https://evil.example", "evil.example", "javascript:alert(1)", "/%0d%0aSet-Cookie:x".replace("%0d%0a", "\r\n"), "", null, undefined]) {
      expect(safeNextPath(next), String(next)).toBe("/");
    }
  });
});

describe("the flow cookie", () => {
  it("reads back what it wrote", () => {
    expect(decodeOidcFlow(encodeOidcFlow(flow))).toEqual(flow);
  });

  it("is null when missing, garbled or of the wrong shape", () => {
    expect(decodeOidcFlow(undefined)).toBeNull();
    expect(decodeOidcFlow("not base64 json")).toBeNull();
    expect(decodeOidcFlow(Buffer.from(JSON.stringify({ ...flow, verifier: "short" })).toString("base64url"))).toBeNull();
    expect(decodeOidcFlow(Buffer.from(JSON.stringify({ state: "s" })).toString("base64url"))).toBeNull();
  });

  it("never hands back an off-site next, even if the cookie says so", () => {
    expect(decodeOidcFlow(encodeOidcFlow({ ...flow, next: "//evil.example" }))?.next).toBe("/");
  });

  it("is httpOnly, Lax, scoped to the OIDC routes and short-lived", () => {
    expect(oidcFlowCookieOptions(true)).toEqual({ httpOnly: true, sameSite: "lax", secure: true, path: "/api/auth/oidc", maxAge: 600 });
    expect(oidcFlowCookieOptions(false, 0)).toMatchObject({ secure: false, maxAge: 0 });
  });
});

describe("redirects", () => {
  it("are relative 302s that are not cached", () => {
    const response = redirectWithinSite("/logs");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/logs");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(redirectWithinSite("//evil.example").headers.get("location")).toBe("/");
  });

  it("send a failure to the sign-in page with its code, keeping where the user was going", () => {
    expect(signInPagePath("oidc_failed", "/")).toBe("/sign-in?error=oidc_failed");
    expect(signInPagePath("oidc_expired", "/traces?a=1")).toBe("/sign-in?error=oidc_expired&next=%2Ftraces%3Fa%3D1");
  });
});
