import { NextResponse } from "next/server";
import { z } from "zod";
import { safeNextPath } from "../page-access";

// What an OIDC sign-in carries from its start (start-oidc-sign-in.ts) to its callback
// (finish-oidc-sign-in.ts), and where it may send the browser afterwards.
//
// The flow's secrets (PKCE verifier, state, nonce) live in a cookie of their own rather than in
// the database: it is httpOnly, SameSite=Lax (so the provider's top-level redirect back carries
// it), scoped to /api/auth/oidc and gone after OIDC_FLOW_MAX_AGE_SECONDS, so an abandoned sign-in
// leaves nothing behind. The state in it is what ties the callback to this browser.

export const OIDC_FLOW_COOKIE = "sightline_oidc";
export const OIDC_FLOW_PATH = "/api/auth/oidc";
export const OIDC_FLOW_MAX_AGE_SECONDS = 600;
export const OIDC_CALLBACK_PATH = `${OIDC_FLOW_PATH}/callback`;

const oidcFlowSchema = z.object({
  verifier: z.string().min(43).max(128),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  next: z.string().max(2000),
  redirectUri: z.url(),
});
export type OidcFlow = z.infer<typeof oidcFlowSchema>;

export function encodeOidcFlow(flow: OidcFlow): string {
  return Buffer.from(JSON.stringify(flow)).toString("base64url");
}

/** The flow from the cookie, or null when it is missing, garbled or not ours. */
export function decodeOidcFlow(value: string | undefined): OidcFlow | null {
  if (!value) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const result = oidcFlowSchema.safeParse(json);
  if (!result.success) return null;
  // Re-checked here too: whatever the cookie says, the callback only ever redirects on this site.
  return { ...result.data, next: safeNextPath(result.data.next) };
}

export function oidcFlowCookieOptions(secure: boolean, maxAgeSeconds = OIDC_FLOW_MAX_AGE_SECONDS) {
  return { httpOnly: true, sameSite: "lax", secure, path: OIDC_FLOW_PATH, maxAge: maxAgeSeconds } as const;
}

/**
 * A 302 to a path on this site. The Location stays relative, so the browser resolves it against
 * the address it used; no Host or X-Forwarded-Host header can turn it into another site.
 */
export function redirectWithinSite(path: string): NextResponse {
  return new NextResponse(null, { status: 302, headers: { location: safeNextPath(path), "cache-control": "no-store" } });
}

/** Where a failed sign-in lands: the sign-in page with a short code, keeping where the user was headed. */
export function signInPagePath(code: string, next: string): string {
  const query = new URLSearchParams({ error: code });
  if (next !== "/") query.set("next", next);
  return `/sign-in?${query.toString()}`;
}
