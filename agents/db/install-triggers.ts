import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type pg from "pg";
import type { AuditTableConfig, QueryTextMode } from "./config";
import { inTransaction } from "./in-transaction";
import { tagSql } from "./tag-sql";

// Brings a monitored database to the wanted audit state, changing only what differs: the
// sightline_audit schema (re-applied only when sql/audit-schema.sql changed, recognised by its
// hash in the schema comment), one trigger per configured table (created, or replaced when its
// configuration changed), and no trigger on tables no longer configured. Run twice, the second
// run changes nothing at all — not even a catalog row's xmin.

export const TRIGGER_NAME = "sightline_audit_capture";
export const AUDIT_SCHEMA = "sightline_audit";
const SCHEMA_SQL = readFileSync(new URL("./sql/audit-schema.sql", import.meta.url), "utf8");
const SCHEMA_VERSION = createHash("sha256").update(SCHEMA_SQL).digest("hex").slice(0, 16);
const SCHEMA_COMMENT = `Sightline db agent audit trail, schema version ${SCHEMA_VERSION}. Remove with: npm run agent:db -- --uninstall`;

export interface InstallAuditOptions {
  queryText: QueryTextMode;
  statementMaxLength: number;
  /**
   * CREATE TRIGGER briefly takes a lock that blocks writes to the table; behind a long
   * transaction it would queue every writer behind it. Give up after this long instead.
   */
  lockTimeoutMs?: number;
}

export interface InstallAuditReport {
  schema: "created" | "updated" | "unchanged";
  created: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

interface ResolvedTable {
  qualified: string;
  args: string;
}

export async function installAudit(client: pg.ClientBase, tables: AuditTableConfig[], options: InstallAuditOptions): Promise<InstallAuditReport> {
  return inTransaction(client, async () => {
    await client.query(`SET LOCAL lock_timeout = ${Math.round(options.lockTimeoutMs ?? 5_000)}`);
    // Two agents starting at once install one after the other.
    await client.query(tagSql("SELECT pg_advisory_xact_lock(hashtext('sightline_audit.install'))"));
    const schema = await ensureSchema(client);
    const wanted = new Map<string, ResolvedTable>();
    for (const table of tables) {
      const resolved = await resolveTable(client, table, options);
      wanted.set(resolved.qualified, resolved);
    }

    const report: InstallAuditReport = { schema, created: [], updated: [], removed: [], unchanged: [] };
    const existing = await client.query<{ qualified: string; args: Buffer }>(
      tagSql(`SELECT format('%I.%I', n.nspname, c.relname) AS qualified, t.tgargs AS args
         FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE t.tgname = $1 AND t.tgparentid = 0
          AND t.tgfoid IN (SELECT p.oid FROM pg_proc p JOIN pg_namespace pn ON pn.oid = p.pronamespace WHERE pn.nspname = 'sightline_audit' AND p.proname = 'capture')`),
      [TRIGGER_NAME],
    );
    const present = new Map(existing.rows.map((row) => [row.qualified, row.args.toString("utf8").split("\0")[0] ?? ""]));

    for (const [qualified, table] of wanted) {
      const current = present.get(qualified);
      if (current === table.args) {
        report.unchanged.push(qualified);
        continue;
      }
      // CREATE OR REPLACE swaps the configuration atomically; there is no moment without a trigger.
      await client.query(
        `CREATE OR REPLACE TRIGGER ${TRIGGER_NAME} AFTER INSERT OR UPDATE OR DELETE ON ${qualified}
           FOR EACH ROW EXECUTE FUNCTION ${AUDIT_SCHEMA}.capture(${client.escapeLiteral(table.args)})`,
      );
      (current === undefined ? report.created : report.updated).push(qualified);
    }
    for (const qualified of present.keys()) {
      if (wanted.has(qualified)) continue;
      await client.query(`DROP TRIGGER ${TRIGGER_NAME} ON ${qualified}`);
      report.removed.push(qualified);
    }
    return report;
  });
}

async function ensureSchema(client: pg.ClientBase): Promise<InstallAuditReport["schema"]> {
  const { rows } = await client.query<{ comment: string | null }>(
    tagSql("SELECT obj_description(oid, 'pg_namespace') AS comment FROM pg_namespace WHERE nspname = $1"),
    [AUDIT_SCHEMA],
  );
  if (rows[0]?.comment === SCHEMA_COMMENT) return "unchanged";
  await client.query(SCHEMA_SQL);
  await client.query(`COMMENT ON SCHEMA ${AUDIT_SCHEMA} IS ${client.escapeLiteral(SCHEMA_COMMENT)}`);
  return rows.length === 0 ? "created" : "updated";
}

/** Checks the table and its configured columns exist and finds its key: a typo in a mask must fail, not leak. */
async function resolveTable(client: pg.ClientBase, table: AuditTableConfig, options: InstallAuditOptions): Promise<ResolvedTable> {
  const name = `${table.schema}.${table.table}`;
  const { rows } = await client.query<{ qualified: string; relkind: string; key: string[] | null; columns: string[] }>(
    tagSql(`SELECT format('%I.%I', n.nspname, c.relname) AS qualified, c.relkind,
            (SELECT array_agg(a.attname::text ORDER BY k.n)
               FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) AS key,
            ARRAY(SELECT attname::text FROM pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped ORDER BY attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN LATERAL (
              SELECT indkey FROM pg_index
               WHERE indrelid = c.oid AND (indisprimary OR indisreplident)
               ORDER BY indisprimary DESC LIMIT 1) AS i ON true
      WHERE n.nspname = $1 AND c.relname = $2`),
    [table.schema, table.table],
  );
  const found = rows[0];
  if (!found) throw new Error(`cannot audit ${name}: no such table`);
  if (found.relkind !== "r" && found.relkind !== "p") throw new Error(`cannot audit ${name}: it is not a table (relkind ${found.relkind})`);
  if (!found.key?.length) throw new Error(`cannot audit ${name}: it has no primary key (nor a replica identity index), so its rows cannot be told apart`);
  const unknown = [...table.ignore, ...table.mask.map((m) => m.column)].filter((column) => !found.columns.includes(column));
  if (unknown.length) throw new Error(`cannot audit ${name}: no column ${unknown.map((c) => `"${c}"`).join(", ")} (columns: ${found.columns.join(", ")})`);

  // Key order is fixed so an unchanged configuration yields the same trigger argument.
  const args = JSON.stringify({
    schema: table.schema,
    table: table.table,
    pk: found.key,
    ignore: [...new Set(table.ignore)].sort(),
    mask: Object.fromEntries(table.mask.map((m): [string, number] => [m.column, m.keepLast]).sort(([a], [b]) => a.localeCompare(b))),
    statement: options.queryText,
    maxStatement: options.statementMaxLength,
  });
  return { qualified: found.qualified, args };
}
