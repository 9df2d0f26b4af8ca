import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { ApiToken } from "@/lib/schemas/api-tokens";
import { apiTokenColumns, apiTokenJson } from "./api-token-json";

export async function listApiTokens(): Promise<ApiToken[]> {
  const rows = await getPrisma().apiToken.findMany({ select: apiTokenColumns, orderBy: { createdAt: "desc" } });
  return rows.map(apiTokenJson);
}
