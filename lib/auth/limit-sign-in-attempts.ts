import "server-only";
import { getPrisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";

// Password guessing is slowed per account and per address: after MAX_PER_ACCOUNT failed
// sign-ins for one e-mail, or MAX_PER_ADDRESS from one address, within WINDOW_MS, further
// attempts answer 429 until the oldest failure leaves the window. The failures are the
// activity log's own rows, so every replica of Sightline counts the same attempts.

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export async function limitSignInAttempts(email: string, ip: string | null, now = Date.now()): Promise<void> {
  const since = new Date(now - SIGN_IN_WINDOW_MS);
  const prisma = getPrisma();
  const byAccount = prisma.activityEvent.findMany({
    where: { action: "sign_in_failed", target: email, at: { gt: since } },
    select: { at: true },
    orderBy: { at: "desc" },
    take: MAX_FAILURES_PER_ACCOUNT,
  });
  const byAddress = ip
    ? prisma.activityEvent.findMany({
        where: { action: "sign_in_failed", ip, at: { gt: since } },
        select: { at: true },
        orderBy: { at: "desc" },
        take: MAX_FAILURES_PER_ADDRESS,
      })
    : Promise.resolve([]);
  const [account, address] = await Promise.all([byAccount, byAddress]);
  const blocked = [
    account.length >= MAX_FAILURES_PER_ACCOUNT ? { oldest: account.at(-1)!.at, what: "this account" } : null,
    address.length >= MAX_FAILURES_PER_ADDRESS ? { oldest: address.at(-1)!.at, what: "your address" } : null,
  ].filter((b) => b !== null);
  if (blocked.length === 0) return;
  const waitMs = Math.max(...blocked.map((b) => b.oldest.getTime() + SIGN_IN_WINDOW_MS - now));
  const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  throw new ApiError("too_many_requests", `too many failed sign-ins for ${blocked.map((b) => b.what).join(" and ")}: try again in ${Math.ceil(retryAfterSeconds / 60)} min`, {
    retryAfterSeconds,
  });
}
