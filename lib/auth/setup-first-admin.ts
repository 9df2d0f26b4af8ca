import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { SignedInUser } from "./create-session";
import { hashPassword } from "./hash-password";
import { SETUP_TOKEN_SETTING } from "./prepare-accounts";
import { hashSecretToken, sameSecret } from "./secret-token";

/** Whether Sightline still waits for its first admin (the setup page asks this). */
export async function needsSetup(): Promise<boolean> {
  return (await getPrisma().user.count({ where: { role: "admin", deactivatedAt: null } })) === 0;
}

/**
 * Creates the first admin with the one-time token `npm start` printed. The token is spent in the
 * same transaction that creates the admin, and the settings row is locked first, so two tabs
 * racing with the same link make one admin, not two.
 */
export async function setupFirstAdmin(input: { token: string; email: string; name: string; password: string }, client: RequestClient): Promise<SignedInUser> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const user = await getPrisma().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ value: { hash?: string } }[]>`SELECT value FROM settings WHERE key = ${SETUP_TOKEN_SETTING} FOR UPDATE`;
    const storedHash = rows[0]?.value.hash;
    const admins = await tx.user.count({ where: { role: "admin", deactivatedAt: null } });
    if (admins > 0) throw new ApiError("conflict", "Sightline already has an admin: sign in instead");
    if (!storedHash || !sameSecret(hashSecretToken(input.token), storedHash)) {
      throw new ApiError("forbidden", "this setup link is not valid: use the link `npm start` printed most recently");
    }
    await tx.setting.delete({ where: { key: SETUP_TOKEN_SETTING } });
    return tx.user.upsert({
      where: { email },
      create: { email, name: input.name.trim(), role: "admin", passwordHash },
      update: { name: input.name.trim(), role: "admin", passwordHash, deactivatedAt: null },
      select: { id: true, email: true, name: true, role: true },
    });
  });
  await recordActivity({ action: "setup_admin", actor: email, target: email, client });
  return user;
}
