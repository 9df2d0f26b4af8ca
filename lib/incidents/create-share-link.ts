import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { authorOf } from "./author-of";
import type { CreatedShareLink } from "./schemas";
import { shareLinkColumns, shareLinkJson } from "./share-link-json";

/** Share-link tokens: the prefix and 256 random bits (createSecretToken), base64url. */
export const SHARE_TOKEN_PREFIX = "sls_";
const HOUR_MS = 3_600_000;

export async function createShareLink(incidentId: string, expiresInHours: number, by: Principal, nowMs: number): Promise<CreatedShareLink> {
  const exists = await getPrisma().incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!exists) throw new ApiError("not_found", `no incident with id ${incidentId}`);
  const token = createSecretToken(SHARE_TOKEN_PREFIX);
  const row = await getPrisma().shareLink.create({
    data: { incidentId, tokenHash: hashSecretToken(token), createdBy: authorOf(by), createdAt: new Date(nowMs), expiresAt: new Date(nowMs + expiresInHours * HOUR_MS) },
    select: shareLinkColumns,
  });
  return { shareLink: shareLinkJson(row), path: `/share/${token}` };
}
