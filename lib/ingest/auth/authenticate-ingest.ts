import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { env } from "@/lib/server-env";
import { hashSecretToken, sameSecret } from "@/lib/auth/secret-token";

// Every ingest request (OTLP and the agents' endpoints) passes here first. A key is valid when
// it equals SIGHTLINE_INGEST_KEY or hashes to a stored, unrevoked key. Stored keys are cached
// briefly so ingest does not pay a query per request; revoking takes effect within CACHE_MS.
// last_used_at is written at most once a minute per key, off the request's critical path.

const CACHE_MS = 5_000;
const LAST_USED_EVERY_MS = 60_000;

let cache: { at: number; keys: Map<string, string> } | undefined;
const lastUsedWritten = new Map<string, number>();

export async function authenticateIngest(request: Request): Promise<{ keyId: string | null }> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new ApiError("unauthorized", "missing ingest key: send `Authorization: Bearer <key>`");
  const presented = match[1]!;
  if (env.SIGHTLINE_INGEST_KEY && sameSecret(presented, env.SIGHTLINE_INGEST_KEY)) return { keyId: null };

  const keyId = (await storedKeys()).get(hashSecretToken(presented));
  if (!keyId) throw new ApiError("unauthorized", "invalid or revoked ingest key");
  noteUse(keyId);
  return { keyId };
}

async function storedKeys(): Promise<Map<string, string>> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.keys;
  const rows = await getPrisma().ingestKey.findMany({ where: { revokedAt: null }, select: { id: true, keyHash: true } });
  cache = { at: Date.now(), keys: new Map(rows.map((row) => [row.keyHash, row.id])) };
  return cache.keys;
}

/** Called after creating or revoking a key, so this process sees the change at once. */
export function forgetCachedIngestKeys() {
  cache = undefined;
}

function noteUse(keyId: string) {
  const now = Date.now();
  if (now - (lastUsedWritten.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
  lastUsedWritten.set(keyId, now);
  getPrisma()
    .ingestKey.update({ where: { id: keyId }, data: { lastUsedAt: new Date(now) } })
    .catch((error: unknown) => console.error("[sightline] could not record ingest key use:", error));
}

