import "server-only";
import * as oidc from "openid-client";
import { ApiError } from "@/lib/http/api-error";
import { env } from "@/lib/server-env";

// The OIDC provider as openid-client sees it, from SIGHTLINE_OIDC_ISSUER's discovery document.
// Discovered once per process, on the first sign-in rather than at start, so a provider that is
// down does not stop Sightline from starting; a failed discovery is forgotten, so the next
// sign-in tries again. The client authenticates to the token endpoint with HTTP Basic
// (client_secret_basic), the method every provider must support.

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** The configured provider, or null when OIDC sign-in is off. */
export function getOidcSettings(): OidcSettings | null {
  const { SIGHTLINE_OIDC_ISSUER: issuer, SIGHTLINE_OIDC_CLIENT_ID: clientId, SIGHTLINE_OIDC_CLIENT_SECRET: clientSecret } = env;
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : null;
}

const DISCOVERY_TIMEOUT_SECONDS = 10;

let discovered: Promise<oidc.Configuration> | undefined;

export function getOidcConfiguration(settings: OidcSettings): Promise<oidc.Configuration> {
  discovered ??= discover(settings).catch((error: unknown) => {
    discovered = undefined;
    throw error;
  });
  return discovered;
}

async function discover(settings: OidcSettings): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  // openid-client refuses plain HTTP; it is allowed only for an issuer that is itself http://
  // (a provider on the same host or in a test), and said out loud.
  const insecure = issuer.protocol === "http:";
  if (insecure) {
    console.warn(`[sightline] SIGHTLINE_OIDC_ISSUER is ${issuer.href}: OIDC requests to it go over plain HTTP; use https:// outside a test setup`);
  }
  return oidc.discovery(issuer, settings.clientId, settings.clientSecret, oidc.ClientSecretBasic(settings.clientSecret), {
    execute: insecure ? [oidc.allowInsecureRequests] : [],
    timeout: DISCOVERY_TIMEOUT_SECONDS,
  });
}

export function oidcNotConfigured(): ApiError {
  return new ApiError("not_found", "OIDC sign-in is not configured: set SIGHTLINE_OIDC_ISSUER, SIGHTLINE_OIDC_CLIENT_ID and SIGHTLINE_OIDC_CLIENT_SECRET");
}
