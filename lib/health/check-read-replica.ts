import "server-only";
import { getReadPool, hasReadReplica } from "@/lib/db/client";
import { getReplicaLag } from "@/lib/db/get-replica-lag";
import type { ReadReplicaHealth } from "@/lib/schemas/health";

// With DATABASE_READ_URL, health also says whether the read replica answers and how far behind it
// is, so pages can warn that what they show may be that many seconds old. Same short deadline as
// the primary's check; the error goes back for the server log only, never into the answer.

export async function checkReadReplica(timeoutMs = 2_000): Promise<{ health: ReadReplicaHealth; error?: unknown } | undefined> {
  if (!hasReadReplica()) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const lag = await Promise.race([getReplicaLag(getReadPool()), deadline]);
    return { health: { ok: true, lagSeconds: lag.lagSeconds } };
  } catch (error) {
    return { health: { ok: false, lagSeconds: null }, error };
  } finally {
    clearTimeout(timer);
  }
}
