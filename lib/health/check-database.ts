import "server-only";
import { getPool } from "@/lib/db/client";

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

/** One round trip with a short deadline, so a hung database makes health fail fast, not hang. */
export async function checkDatabase(timeoutMs = 2_000): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([getPool().query("SELECT 1"), deadline]);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `database unavailable: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}
