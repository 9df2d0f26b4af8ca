import type { ApiToken } from "@/lib/schemas/api-tokens";

// What the tokens table says about a token, and the expiry choices of the create form. The clock
// is passed in so the same token reads the same in a test as on the page.

export type ApiTokenStatus = "active" | "expired" | "revoked";

/** Revoked wins over expired: revoking is the admin's act, expiry only the calendar's. */
export function apiTokenStatus(token: Pick<ApiToken, "expiresAt" | "revokedAt">, nowMs: number): ApiTokenStatus {
  if (token.revokedAt) return "revoked";
  // The server refuses a token from its expiry instant on (expires_at <= now), so equal is expired.
  if (token.expiresAt && Date.parse(token.expiresAt) <= nowMs) return "expired";
  return "active";
}

/** Select values (strings) of the create form; "never" becomes `expiresInDays: null`. */
export const apiTokenExpiryChoices = ["30", "90", "365", "never"] as const;
export type ApiTokenExpiryChoice = (typeof apiTokenExpiryChoices)[number];

export function expiresInDaysOf(choice: ApiTokenExpiryChoice): number | null {
  return choice === "never" ? null : Number(choice);
}

export function isApiTokenExpiryChoice(value: string | null): value is ApiTokenExpiryChoice {
  return (apiTokenExpiryChoices as readonly (string | null)[]).includes(value);
}
