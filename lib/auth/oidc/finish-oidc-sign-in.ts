import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import * as oidc from "openid-client";
import { recordActivity, requestClient } from "@/lib/activity/record-activity";
import { errorResponse } from "@/lib/http/error-response";
import { startSession, withSessionCookie } from "../create-session";
import { isHttps } from "../session-cookie";
import { findOrCreateOidcUser } from "./find-or-create-oidc-user";
import { getOidcConfiguration, getOidcSettings, oidcNotConfigured } from "./oidc-config";
import { OidcSignInError } from "./oidc-error-codes";
import { decodeOidcFlow, OIDC_FLOW_COOKIE, oidcFlowCookieOptions, redirectWithinSite, signInPagePath, type OidcFlow } from "./oidc-flow";
import { identityFromClaims, type OidcIdentity } from "./oidc-identity";

// Step two of OIDC sign-in (GET /api/auth/oidc/callback?code=&state=): openid-client checks the
// answer's state (and issuer) against the flow cookie, proves the PKCE verifier at the token
// exchange and checks the ID token (issuer, audience, expiry, nonce); the identity is matched to
// a user (find-or-create-oidc-user.ts) and a session starts. Every failure
// lands on the sign-in page with a short code; its reason goes to the log and the activity log.
// The flow cookie is cleared either way, so a callback cannot be replayed from this browser.

export async function finishOidcSignIn(request: NextRequest): Promise<NextResponse> {
  const settings = getOidcSettings();
  if (!settings) return errorResponse(oidcNotConfigured());
  const client = requestClient(request.headers);
  const flow = decodeOidcFlow(request.cookies.get(OIDC_FLOW_COOKIE)?.value);

  let location: string;
  let session: Awaited<ReturnType<typeof startSession>> | null = null;
  try {
    if (!flow) throw new OidcSignInError("oidc_expired", "no OIDC sign-in in progress in this browser (the flow cookie is missing, expired or garbled)");
    const config = await getOidcConfiguration(settings).catch((error: unknown) => {
      throw new OidcSignInError("oidc_unavailable", `discovery at ${settings.issuer} failed: ${describe(error)}`);
    });
    const identity = await exchangeCode(config, request, flow);
    const user = await findOrCreateOidcUser(identity, config.serverMetadata().issuer, client);
    session = await startSession(user, client, "oidc");
    location = flow.next;
  } catch (error) {
    const failure = error instanceof OidcSignInError ? error : new OidcSignInError("oidc_failed", describe(error));
    console.warn(`[sightline] OIDC sign-in failed (${failure.code}): ${failure.message}`);
    await recordActivity({
      action: "sign_in_failed",
      actor: failure.email ?? "oidc",
      target: failure.email,
      detail: { method: "oidc", reason: failure.message.slice(0, 500) },
      client,
    });
    location = signInPagePath(failure.code, flow?.next ?? "/");
  }
  const response = redirectWithinSite(location);
  response.cookies.set(OIDC_FLOW_COOKIE, "", oidcFlowCookieOptions(isHttps(request.url, request.headers), 0));
  return session ? withSessionCookie(response, request, session) : response;
}

async function exchangeCode(config: oidc.Configuration, request: NextRequest, flow: OidcFlow): Promise<OidcIdentity> {
  // The provider's answer as the browser delivered it, at the redirect URI it was sent to (the
  // token request must repeat that URI exactly, whatever address the server itself sees).
  const callbackUrl = new URL(flow.redirectUri);
  callbackUrl.search = request.nextUrl.search;
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (error instanceof oidc.AuthorizationResponseError && error.error === "access_denied") {
      throw new OidcSignInError("oidc_denied", `the provider refused: ${error.error}${error.error_description ? ` (${error.error_description})` : ""}`);
    }
    throw error;
  }
  const idToken = tokens.claims();
  if (!idToken) throw new Error("the provider returned no ID token");
  const issuer = config.serverMetadata().issuer;
  if (typeof idToken.email === "string") return identityFromClaims(issuer, idToken);
  // With the code flow, providers may keep profile claims out of the ID token and serve them
  // from the UserInfo endpoint (oidc-provider does by default); openid-client checks that its
  // `sub` is the ID token's.
  if (!config.serverMetadata().userinfo_endpoint) return identityFromClaims(issuer, idToken);
  const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
  return identityFromClaims(issuer, { ...userInfo, sub: idToken.sub });
}

function describe(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError) return `the provider answered ${error.error}${error.error_description ? `: ${error.error_description}` : ""}`;
  if (error instanceof oidc.ResponseBodyError) return `the provider's ${error.status} answer: ${error.error}${error.error_description ? `: ${error.error_description}` : ""}`;
  if (error instanceof Error) return `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}`;
  return String(error);
}
