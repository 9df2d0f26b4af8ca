import { randomBytes } from "node:crypto";
import pg from "pg";
import { withDatabase } from "../db/database-url";

// Throw-away databases for tests, made on the server another URL points at: the per-file copy
// of the migrated template, the db agent's monitored databases, the demo shop's database.

export async function adminQuery(serverUrl: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops it, closing whatever connections are still open to it. */
  drop: () => Promise<void>;
}

/** Creates `<prefix>_<8 hex>` on the server of `serverUrl`, optionally as a copy of `template`. */
export async function createScratchDatabase(serverUrl: string, prefix: string, options: { template?: string } = {}): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const template = options.template ? ` TEMPLATE ${pg.escapeIdentifier(options.template)}` : "";
  await adminQuery(serverUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}${template}`);
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    },
  };
}
