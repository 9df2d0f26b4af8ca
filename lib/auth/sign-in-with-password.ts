import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import type { SignedInUser } from "./create-session";
import { verifyPassword } from "./hash-password";
import { limitSignInAttempts } from "./limit-sign-in-attempts";

/**
 * Checks an e-mail and password. Every failure looks the same to the caller ("wrong e-mail or
 * password") and is written to the activity log, which is what the attempt limits count.
 */
export async function signInWithPassword(emailInput: string, password: string, client: RequestClient): Promise<SignedInUser> {
  const email = emailInput.trim().toLowerCase();
  await limitSignInAttempts(email, client.ip);
  const user = await getPrisma().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, deactivatedAt: true },
  });
  const passwordOk = await verifyPassword(password, user?.passwordHash);
  if (!user || !passwordOk || user.deactivatedAt) {
    const reason = !user ? "unknown e-mail" : !passwordOk ? "wrong password" : "account deactivated";
    await recordActivity({ action: "sign_in_failed", actor: email, target: email, detail: { method: "password", reason }, client });
    if (user?.deactivatedAt && passwordOk) throw new ApiError("forbidden", "this account is deactivated: ask an admin");
    throw new ApiError("unauthorized", "wrong e-mail or password");
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
