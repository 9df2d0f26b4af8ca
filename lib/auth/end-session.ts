import "server-only";
import { getPrisma } from "@/lib/db/client";
import { recordActivity, type RequestClient } from "@/lib/activity/record-activity";
import { hashSecretToken } from "./secret-token";

/** Signing out deletes the session row, so the cookie stops working everywhere at once. */
export async function endSession(sessionToken: string | undefined, client: RequestClient): Promise<void> {
  if (!sessionToken) return;
  const session = await getPrisma().session.findUnique({ where: { tokenHash: hashSecretToken(sessionToken) }, select: { id: true, user: { select: { email: true } } } });
  if (!session) return;
  await getPrisma().session.deleteMany({ where: { id: session.id } });
  await recordActivity({ action: "sign_out", actor: session.user.email, target: session.user.email, client });
}
