// How a failed OIDC sign-in ends: a redirect to `/sign-in?error=<code>` with one of these short
// codes, while the reason goes to the server's log and the activity log only (it may name the
// provider's internals). Kept free of server imports: the sign-in page reads the messages.

/** The short codes a failed OIDC sign-in sends to `/sign-in?error=<code>`; the reason stays in the server's log. */
export const oidcErrorCodes = {
  oidc_unavailable: "The single sign-on provider could not be reached. Try again in a moment.",
  oidc_expired: "The sign-in took too long or was started in another browser. Start again.",
  oidc_denied: "The single sign-on provider did not let you in.",
  oidc_failed: "Single sign-on failed. Start again; if it keeps failing, ask an admin to check the server log.",
  oidc_no_email: "Your single sign-on account has no e-mail address, which Sightline needs.",
  oidc_email_unverified: "An account with your e-mail exists, but your provider has not verified that address, so it cannot be linked.",
  oidc_account_conflict: "The account with your e-mail is linked to another single sign-on identity. Ask an admin.",
  account_deactivated: "This account is deactivated: ask an admin.",
} as const;
export type OidcErrorCode = keyof typeof oidcErrorCodes;

/** A sign-in that cannot go on: `code` is shown to the user, `message` logged and recorded. */
export class OidcSignInError extends Error {
  override name = "OidcSignInError";
  readonly code: OidcErrorCode;
  /** The e-mail the provider gave, when the failure came after it (for the activity log). */
  readonly email: string | undefined;

  constructor(code: OidcErrorCode, message: string, email?: string) {
    super(message);
    this.code = code;
    this.email = email;
  }
}
