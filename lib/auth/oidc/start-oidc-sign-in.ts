import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import * as oidc from "openid-client";
import { errorResponse } from "@/lib/http/error-response";
import { requestOrigin } from "../request-origin";
import { isHttps } from "../session-cookie";
import { getOidcConfiguration, getOidcSettings, oidcNotConfigured } from "./oidc-config";
import { encodeOidcFlow, OIDC_CALLBACK_PATH, OIDC_FLOW_COOKIE, oidcFlowCookieOptions, redirectWithinSite, signInPagePath } from "./oidc-flow";
import { safeNextPath } from "../page-access";

// Step one of OIDC sign-in (GET /api/auth/oidc/start?next=/path): send the browser to the
// provider with a fresh PKCE challenge (S256), state and nonce, and keep their secret halves in
// the flow cookie for the callback. The callback address is built from the address the browser
// used (through a reverse proxy too); the provider accepts it only if it is registered there.

const SCOPES = "openid email profile";

export async function startOidcSignIn(request: NextRequest): Promise<NextResponse> {
  const settings = getOidcSettings();
  if (!settings) return errorResponse(oidcNotConfigured());
  const next = safeNextPath(request.nextUrl.searchParams.get("next"));

  let config: oidc.Configuration;
  try {
    config = await getOidcConfiguration(settings);
  } catch (error) {
    console.error(`[sightline] OIDC discovery at ${settings.issuer} failed:`, error instanceof Error ? error.message : error);
    return redirectWithinSite(signInPagePath("oidc_unavailable", next));
  }

  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const redirectUri = `${requestOrigin(request.url, request.headers)}${OIDC_CALLBACK_PATH}`;
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });

  const response = NextResponse.redirect(authorizationUrl, 302);
  response.headers.set("cache-control", "no-store");
  response.cookies.set(OIDC_FLOW_COOKIE, encodeOidcFlow({ verifier, state, nonce, next, redirectUri }), oidcFlowCookieOptions(isHttps(request.url, request.headers)));
  return response;
}
