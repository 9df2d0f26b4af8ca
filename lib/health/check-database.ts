import "server-only";
import { getPool } from "@/lib/db/client";

// One round trip with a short deadline, so a hung database makes health fail fast, not hang.
// The error is handed back for the server log only: health answers never carry it (PostgreSQL's
// text names the server's address).

export type DatabaseHealth = { ok: true } | { ok: false; error: unknown };

export async function checkDatabase(timeoutMs = 2_000): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([getPool().query("SELECT 1"), deadline]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}
