import "server-only";
import { getPrisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { ApiError } from "@/lib/http/api-error";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { Principal } from "@/lib/auth/principal";
import type { Role } from "@/lib/auth/roles";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-token";
import type { User } from "@/lib/schemas/users";
import { userColumns, userJson } from "./user-json";


// An admin adds a user by e-mail and role; the answer carries a one-time invite link (valid
// INVITE_DAYS) through which the person sets their own password, so no admin ever knows it.
// A user who signs in through OIDC with the same verified e-mail needs no invite at all.

export const INVITE_DAYS = 7;

export async function inviteUser(
  input: { email: string; name: string; role: Role },
  origin: string,
  by: Principal,
  client: RequestClient,
): Promise<{ user: User; inviteUrl: string; inviteExpiresAt: string }> {
  const token = createSecretToken("");
  const inviteExpiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  // The unique index decides, so two admins inviting the same address at once get one user
  // and one 409, never a 500.
  const row = await getPrisma()
    .user.create({
      data: { email: input.email, name: input.name, role: input.role, inviteTokenHash: hashSecretToken(token), inviteExpiresAt },
      select: userColumns,
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new ApiError("conflict", `a user with the e-mail ${input.email} exists already`);
      throw error;
    });
  await recordActivity({ action: "user_created", actor: by, target: input.email, detail: { role: input.role }, client });
  return { user: userJson(row), inviteUrl: `${origin}/invite?token=${encodeURIComponent(token)}`, inviteExpiresAt: inviteExpiresAt.toISOString() };
}
