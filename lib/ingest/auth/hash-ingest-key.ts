import { createHash, randomBytes } from "node:crypto";

// Ingest keys are random strings shown once; the database keeps only their SHA-256 (a fast hash
// is right here: the keys are long random secrets, not guessable passwords).

export function hashIngestKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function createIngestKeySecret(): string {
  return `sl_${randomBytes(24).toString("base64url")}`;
}
