import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Sessions, API tokens, invite and setup links are long random secrets shown once; the database
// keeps only their SHA-256. A fast hash is right for them (they cannot be guessed); passwords,
// which can, go through argon2 (hash-password.ts).

export function createSecretToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(presented: string, expected: string): boolean {
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
