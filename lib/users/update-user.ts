import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import type { User } from "@/lib/schemas/users";
import { userColumns, userJson } from "./user-json";

// Name, role and active/deactivated. Deactivating ends the user's sessions at once. The last
// active admin can be neither demoted nor deactivated: Sightline would be left with nobody who
// can manage it (the environment admin aside). The check and the change share a transaction
// that locks the admins, so two admins demoting each other at once cannot both succeed.

export async function updateUser(
  id: string,
  change: { name?: string | undefined; role?: Role | undefined; active?: boolean | undefined },
  by: Principal,
  client: RequestClient,
): Promise<User> {
  const row = await getPrisma().$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE role = 'admin' AND deactivated_at IS NULL FOR UPDATE`;
    const found = await tx.user.findUnique({ where: { id }, select: { role: true, deactivatedAt: true } });
    if (!found) throw new ApiError("not_found", `no user with id ${id}`);
    const staysAdmin = (change.role ?? found.role) === "admin" && (change.active ?? !found.deactivatedAt);
    if (admins.some((a) => a.id === id) && !staysAdmin && admins.length === 1) {
      throw new ApiError("conflict", "this is the last active admin: make someone else admin first");
    }
    const deactivatedAt = change.active === undefined ? undefined : change.active ? null : (found.deactivatedAt ?? new Date());
    const updated = await tx.user.update({ where: { id }, data: { name: change.name, role: change.role, deactivatedAt }, select: userColumns });
    if (change.active === false) await tx.session.deleteMany({ where: { userId: id } });
    return updated;
  });
  await recordActivity({ action: "user_updated", actor: by, target: row.email, detail: { ...change }, client });
  return userJson(row);
}
