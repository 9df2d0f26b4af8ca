import "server-only";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { Principal } from "@/lib/auth/principal";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { forgetCachedIngestKeys } from "@/lib/ingest/auth/authenticate-ingest";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { createIngestKeySecret } from "@/lib/ingest/auth/hash-ingest-key";
import type { IngestKey } from "@/lib/schemas/ingest-keys";

type Row = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const toJson = (row: Row): IngestKey => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

const columns = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export async function listIngestKeys(): Promise<IngestKey[]> {
  const rows = await getPrisma().ingestKey.findMany({ select: columns, orderBy: { createdAt: "desc" } });
  return rows.map(toJson);
}

export async function createIngestKey(name: string, by: Principal, client: RequestClient): Promise<IngestKey & { key: string }> {
  const key = createIngestKeySecret();
  const row = await getPrisma().ingestKey.create({ data: { name, keyHash: hashSecretToken(key), prefix: key.slice(0, 8) }, select: columns });
  forgetCachedIngestKeys();
  await recordActivity({ action: "ingest_key_created", actor: by, target: name, detail: { id: row.id }, client });
  return { ...toJson(row), key };
}

export async function revokeIngestKey(id: string, by: Principal, client: RequestClient): Promise<IngestKey> {
  const found = await getPrisma().ingestKey.findUnique({ where: { id }, select: { revokedAt: true } });
  if (!found) throw new ApiError("not_found", `no ingest key with id ${id}`);
  const row = await getPrisma().ingestKey.update({ where: { id }, data: { revokedAt: found.revokedAt ?? new Date() }, select: columns });
  forgetCachedIngestKeys();
  if (!found.revokedAt) await recordActivity({ action: "ingest_key_revoked", actor: by, target: row.name, detail: { id }, client });
  return toJson(row);
}
