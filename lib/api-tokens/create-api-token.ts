import "server-only";
import { getPrisma } from "@/lib/db/client";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import type { ApiToken } from "@/lib/schemas/api-tokens";
import { apiTokenColumns, apiTokenJson } from "./api-token-json";

/** A token for scripts with the role asked for; the secret is returned here once and kept only as a hash. */
export async function createApiToken(
  input: { name: string; role: Role; expiresInDays: number | null },
  by: Principal,
  client: RequestClient,
): Promise<ApiToken & { token: string }> {
  const token = createSecretToken("slt_");
  const expiresAt = input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 86_400_000);
  const row = await getPrisma().apiToken.create({
    data: { name: input.name, role: input.role, tokenHash: hashSecretToken(token), prefix: token.slice(0, 10), expiresAt, createdById: by.userId },
    select: apiTokenColumns,
  });
  await recordActivity({ action: "api_token_created", actor: by, target: input.name, detail: { id: row.id, role: input.role, expiresAt: expiresAt?.toISOString() ?? null }, client });
  return { ...apiTokenJson(row), token };
}
