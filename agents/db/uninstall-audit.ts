import type pg from "pg";
import { inTransaction } from "./in-transaction";
import { AUDIT_SCHEMA, TRIGGER_NAME } from "./install-triggers";

// `--uninstall`: drops every audit trigger and the sightline_audit schema in one transaction,
// leaving the database as it was before the first install. Changes still in the outbox would be
// lost, so it refuses while there are any unless forced.

export interface UninstallReport {
  installed: boolean;
  removedTriggers: string[];
  discardedChanges: number;
}

export async function uninstallAudit(client: pg.ClientBase, { force = false, lockTimeoutMs = 5_000 } = {}): Promise<UninstallReport> {
  return inTransaction(client, async () => {
    await client.query(`SET LOCAL lock_timeout = ${Math.round(lockTimeoutMs)}`);
    await client.query("SELECT pg_advisory_xact_lock(hashtext('sightline_audit.install'))");
    const { rows: schema } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [AUDIT_SCHEMA]);
    if (schema.length === 0) return { installed: false, removedTriggers: [], discardedChanges: 0 };

    const outbox = await client.query<{ pending: number }>(
      `SELECT CASE WHEN to_regclass('${AUDIT_SCHEMA}.outbox') IS NULL THEN 0
                   ELSE (SELECT count(*)::int FROM ${AUDIT_SCHEMA}.outbox) END AS pending`,
    );
    const pending = outbox.rows[0]?.pending ?? 0;
    if (pending > 0 && !force) {
      throw new Error(`${pending} audit change(s) are not shipped to Sightline yet: run the agent until they are, or pass --force to discard them`);
    }
    const { rows: triggers } = await client.query<{ qualified: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS qualified
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE t.tgname = $1 AND t.tgparentid = 0
          AND t.tgfoid IN (SELECT p.oid FROM pg_proc p JOIN pg_namespace pn ON pn.oid = p.pronamespace WHERE pn.nspname = 'sightline_audit' AND p.proname = 'capture')`,
      [TRIGGER_NAME],
    );
    for (const { qualified } of triggers) await client.query(`DROP TRIGGER ${TRIGGER_NAME} ON ${qualified}`);
    await client.query(`DROP SCHEMA ${AUDIT_SCHEMA} CASCADE`);
    return { installed: true, removedTriggers: triggers.map((t) => t.qualified), discardedChanges: pending };
  });
}
