import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { Principal } from "@/lib/auth/principal";
import type { ApiToken } from "@/lib/schemas/api-tokens";
import { apiTokenColumns, apiTokenJson } from "./api-token-json";

/** The token stays listed, marked revoked, and is refused from the next request on. */
export async function revokeApiToken(id: string, by: Principal, client: RequestClient): Promise<ApiToken> {
  const found = await getPrisma().apiToken.findUnique({ where: { id }, select: { revokedAt: true } });
  if (!found) throw new ApiError("not_found", `no API token with id ${id}`);
  const row = await getPrisma().apiToken.update({ where: { id }, data: { revokedAt: found.revokedAt ?? new Date() }, select: apiTokenColumns });
  if (!found.revokedAt) await recordActivity({ action: "api_token_revoked", actor: by, target: row.name, detail: { id }, client });
  return apiTokenJson(row);
}
