import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import type { ShareLink } from "./schemas";
import { shareLinkColumns, shareLinkJson } from "./share-link-json";

/** Revoking twice keeps the first revocation time. */
export async function revokeShareLink(id: string, nowMs: number): Promise<ShareLink> {
  await getPrisma().shareLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(nowMs) } });
  const row = await getPrisma().shareLink.findUnique({ where: { id }, select: shareLinkColumns });
  if (!row) throw new ApiError("not_found", `no share link with id ${id}`);
  return shareLinkJson(row);
}
