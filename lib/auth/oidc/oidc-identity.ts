// Who the provider says signed in, reduced to what Sightline keeps. Pure, so the claim rules are
// unit-tested without a provider.
//
// The stored subject is `<issuer>|<sub>`, not `sub` alone: OIDC only promises that `sub` is
// unique within one issuer, so after SIGHTLINE_OIDC_ISSUER points at another provider, a bare
// `sub` that happens to repeat there would sign a stranger into someone else's account. With the
// issuer in it, a new provider's users match no stored subject and are linked again by verified
// e-mail instead.

export interface OidcIdentity {
  /** `<issuer>|<sub>`, what users.oidc_subject holds. */
  subject: string;
  /** Lower-cased like every stored e-mail; null when the provider sent none. */
  email: string | null;
  emailVerified: boolean;
  name: string;
}

export function oidcSubject(issuer: string, sub: string): string {
  return `${issuer}|${sub}`;
}

/** Whether a stored subject was issued by `issuer` (rather than a provider configured before it). */
export function isSubjectOf(issuer: string, storedSubject: string): boolean {
  return storedSubject.startsWith(`${issuer}|`);
}

export function identityFromClaims(issuer: string, claims: Record<string, unknown>): OidcIdentity {
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  if (!sub) throw new Error("the provider's claims have no subject (sub)");
  const email = typeof claims.email === "string" && claims.email.trim() ? claims.email.trim().toLowerCase() : null;
  // Some providers (Amazon Cognito) send the boolean as the string "true".
  const emailVerified = claims.email_verified === true || claims.email_verified === "true";
  return { subject: oidcSubject(issuer, sub), email, emailVerified, name: displayName(claims) };
}

function displayName(claims: Record<string, unknown>): string {
  const text = (key: string) => {
    const value = claims[key];
    return typeof value === "string" ? value.trim() : "";
  };
  const full = text("name") || [text("given_name"), text("family_name")].filter(Boolean).join(" ") || text("preferred_username");
  return full.slice(0, 200);
}
