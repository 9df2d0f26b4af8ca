import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { User } from "@/lib/schemas/users";
import { userColumns, userJson } from "./user-json";

export async function listUsers(): Promise<User[]> {
  const rows = await getPrisma().user.findMany({ select: userColumns, orderBy: [{ deactivatedAt: { sort: "desc", nulls: "first" } }, { email: "asc" }] });
  return rows.map(userJson);
}
