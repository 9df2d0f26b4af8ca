import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { SignedInUser } from "@/lib/auth/create-session";
import { hashPassword } from "@/lib/auth/hash-password";
import { hashSecretToken } from "@/lib/auth/secret-token";

/** The invited person sets their password; the link is spent in the same update. */
export async function acceptInvite(input: { token: string; name?: string | undefined; password: string }, client: RequestClient): Promise<SignedInUser> {
  const tokenHash = hashSecretToken(input.token);
  const found = await getPrisma().user.findUnique({ where: { inviteTokenHash: tokenHash }, select: { id: true, inviteExpiresAt: true, deactivatedAt: true } });
  if (!found || found.deactivatedAt) throw new ApiError("forbidden", "this invite link is not valid (used already, or withdrawn): ask an admin for a new one");
  if (!found.inviteExpiresAt || found.inviteExpiresAt.getTime() <= Date.now()) throw new ApiError("forbidden", "this invite link has expired: ask an admin for a new one");
  const passwordHash = await hashPassword(input.password);
  const { count } = await getPrisma().user.updateMany({
    where: { id: found.id, inviteTokenHash: tokenHash },
    data: { passwordHash, inviteTokenHash: null, inviteExpiresAt: null, ...(input.name ? { name: input.name } : {}) },
  });
  if (count !== 1) throw new ApiError("forbidden", "this invite link was used a moment ago");
  const user = await getPrisma().user.findUniqueOrThrow({ where: { id: found.id }, select: { id: true, email: true, name: true, role: true } });
  await recordActivity({ action: "invite_accepted", actor: user.email, target: user.email, client });
  return user;
}
