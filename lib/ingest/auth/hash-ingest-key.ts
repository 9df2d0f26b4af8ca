import { randomBytes } from "node:crypto";

// Ingest keys are random strings shown once; the database keeps only their SHA-256
// (hashSecretToken in lib/auth/secret-token.ts, as for sessions and API tokens).

export function createIngestKeySecret(): string {
  return `sl_${randomBytes(24).toString("base64url")}`;
}
